/**
 * `cycle open` never opens a week whose report is already due: after this week's due time it opens
 * the next week's cycle (its prompts leave when that week opens) and says why; `--period` opens the
 * week named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { toPersianDigits } from "../../src/domain/text/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, startPardis, type Pardis } from "../support/agency.js";
import { peygir, withEnv } from "../support/cli.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

/** Tuesday 10 Azar 1405, 15:00: an hour after this week's report was due (Tuesday 14:00). */
const AFTER_DUE = instantAt({ jy: 1405, jm: 9, jd: 10 }, 15 * HOUR_MS);
const NEXT_SATURDAY_OPENING = instantAt({ jy: 1405, jm: 9, jd: 14 }, 8 * HOUR_MS);

describe.each(testDatabases())("opening a weekly-report cycle on $name", (target) => {
  let pardis: Pardis;
  let liaison: FakeUser;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    pardis.clock.set(AFTER_DUE);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    restoreEnv = withEnv({ DATABASE_URL: pardis.database.url, BALE_BOT_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined });
  });
  afterAll(async () => {
    restoreEnv();
    await pardis?.stop();
  });

  it("opens next week's cycle once this week's due time has passed, and its prompt leaves when that week opens", async () => {
    const report = await pardis.e2e.app.services.weeklyReports.openCycle("pardis-employment");
    expect(report.why).toBe("next");
    expect(report.passedDueAt).toEqual(instantAt({ jy: 1405, jm: 9, jd: 10 }, 14 * HOUR_MS));
    expect(report.cycle.opensAt).toEqual(NEXT_SATURDAY_OPENING);
    expect(report.cycle.dueAt).toEqual(instantAt({ jy: 1405, jm: 9, jd: 17 }, 14 * HOUR_MS));
    const prompt = await pardis.e2e.app.database.prisma.outboxMessage.findFirstOrThrow({
      where: { topic: `weekly_report:${report.cycle.id}` },
    });
    expect(prompt.notBefore).toEqual(NEXT_SATURDAY_OPENING);

    pardis.clock.set(new Date(NEXT_SATURDAY_OPENING.getTime() + 60_000));
    for (const p of pardis.e2e.app.platforms) p.dispatcher.wake();
    await outboxSettled(pardis.e2e.app);
    const message = await liaison.waitFor("📊 گزارش هفتگی", { fromStart: true });
    expect(message.text).toContain("مهلت ارسال: سه‌شنبه ۱۷ آذر ۱۴۰۵، ساعت ۱۴:۰۰");
  });

  it("opens the week named with --period (digits as printed, in any script) and says so", async () => {
    const opened = await pardis.e2e.app.database.prisma.weeklyReportCycle.findFirstOrThrow();
    const output = await peygir("cycle", "open", "--committee", "pardis-employment", "--period", toPersianDigits(opened.period));
    expect(output).toContain(`week ${opened.period}: already open`);
    expect(output).toContain("the week asked for with --period");
    await expect(peygir("cycle", "open", "--committee", "pardis-employment", "--period", "1405-W77")).rejects.toThrow(
      '--period must name a Jalali week like 1405-W37 (got "1405-W77")',
    );
  });
});
