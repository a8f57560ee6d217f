/**
 * A weekly report is recorded once however often its confirmation arrives, on Bale and Telegram,
 * on each database: the same update delivered twice (same update_id), the confirm button pressed
 * again after the dialog ended, and the confirmation handled again after a crash in its reply.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { FREE_FORM_KEY } from "../../src/domain/weekly-report/answers.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { TOKENS } from "../support/e2e.js";
import { PEOPLE, answerWithButton, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";
import { captureConfirmation, crashAfterConfirmation } from "../support/replay.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
/** Saturday 7 Azar 1405, 09:00: the week's report opened at 08:00 and is due Tuesday 10 Azar, 14:00. */
const SATURDAY = instantAt({ jy: 1405, jm: 9, jd: 7 }, 9 * HOUR_MS);

describe.each(testDatabases())("replayed weekly reports on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let tavon: FakeUser;
    let jahad: FakeUser;
    const db = () => pardis.e2e.app.database.prisma;
    const submissions = (agencyCode: string) => db().weeklyReportSubmission.findMany({ where: { agency: { code: agencyCode } } });
    const audits = async (agencyCode: string) => {
      const ids = (await submissions(agencyCode)).map((s) => String(s.id));
      return db().auditLog.findMany({ where: { action: { startsWith: "weekly_report." }, entityId: { in: ids } } });
    };

    /** Walks the one-message route of the weekly report up to its summary. */
    async function reportUpTo(user: FakeUser, text: string) {
      user.command("/report");
      await answerWithButton(user, "چطور می‌فرستید؟", "ارسال کل گزارش");
      await user.waitFor("کل گزارش را در یک پیام");
      user.send(text);
      return user.waitFor("خلاصه گزارش هفتگی");
    }

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      pardis.clock.set(SATURDAY);
      tavon = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
      jahad = await pardis.e2e.bindUser(platform, PEOPLE.jahad);
      await pardis.e2e.app.services.weeklyReports.openCycle("pardis-employment");
      await outboxSettled(pardis.e2e.app);
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("records one submission when the confirmation is delivered twice or pressed again", async () => {
      const summary = await reportUpTo(tavon, "دو جلسه با بانک‌ها برگزار شد.");
      const confirmation = await captureConfirmation(pardis, platform, tavon, () => pressLabelled(tavon, summary, "ثبت"), "ثبت شد");
      pardis.e2e.fake(platform).redeliver(TOKENS[platform], confirmation.update_id);
      // The same button pressed again after the dialog ended is a new update: it is answered, and changes nothing.
      const again = await pressLabelled(tavon, summary, "ثبت");
      expect(again).toBeDefined();
      await expect.poll(() => db().inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
      await outboxSettled(pardis.e2e.app);
      const saved = await submissions("tavon");
      expect(saved).toHaveLength(1);
      expect(saved[0]!.edited).toBe(false);
      expect(await db().weeklyReportRevision.count()).toBe(0);
      expect((await audits("tavon")).map((a) => a.action)).toEqual(["weekly_report.submitted"]);
      expect(pardis.e2e.fake(platform).unansweredCallbackQueries()).toEqual([]);
    });

    it("records one submission when its confirmation is handled again after a crash", async () => {
      const summary = await reportUpTo(jahad, "در این هفته طرح جدیدی معرفی نشد.");
      await crashAfterConfirmation(pardis, platform, jahad, () => pressLabelled(jahad, summary, "ثبت"), "ثبت شد");
      const saved = await submissions("jahad");
      expect(saved).toHaveLength(1);
      expect(saved[0]!.answers).toEqual({ [FREE_FORM_KEY]: "در این هفته طرح جدیدی معرفی نشد." });
      expect(saved[0]!.edited).toBe(false);
      expect(await db().weeklyReportRevision.count()).toBe(0);
      expect((await audits("jahad")).map((a) => a.action)).toEqual(["weekly_report.submitted"]);
    });
  });
});
