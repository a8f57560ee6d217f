/**
 * The weekly report end to end, on Bale and on Telegram, on each database: a cycle opens and asks
 * each agency's liaisons (heads where there is none) once; a liaison answers question by question
 * with Persian and Arabic digits and wrong answers in between; edits before the due time keep
 * the earlier answers; after it, a first report is accepted as late and an edit is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { FREE_FORM_KEY } from "../../src/domain/weekly-report/answers.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, answerWithButton, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
/** Saturday 7 Azar 1405, 09:00: the week's report opened at 08:00 and is due Tuesday 10 Azar, 14:00. */
const SATURDAY = instantAt({ jy: 1405, jm: 9, jd: 7 }, 9 * HOUR_MS);
/** Wednesday 11 Azar, 10:00: the due time has passed. */
const AFTER_DUE = instantAt({ jy: 1405, jm: 9, jd: 11 }, 10 * HOUR_MS);

describe.each(testDatabases())("weekly reports on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let liaison: FakeUser;
    let tavonHead: FakeUser;
    let jahadHead: FakeUser;
    const db = () => pardis.e2e.app.database.prisma;
    const submission = async (agencyCode: string) =>
      db().weeklyReportSubmission.findFirstOrThrow({
        where: { agency: { code: agencyCode } },
        include: { revisions: true, attachments: true },
      });

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      pardis.clock.set(SATURDAY);
      liaison = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
      tavonHead = await pardis.e2e.bindUser(platform, PEOPLE.tavonHead);
      jahadHead = await pardis.e2e.bindUser(platform, PEOPLE.jahad);
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("opens the week's cycle once and asks liaisons, or heads where an agency has none", async () => {
      const report = await pardis.e2e.app.services.weeklyReports.openCycle("pardis-employment");
      expect(report.created).toBe(true);
      expect(report.cycle.dueAt).toEqual(instantAt({ jy: 1405, jm: 9, jd: 10 }, 14 * HOUR_MS));
      await outboxSettled(pardis.e2e.app);
      const prompt = await liaison.waitFor("📊 گزارش هفتگی", { fromStart: true });
      expect(prompt.text).toContain("مهلت ارسال: سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۴:۰۰");
      await jahadHead.waitFor("📊 گزارش هفتگی", { fromStart: true });
      const again = await pardis.e2e.app.services.weeklyReports.openCycle("pardis-employment");
      expect(again.created).toBe(false);
      expect(again.agencies.reduce((sum, a) => sum + a.queued, 0)).toBe(0);
      await outboxSettled(pardis.e2e.app);
      const prompts = (user: FakeUser) => user.messages().filter((m) => m.text?.includes("📊 گزارش هفتگی")).length;
      expect([prompts(liaison), prompts(tavonHead), prompts(jahadHead)]).toEqual([1, 0, 1]);
    });

    it("walks the questions, refusing words and negatives where a number is due, taking units, and saves on confirmation", async () => {
      const prompt = liaison.messages().find((m) => m.text?.includes("📊 گزارش هفتگی"))!;
      await pressLabelled(liaison, prompt, "ارسال گزارش هفتگی");
      await answerWithButton(liaison, "چطور می‌فرستید؟", "پاسخ به پرسش‌ها");
      await liaison.waitFor("پرسش ۱ از ۴: خلاصه اقدامات هفته");
      liaison.send("برگزاری دو جلسه با بانك‌ها");
      await liaison.waitFor("پرسش ۲ از ۴: تعداد اشتغال ایجادشده و ثبت‌شده در سامانه رصد (نفر)");
      liaison.send("دوازده نفر");
      await liaison.waitFor("عدد را با رقم بنویسید، مثلاً ۱۲");
      liaison.send("-5");
      await liaison.waitFor(/منفی/);
      liaison.send("۱۲ نفر");
      await liaison.waitFor("پرسش ۳ از ۴");
      liaison.send("۱۲ نفر");
      await liaison.waitFor("واحد این پرسش «میلیون ریال» است، نه «نفر»");
      // A multiple of the question's unit is converted: 12.5 billion rials = 12,500 million rials.
      liaison.send("۱۲٫۵ میلیارد ریال");
      await liaison.waitFor("پرسش ۴ از ۴");
      liaison.send("٣");
      await answerWithButton(liaison, "اگر پیوستی", "فایلی ندارم");
      const summary = await liaison.waitFor("خلاصه گزارش هفتگی");
      expect(summary.text).toContain("• مبلغ تسهیلات اشتغال فراگیر و مشاغل خانگی پرداخت‌شده: ۱۲٬۵۰۰ میلیون ریال");
      expect(await db().weeklyReportSubmission.count()).toBe(0);
      await pressLabelled(liaison, summary, "ثبت");
      await liaison.waitFor("ثبت شد. تا پایان مهلت می‌توانید");
      const saved = await submission("tavon");
      expect(saved.answers).toEqual({ summary: "برگزاری دو جلسه با بانک‌ها", jobs_created: 12, facilities_paid: 12500, cases_at_banks: 3 });
      expect([saved.late, saved.edited, saved.platform]).toEqual([false, false, platform]);
      expect(await db().auditLog.count({ where: { action: "weekly_report.submitted" } })).toBe(1);
    });

    it("lets the report be replaced before the due time by one file, keeping the earlier answers", async () => {
      liaison.command("/report");
      const intro = await liaison.waitFor("چطور می‌فرستید؟");
      expect(intro.text).toContain("پیش‌تر فرستاده‌اید");
      await pressLabelled(liaison, intro, "ارسال کل گزارش");
      await liaison.waitFor("کل گزارش را در یک پیام بنویسید یا یک فایل بفرستید");
      liaison.sendDocument({ fileName: "گزارش-هفته.xlsx", size: 40_000, caption: "گزارش کامل هفته" });
      await answerWithButton(liaison, "خلاصه گزارش هفتگی", "ثبت");
      await liaison.waitFor("ویرایش شد (نسخه قبلی نگه داشته شد)");
      const saved = await submission("tavon");
      expect(saved.answers).toEqual({ [FREE_FORM_KEY]: "گزارش کامل هفته" });
      expect(saved.edited).toBe(true);
      expect(saved.revisions.map((r) => r.answers)).toEqual([
        { summary: "برگزاری دو جلسه با بانک‌ها", jobs_created: 12, facilities_paid: 12500, cases_at_banks: 3 },
      ]);
      expect(saved.attachments).toMatchObject([{ fileName: "گزارش-هفته.xlsx", platform }]);
    });

    it("accepts a first report after the due time as late, and refuses to change one sent in time", async () => {
      pardis.clock.set(AFTER_DUE);
      jahadHead.command("/report");
      const intro = await jahadHead.waitFor("چطور می‌فرستید؟");
      expect(intro.text).toContain("«با تأخیر» ثبت می‌شود");
      await pressLabelled(jahadHead, intro, "ارسال کل گزارش");
      await jahadHead.waitFor("کل گزارش را در یک پیام");
      jahadHead.send("در این هفته طرح جدیدی معرفی نشد.");
      await answerWithButton(jahadHead, "خلاصه گزارش هفتگی", "ثبت");
      await jahadHead.waitFor("«با تأخیر» ثبت شد");
      expect((await submission("jahad")).late).toBe(true);

      liaison.command("/report");
      await liaison.waitFor("دیگر قابل ویرایش نیست");
      expect((await submission("tavon")).revisions).toHaveLength(1);
      pardis.clock.set(SATURDAY);
    });
  });
});
