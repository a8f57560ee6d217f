/**
 * The operator's commands run beside the running bot, as in production: the CLI holds no bot
 * token, yet what it queues reaches every platform on which the recipient has bound a chat, and
 * it says which bot will send it — or, plainly, that no bot serves a platform.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { MEETING, PEOPLE, expectAssignmentMessages, startPardis, type Pardis } from "../support/agency.js";
import { peygir, withEnv } from "../support/cli.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

describe.each(testDatabases())("the CLI beside a running bot on $name", (target) => {
  let pardis: Pardis;
  let liaisonOnBale: FakeUser;
  let headOnTelegram: FakeUser;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale", "telegram"] });
    liaisonOnBale = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    headOnTelegram = await pardis.e2e.bindUser("telegram", PEOPLE.tavonHead);
    restoreEnv = withEnv({ DATABASE_URL: pardis.database.url, BALE_BOT_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined });
  });
  afterAll(async () => {
    restoreEnv();
    await pardis?.stop();
  });

  const pendingOn = async (platform: Platform) =>
    pardis.e2e.app.database.prisma.outboxMessage.count({ where: { platform, status: "pending" } });

  it("queues a publication for each bound platform without any token, names the bots that send it, and they deliver it", async () => {
    const output = await peygir("publish", "--meeting", MEETING);
    // tavon has five assignments: each goes to its liaison (Bale) and its head (Telegram).
    expect(output).toMatch(/resolution 1 → .+ \(lead\) \[new\]: 2 message\(s\) queued/);
    expect(await pendingOn("bale")).toBe(5);
    expect(await pendingOn("telegram")).toBe(5);
    expect(output).toMatch(
      /^bale: 5 message\(s\) waiting in the outbox, sent by the bale bot @peygir_bale_bot \(last started .+\) while it runs$/m,
    );
    expect(output).toMatch(/^telegram: 5 message\(s\) waiting in the outbox, sent by the telegram bot @peygir_telegram_bot/m);
    expect(output).not.toContain("warning");

    // The CLI's clock is the real one; the bot's clock reaches the office hours they wait for.
    const latest = await pardis.e2e.app.database.prisma.outboxMessage.aggregate({ _max: { notBefore: true } });
    pardis.clock.set(new Date(latest._max.notBefore!.getTime() + 60_000));
    for (const p of pardis.e2e.app.platforms) p.dispatcher.wake();
    await outboxSettled(pardis.e2e.app);
    await expectAssignmentMessages(liaisonOnBale, 5);
    await expectAssignmentMessages(headOnTelegram, 5);
  });

  it("says plainly when no bot has ever served a platform on which messages wait", async () => {
    const db = pardis.e2e.app.database.prisma;
    // As on a database that a Telegram bot served once and no longer does (its record gone):
    // the head's Telegram chat still gets its messages queued, and the operator is told.
    await db.botPlatform.delete({ where: { platform: "telegram" } });
    const smt = await db.person.findFirstOrThrow({ where: { memberships: { some: { agency: { code: "smt" } } } } });
    await db.chatIdentity.create({ data: { personId: smt.id, platform: "telegram", userId: "777001", chatId: "777001" } });
    const output = await peygir("publish", "--meeting", MEETING);
    expect(output).toMatch(/resolution \d+ → .+: 1 message\(s\) queued/);
    expect(output).toMatch(
      /^warning: telegram: 4 message\(s\) waiting in the outbox, but no telegram bot has ever run with this database; they leave once the bot runs with TELEGRAM_BOT_TOKEN set$/m,
    );
  });
});
