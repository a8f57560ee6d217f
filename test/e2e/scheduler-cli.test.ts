/**
 * `peygir sweep` and `peygir upcoming` through the real command line program, beside the running
 * bot (which delivers what the CLI queues): upcoming lists who gets what when from the same policy;
 * a dry run prints what a pass would queue and writes nothing; the pass queues it, per recipient;
 * the same instant again queues nothing new; Jalali and ISO times alike. On each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstantArgument } from "../../src/cli/instant-argument.js";
import { HOUR_MS, MINUTE_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { peygir, withEnv } from "../support/cli.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const azar = (day: number, h: number, m = 0) => instantAt({ jy: 1405, jm: 9, jd: day }, h * HOUR_MS + m * MINUTE_MS);

describe("--at and --from", () => {
  it("take ISO-8601 with an offset and Jalali dates with a Tehran time, in any digits", () => {
    expect(parseInstantArgument("2026-11-28T08:01:00+03:30")).toEqual(azar(7, 8, 1));
    expect(parseInstantArgument("2026-11-28T04:31:00Z")).toEqual(azar(7, 8, 1));
    expect(parseInstantArgument("1405/09/07 08:01")).toEqual(azar(7, 8, 1));
    expect(parseInstantArgument("۱۴۰۵/۰۹/۰۷ ۰۸:۰۱")).toEqual(azar(7, 8, 1));
    expect(parseInstantArgument("1405/09/07")).toEqual(azar(7, 0));
  });

  it("refuse anything else with what they expect", () => {
    expect(() => parseInstantArgument("2026-11-28T08:01:00")).toThrow(/no offset: add Z or \+03:30/);
    expect(() => parseInstantArgument("1405/13/01 08:00")).toThrow(/not a Jalali date/);
    expect(() => parseInstantArgument("1405/09/07 25:00")).toThrow(/no such time of day/);
    expect(() => parseInstantArgument("tomorrow")).toThrow(/expected an ISO-8601 instant/);
  });
});

describe.each(testDatabases())("sweep and upcoming on $name", (target) => {
  let pardis: Pardis;
  let liaison: FakeUser;
  let restoreEnv: () => void = () => undefined;
  const outbox = () => pardis.e2e.app.database.prisma.outboxMessage.count();

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    await publishMeeting(pardis.e2e);
    restoreEnv = withEnv({ DATABASE_URL: pardis.database.url, BALE_BOT_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined });
  });
  afterAll(async () => {
    restoreEnv();
    await pardis?.stop();
  });

  it("upcoming lists the next working days' messages, who and when, from the same policy", async () => {
    const out = await peygir("upcoming", "--committee", "pardis-employment", "--days", "3", "--from", "1405/09/04 10:30");
    expect(out).toContain("(3 working day(s), pardis-employment)");
    // Published Wednesday 10:00: the first reminder a working day later, Saturday 10:00 (Thursday off, Friday).
    expect(out).toMatch(
      /شنبه ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۰ {2}pardis-employment {2}unacknowledged\+1d: resolution 1 of meeting 1405-08 — اداره تعاون/,
    );
    expect(out).toMatch(/→ .*زهرا موسوی/);
    // The weekly cycle opens Saturday 08:00 and reminds on Monday, the day before it is due.
    expect(out).toMatch(/شنبه ۷ آذر ۱۴۰۵، ساعت ۰۸:۰۰ {2}pardis-employment {2}weekly_report:open: week 1405-W37/);
    expect(out).toMatch(/دوشنبه ۹ آذر ۱۴۰۵، ساعت ۰۸:۰۰ {2}pardis-employment {2}weekly_report:remind_day_before/);
    // Three working days from Wednesday end on Monday's close: nothing of Tuesday.
    expect(out).not.toContain("سه‌شنبه ۱۰ آذر");
    expect(out).not.toMatch(/جمعه|پنجشنبه/);
  });

  it("upcoming for a committee that does not exist says so", async () => {
    await expect(peygir("upcoming", "--committee", "nowhere")).rejects.toThrow(/no committee with code "nowhere"/);
  });

  it("a dry run prints what the pass would queue, per recipient, and writes nothing", async () => {
    const before = await outbox();
    const out = await peygir("sweep", "--at", "1405/09/07 10:01", "--dry-run");
    expect(out).toContain("dry run: nothing was written");
    expect(out).toMatch(/زهرا موسوی:\n( {2}.*\n)* {2}reminder — resolution 1 \(اداره تعاون[^)]*\): unacknowledged;/);
    expect(out).toContain("would be queued");
    expect(await outbox()).toBe(before);
  });

  it("the pass queues it (ISO time), the bot delivers it, and the same instant again queues nothing new", async () => {
    const before = liaison.messages().length;
    // The bot's clock reads the same instant, so it sends what the pass queued for then.
    pardis.clock.set(azar(7, 10, 1));
    const out = await peygir("sweep", "--at", "2026-11-28T06:31:00Z");
    expect(out).toContain("Pass at شنبه ۷ آذر ۱۴۰۵، ساعت ۱۰:۰۱");
    expect(out).toMatch(/assignment-ladder: \d+ due, \d+ acted on/);
    expect(out).toMatch(/زهرا موسوی:\n( {2}.*\n)* {2}reminder — .*\(1 message\(s\) queued\)/);
    // The weekly cycle's opening prompt went in the same pass (its step was due at 08:00).
    expect(out).toMatch(/weekly_report:open — week 1405-W37: اداره تعاون/);
    await outboxSettled(pardis.e2e.app);
    await new Promise((r) => setTimeout(r, 100));
    expect(
      liaison
        .messages()
        .slice(before)
        .map((m) => m.text ?? "")
        .filter((t) => t.includes("⏰ یادآوری پیگیری")),
    ).toHaveLength(1);
    const count = await outbox();
    const again = await peygir("sweep", "--at", "1405/09/07 10:01");
    expect(again).toContain("Nothing queued.");
    expect(await outbox()).toBe(count);
  });
});
