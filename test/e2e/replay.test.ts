/**
 * Nothing is recorded twice when an update is handled again after a crash, on Bale and Telegram,
 * on each database. The window of kill -9 that matters: a dialog's confirmation was handled and
 * committed, but the process died while its "saved" reply was in flight — before the dialog's
 * state was saved and before the inbox marked the update handled. The database is put back in
 * exactly that state (the dialog's state from before the confirmation, the update unhandled),
 * and the app restarts: it handles the update again, answers again, and writes nothing again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PEOPLE,
  answerWithButton,
  assignmentId,
  expectAssignmentMessages,
  messageAbout,
  pressLabelled,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { crashAfterConfirmation } from "../support/replay.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];

describe.each(testDatabases())("replayed updates on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let liaison: FakeUser;
    let secretariat: FakeUser;
    const db = () => pardis.e2e.app.database.prisma;

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      liaison = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
      secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
      await publishMeeting(pardis.e2e);
      await expectAssignmentMessages(liaison, 5);
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    const crashAfter = (confirm: () => Promise<unknown>, reply: string | RegExp) =>
      crashAfterConfirmation(pardis, platform, liaison, confirm, reply);

    it("records a blocker confirmed just before a crash once: one update, one audit row, one notice", async () => {
      const id = await assignmentId(pardis.e2e, 5, "tavon");
      await liaison.press(messageAbout(liaison, id), `a:blk:${id}`);
      await liaison.waitFor("مانع اجرای مصوبه ۵ جلسه ۱۴۰۵-۰۸ چیست؟");
      liaison.send("اعتبار همایش تأمین نشده است");
      const summary = await liaison.waitFor("اعلام مانع برای مصوبه ۵");
      await crashAfter(() => pressLabelled(liaison, summary, "ثبت"), "همین حالا به دبیرخانه اطلاع داده شد");
      expect(await db().progressUpdate.count({ where: { assignmentId: id, kind: "blocked" } })).toBe(1);
      expect(await db().auditLog.count({ where: { action: "assignment.block", entityId: String(id) } })).toBe(1);
      const notices = secretariat.messages().filter((m) => m.text?.includes("⛔ اعلام مانع") && m.text.includes("اعتبار همایش"));
      expect(notices).toHaveLength(1);
    });

    it("records progress confirmed just before a crash once", async () => {
      const id = await assignmentId(pardis.e2e, 6, "tavon");
      await liaison.press(messageAbout(liaison, id), `a:prg:${id}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.send("نامه به بانک‌ها ارسال شد");
      await liaison.waitFor("چند درصد کار انجام شده است");
      liaison.send("۴۰");
      await answerWithButton(liaison, "اگر سند یا عکسی", "فایلی ندارم");
      const summary = await liaison.waitFor("خلاصه گزارش پیشرفت");
      await crashAfter(() => pressLabelled(liaison, summary, "ثبت"), /گزارش پیشرفت مصوبه ۶ جلسه ۱۴۰۵-۰۸ ثبت شد/);
      expect(await db().progressUpdate.count({ where: { assignmentId: id, kind: "progress" } })).toBe(1);
      expect(await db().auditLog.count({ where: { action: "assignment.progress", entityId: String(id) } })).toBe(1);
    });

    it("records a reply to an assignment message handled just before a crash once", async () => {
      const id = await assignmentId(pardis.e2e, 4, "tavon");
      const before = await db().progressUpdate.count({ where: { assignmentId: id } });
      await crashAfter(async () => liaison.reply(messageAbout(liaison, id).message_id, "پیگیری با اصناف انجام شد"), /ثبت شد/);
      expect(await db().progressUpdate.count({ where: { assignmentId: id } })).toBe(before + 1);
    });
  });
});
