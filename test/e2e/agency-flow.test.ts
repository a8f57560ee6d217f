/**
 * The agency side end to end, on Bale and on Telegram, on each database: acknowledging, progress
 * with a Persian-digit percent and a document, replying to an assignment message, loose messages,
 * done claims and blockers reaching the secretariat, /tasks, a restart in the middle of a dialog,
 * forged and stale buttons, and every kind of wrong answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PARDIS_MORNING,
  PEOPLE,
  answerWithButton,
  assignmentId,
  assignmentRow,
  expectAssignmentMessages,
  messageAbout,
  pressLabelled,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { outboxSettled } from "../support/outbox.js";
import { testDatabases } from "../support/databases.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
const MB = 1024 * 1024;

describe.each(testDatabases())("the agency side on $name", (target) => {
  describe.each(PLATFORMS)("on %s", (platform) => {
    let pardis: Pardis;
    let liaison: FakeUser;
    let secretariat: FakeUser;
    let smt: FakeUser;
    const ids: Record<string, number> = {};
    const db = () => pardis.e2e.app.database.prisma;

    beforeAll(async () => {
      pardis = await startPardis(target, { platforms: [platform] });
      liaison = await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison);
      secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
      smt = await pardis.e2e.bindUser(platform, PEOPLE.smt);
      await publishMeeting(pardis.e2e);
      await expectAssignmentMessages(liaison, 5);
      for (const r of [1, 3, 4, 5, 6]) ids[`r${r}`] = await assignmentId(pardis.e2e, r, "tavon");
      ids.smtR1 = await assignmentId(pardis.e2e, 1, "smt");
    });
    afterAll(async () => {
      await pardis?.stop();
    });

    it("acknowledges with one press, edits the message, and takes a second press calmly", async () => {
      const message = messageAbout(liaison, ids.r1!);
      const answer = await liaison.press(message, `a:ack:${ids.r1}`);
      expect(answer.text).toContain("رویت کردید");
      const edited = await liaison.waitFor((m) => m.message_id === message.message_id && !!m.text?.includes("وضعیت: رویت‌شده"));
      expect(JSON.stringify(edited.reply_markup)).not.toContain(`a:ack:${ids.r1}`);
      const row = await assignmentRow(pardis.e2e, ids.r1!);
      expect(row.status).toBe("acknowledged");
      expect(row.acknowledgedAt).not.toBeNull();
      // A stale client still showing the button: acknowledged already, nothing written again.
      const again = await liaison.press(message.message_id, `a:ack:${ids.r1}`, { force: true });
      expect(again.text).toContain("پیش‌تر ثبت شده");
      expect(await db().auditLog.count({ where: { action: "assignment.ack", entityId: String(ids.r1) } })).toBe(1);
    });

    it("records progress: text, a Persian-digit percent (۵۰٪), a document, a summary, then saves it all at once", async () => {
      await liaison.press(messageAbout(liaison, ids.r1!), `a:prg:${ids.r1}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.send("جلسه بررسی مشكلات سامانه رصد با حضور صمت برگزار شد");
      await liaison.waitFor("چند درصد کار انجام شده است");
      liaison.send("۵۰٪");
      await liaison.waitFor("اگر سند یا عکسی");
      liaison.sendDocument({ fileName: "صورتجلسه.pdf", mimeType: "application/pdf", size: 250_000 });
      await answerWithButton(liaison, "فایل ۱ دریافت شد", "پایان ارسال فایل‌ها");
      const summary = await liaison.waitFor("خلاصه گزارش پیشرفت");
      expect(summary.text).toContain("درصد پیشرفت: ۵۰٪");
      expect(summary.text).toContain("پیوست: ۱ فایل");
      // Nothing is saved before the confirmation.
      expect(await db().progressUpdate.count({ where: { assignmentId: ids.r1, kind: "progress" } })).toBe(0);
      await pressLabelled(liaison, summary, "ثبت");
      await liaison.waitFor(/گزارش پیشرفت مصوبه ۱ جلسه ۱۴۰۵-۰۸ ثبت شد\. وضعیت: در حال اجرا \(۵۰٪\)/);
      const row = await assignmentRow(pardis.e2e, ids.r1!);
      expect([row.status, row.percent]).toEqual(["in_progress", 50]);
      const update = await db().progressUpdate.findFirstOrThrow({
        where: { assignmentId: ids.r1, kind: "progress" },
        include: { attachments: true },
      });
      // ك and ي typed on an Arabic keyboard are stored as ک and ی.
      expect(update.text).toBe("جلسه بررسی مشکلات سامانه رصد با حضور صمت برگزار شد");
      expect(update.percent).toBe(50);
      expect(update.platform).toBe(platform);
      expect(update.attachments).toMatchObject([{ platform, kind: "document", fileName: "صورتجلسه.pdf", size: 250_000 }]);
      expect(await db().auditLog.count({ where: { action: "assignment.progress", entityId: String(ids.r1) } })).toBe(1);
    });

    it("keeps a dialog where it was on every wrong answer, and saves nothing when it is cancelled", async () => {
      const card = messageAbout(liaison, ids.r5!);
      await liaison.press(card, `a:prg:${ids.r5}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.sendPhoto({ size: 80_000 });
      await liaison.waitFor("لطفاً ابتدا شرح پیشرفت را به صورت متن بنویسید");
      liaison.send("هماهنگی با اتحادیه‌ها");
      const percentQuestion = await liaison.waitFor("چند درصد کار انجام شده است");
      liaison.send("۱۵۰");
      await liaison.waitFor("درصد باید از ۰ تا ۱۰۰ باشد");
      liaison.send("پنجاه");
      await liaison.waitFor("این درصد را متوجه نشدم");
      // /tasks in the middle of the dialog is answered beside it.
      liaison.command("/tasks");
      await liaison.waitFor("کارهای باز دستگاه شما");
      // Still at the percent question: a valid answer moves on.
      liaison.send("20 درصد");
      await liaison.waitFor("اگر سند یا عکسی");
      liaison.sendDocument({ fileName: "بزرگ.zip", size: 60 * MB });
      await liaison.waitFor("از سقف مجاز (۲۰ مگابایت) بزرگ‌تر است");
      liaison.send("این یک فایل نیست");
      await liaison.waitFor("لطفاً فایل (سند یا عکس) بفرستید");
      liaison.command("/cancel");
      await liaison.waitFor("انصراف داده شد");
      expect(await db().progressUpdate.count({ where: { assignmentId: ids.r5 } })).toBe(0);
      expect((await assignmentRow(pardis.e2e, ids.r5!)).status).toBe("assigned");
      // A button of the dialog that was cancelled has expired.
      const expired = await pressLabelled(liaison, percentQuestion, "بعدی");
      expect(expired.show_alert).toBe(true);
      expect(expired.text).toContain("این دکمه دیگر معتبر نیست");
    });

    it("counts a reply to an assignment message (text or file) as progress on that assignment", async () => {
      const card = messageAbout(liaison, ids.r6!);
      liaison.reply(card.message_id, "با روسای بانک‌ها برای جلسه هماهنگ شد");
      await liaison.waitFor(/گزارش پیشرفت مصوبه ۶ جلسه ۱۴۰۵-۰۸ ثبت شد/);
      liaison.reply(card.message_id, { fileName: "دعوتنامه.pdf", size: 90_000, caption: "دعوت‌نامه جلسه" });
      await liaison.waitFor(/گزارش پیشرفت مصوبه ۶ جلسه ۱۴۰۵-۰۸ ثبت شد/);
      const updates = await db().progressUpdate.findMany({
        where: { assignmentId: ids.r6 },
        include: { attachments: true },
        orderBy: { id: "asc" },
      });
      expect(updates.map((u) => [u.kind, u.text, u.attachments.length])).toEqual([
        ["progress", "با روسای بانک‌ها برای جلسه هماهنگ شد", 0],
        ["progress", "دعوت‌نامه جلسه", 1],
      ]);
      expect((await assignmentRow(pardis.e2e, ids.r6!)).status).toBe("in_progress");
      liaison.reply(card.message_id, { fileName: "خیلی‌بزرگ.mp4", size: 60 * MB });
      await liaison.waitFor("از سقف مجاز");
      expect(await db().progressUpdate.count({ where: { assignmentId: ids.r6 } })).toBe(2);
    });

    it("asks which item a loose message is about, then files it as progress", async () => {
      liaison.send("نامه پیگیری به اداره کل ارسال شد");
      const question = await liaison.waitFor("این پیام درباره کدام کار است؟");
      // Each choice carries its subject: the first words of the resolution.
      expect(question.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toContain("مصوبه ۴ جلسه ۱۴۰۵-۰۸: ثبت به موقع اطلاعات…");
      await pressLabelled(liaison, question, "مصوبه ۴ جلسه ۱۴۰۵-۰۸");
      await liaison.waitFor(/گزارش پیشرفت مصوبه ۴ جلسه ۱۴۰۵-۰۸ ثبت شد/);
      const update = await db().progressUpdate.findFirstOrThrow({ where: { assignmentId: ids.r4 } });
      expect(update.text).toBe("نامه پیگیری به اداره کل ارسال شد");
    });

    it("claims done with evidence, waiting for the secretariat, who is told through the outbox", async () => {
      await liaison.press(messageAbout(liaison, ids.r1!), `a:done:${ids.r1}`);
      await liaison.waitFor("اگر توضیح یا مستندی");
      liaison.send("نتایج با نامه ۱۲۳/۴۵ به اداره کل اعلام شد");
      // After the note, files may follow: none here.
      await answerWithButton(liaison, "توضیح دریافت شد", "فایلی ندارم");
      await answerWithButton(liaison, "اعلام انجام مصوبه ۱ جلسه ۱۴۰۵-۰۸:", "ثبت");
      await liaison.waitFor("برای تأیید به دبیرخانه رفت");
      const row = await assignmentRow(pardis.e2e, ids.r1!);
      expect(row.status).toBe("reported_done");
      const notice = await secretariat.waitFor("🏁 اعلام انجام", { fromStart: true, timeoutMs: 5_000 });
      expect(notice.text).toContain("«اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس» مصوبه ۱ جلسه ۱۴۰۵-۰۸");
      expect(notice.text).toContain("نتایج با نامه ۱۲۳/۴۵ به اداره کل اعلام شد");
      expect(await db().outboxMessage.count({ where: { topic: `assignment:${ids.r1}`, chatId: String(secretariat.chatId) } })).toBe(1);
    });

    it("requires a reason for a blocker and tells the secretariat at once", async () => {
      await liaison.press(messageAbout(liaison, ids.r5!), `a:blk:${ids.r5}`);
      await liaison.waitFor("مانع اجرای مصوبه ۵ جلسه ۱۴۰۵-۰۸ چیست؟");
      liaison.sendDocument({ fileName: "x.pdf", size: 1000 });
      await liaison.waitFor("نوشتن علت مانع لازم است");
      liaison.send("اعتبار برگزاری همایش تأمین نشده است");
      await answerWithButton(liaison, "اعلام مانع برای مصوبه ۵", "ثبت");
      await liaison.waitFor("همین حالا به دبیرخانه اطلاع داده شد");
      const row = await assignmentRow(pardis.e2e, ids.r5!);
      expect([row.status, row.blockedReason]).toEqual(["blocked", "اعتبار برگزاری همایش تأمین نشده است"]);
      const notice = await secretariat.waitFor("⛔ اعلام مانع", { fromStart: true });
      expect(notice.text).toContain("علت مانع: اعتبار برگزاری همایش تأمین نشده است");
      expect(notice.text).toContain("(توسط زهرا موسوی)");
    });

    it("refuses forged, foreign, unknown, finished and impossible buttons politely and changes nothing", async () => {
      const before = await db().auditLog.count();
      const smtCard = messageAbout(smt, ids.smtR1!);
      // Another agency's assignment id on smt's own message.
      const foreign = await smt.press(smtCard, `a:ack:${ids.r6}`, { force: true });
      expect(foreign).toMatchObject({ show_alert: true });
      expect(foreign.text).toContain("به کارهای دستگاه شما مربوط نیست");
      for (const data of ["a:prg:987654321", "a:ack:999999999999"]) {
        const unknown = await smt.press(smtCard, data, { force: true });
        expect(unknown.text).toContain("به کارهای دستگاه شما مربوط نیست");
      }
      // A finished item: the secretariat verified the done claim meanwhile.
      await db().assignment.update({ where: { id: ids.r1 }, data: { status: "done", doneAt: pardis.clock.now() } });
      const finished = await liaison.press(messageAbout(liaison, ids.r1!), `a:prg:${ids.r1}`, { force: true });
      expect(finished.text).toContain("این مورد بسته شده است");
      // "Done" on a standing resolution.
      const standing = await liaison.press(messageAbout(liaison, ids.r3!), `a:done:${ids.r3}`, { force: true });
      expect(standing.text).toContain("مستمر است");
      expect(await db().auditLog.count()).toBe(before);
      expect((await assignmentRow(pardis.e2e, ids.r6!)).status).toBe("in_progress");
    });

    it("continues a dialog after a restart, from where it was", async () => {
      await liaison.press(messageAbout(liaison, ids.r4!), `a:prg:${ids.r4}`);
      await liaison.waitFor("در چند جمله بنویسید");
      liaison.send("ثبت اطلاعات در سامانه کارا انجام شد");
      await liaison.waitFor("چند درصد کار انجام شده است");
      await pardis.e2e.restart();
      liaison.send("٣٠");
      await answerWithButton(liaison, "اگر سند یا عکسی", "فایلی ندارم");
      await answerWithButton(liaison, "خلاصه گزارش پیشرفت", "ثبت");
      await liaison.waitFor(/گزارش پیشرفت مصوبه ۴ جلسه ۱۴۰۵-۰۸ ثبت شد/);
      const latest = await db().progressUpdate.findFirstOrThrow({
        where: { assignmentId: ids.r4, kind: "progress" },
        orderBy: { id: "desc" },
      });
      expect([latest.text, latest.percent]).toEqual(["ثبت اطلاعات در سامانه کارا انجام شد", 30]);
    });

    it("lists open items in /tasks, most urgent first, overdue ones marked with how late", async () => {
      // Monday 23 Azar: resolution 1 (due Friday 20) is three working days late; resolution 6 is due Monday 30,
      // four working days away across the committee's closure on Tuesday 24.
      pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 23 }, 10 * HOUR_MS));
      await db().assignment.update({ where: { id: ids.r1 }, data: { status: "in_progress" } });
      liaison.command("/tasks");
      const page = await liaison.waitFor("کارهای باز دستگاه شما");
      const text = page.text!;
      expect(text).toContain("۵ مورد (صفحه ۱ از ۱)");
      const order = [1, 6, 5, 3, 4].map((r) => text.indexOf(`مصوبه ${"۰۱۲۳۴۵۶۷۸۹"[r]} جلسه`));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(text).toContain("⚠️ مهلت: جمعه ۲۰ آذر ۱۴۰۵ (۳ روز کاری از مهلت گذشته است)");
      expect(text).toContain("مهلت: دوشنبه ۳۰ آذر ۱۴۰۵ (۴ روز کاری مانده)");
      // Buttons name the resolution as the meeting numbers it, with its first words: never a list position.
      expect(page.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toContain("📝 گزارش پیشرفت — مصوبه ۱: ادارات تعاون…");

      // A person in two agencies: grouped by agency, paged with ‹ ›.
      const jahad = await db().agency.findUniqueOrThrow({ where: { code: "jahad" } });
      const hossein = await db().person.findFirstOrThrow({ where: { name: "حسین نوری" } });
      await db().membership.create({ data: { personId: hossein.id, role: "liaison", agencyId: jahad.id, scopeKey: `agency:${jahad.id}` } });
      smt.command("/tasks");
      const first = await smt.waitFor("کارهای باز دستگاه شما: ۷ مورد (صفحه ۱ از ۲)");
      expect(first.text).toContain("🏢 اداره صنعت، معدن و تجارت شهرستان پردیس");
      await pressLabelled(smt, first, "صفحه بعد");
      const second = await smt.waitFor((m) => m.message_id === first.message_id && !!m.text?.includes("(صفحه ۲ از ۲)"));
      expect(second.text).toContain("🏢 مدیریت جهاد کشاورزی شهرستان پردیس");
      pardis.clock.set(PARDIS_MORNING);
    });

    it("forwards a done claim's evidence file to the secretariat's chat on the same platform", async () => {
      await liaison.press(messageAbout(liaison, ids.r6!), `a:done:${ids.r6}`);
      await liaison.waitFor("اگر توضیح یا مستندی");
      const evidence = liaison.sendDocument({ fileName: "صورتجلسه-بانک‌ها.pdf", mimeType: "application/pdf", size: 120_000 });
      await answerWithButton(liaison, "فایل ۱ دریافت شد", "پایان ارسال فایل‌ها");
      await answerWithButton(liaison, "اعلام انجام مصوبه ۶ جلسه ۱۴۰۵-۰۸:", "ثبت");
      await liaison.waitFor("برای تأیید به دبیرخانه رفت");
      const notice = await secretariat.waitFor(/🏁 اعلام انجام[\s\S]*مصوبه ۶/, { fromStart: true });
      expect(notice.text).toContain("پیوست: ۱ فایل");
      const forwarded = await secretariat.waitFor((m) => m.document !== undefined, { fromStart: true });
      expect(forwarded.document!.file_unique_id).toBe(evidence.document!.file_unique_id);
      expect(forwarded.caption).toContain("مستند اعلام انجام «اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس» — مصوبه ۶ جلسه ۱۴۰۵-۰۸");
      await outboxSettled(pardis.e2e.app);
      const rows = await db().outboxMessage.findMany({
        where: { topic: `assignment:${ids.r6}`, chatId: String(secretariat.chatId) },
        orderBy: { id: "asc" },
      });
      expect(rows.map((r) => [r.method, r.status])).toEqual([
        ["sendMessage", "sent"],
        ["sendDocument", "sent"],
      ]);
    });

    it("answers a second «انجام شد» on a claimed item with who claimed it and when, and tells the secretariat nothing new", async () => {
      // Item 6 was claimed done by the liaison in the test before.
      await outboxSettled(pardis.e2e.app);
      const toSecretariat = () =>
        db().outboxMessage.count({ where: { topic: `assignment:${ids.r6}`, chatId: String(secretariat.chatId) } });
      const before = await toSecretariat();
      const answer = await liaison.press(messageAbout(liaison, ids.r6!), `a:done:${ids.r6}`, { force: true });
      expect(answer.show_alert).toBe(true);
      expect(answer.text).toMatch(/^انجام این مورد را زهرا موسوی در .*۱۴۰۵.* اعلام کرده است و در انتظار تأیید دبیرخانه است/);
      expect(await db().progressUpdate.count({ where: { assignmentId: ids.r6, kind: "done_claim" } })).toBe(1);
      await outboxSettled(pardis.e2e.app);
      expect(await toSecretariat()).toBe(before);
    });

    it("leaves an open dialog for what the person points at: another card's button, a reply to another card, or an idle half hour", async () => {
      const progressOn = (id: number) => db().progressUpdate.count({ where: { assignmentId: id, kind: "progress" } });
      const [r3Before, r4Before] = [await progressOn(ids.r3!), await progressOn(ids.r4!)];
      // A progress dialog about item 4, then the progress button of item 3: the dialog about 4 closes, one about 3 opens.
      await liaison.press(messageAbout(liaison, ids.r4!), `a:prg:${ids.r4}`);
      await liaison.waitFor("در چند جمله بنویسید");
      await liaison.press(messageAbout(liaison, ids.r3!), `a:prg:${ids.r3}`);
      await liaison.waitFor("«گزارش پیشرفت مصوبه ۴ جلسه ۱۴۰۵-۰۸» نیمه‌کاره بسته شد و چیزی از آن ثبت نشد.");
      await liaison.waitFor((m) => !!m.text?.includes("در چند جمله بنویسید") && !!m.text.includes("مصوبه ۳"));
      // A reply to item 4's card is progress on item 4, not an answer to the dialog about 3.
      liaison.reply(messageAbout(liaison, ids.r4!).message_id, "پاسخ به کارت مصوبه ۴ در میانه گفت‌وگو");
      await liaison.waitFor("«گزارش پیشرفت مصوبه ۳ جلسه ۱۴۰۵-۰۸» نیمه‌کاره بسته شد");
      await liaison.waitFor("ثبت شد");
      expect(await progressOn(ids.r4!)).toBe(r4Before + 1);
      expect(await progressOn(ids.r3!)).toBe(r3Before);
      const filed = await db().progressUpdate.findFirstOrThrow({
        where: { assignmentId: ids.r4, kind: "progress" },
        orderBy: { id: "desc" },
      });
      expect(filed.text).toBe("پاسخ به کارت مصوبه ۴ در میانه گفت‌وگو");
      // A question left unanswered for over half an hour is dropped when the person next writes.
      await liaison.press(messageAbout(liaison, ids.r3!), `a:prg:${ids.r3}`);
      await liaison.waitFor((m) => !!m.text?.includes("در چند جمله بنویسید") && !!m.text.includes("مصوبه ۳"), { fromStart: false });
      pardis.clock.advance(31 * 60_000);
      liaison.send("متنی پس از نیم ساعت");
      await liaison.waitFor("«گزارش پیشرفت مصوبه ۳ جلسه ۱۴۰۵-۰۸» پس از ۳۰ دقیقه بی‌پاسخی بسته شد و چیزی از آن ثبت نشد.");
      // The message itself is then what it would be with no dialog open: a loose note, asking which item.
      await liaison.waitFor("این پیام درباره کدام کار است؟");
      expect(await progressOn(ids.r3!)).toBe(r3Before);
      liaison.command("/cancel");
      await liaison.waitFor("انصراف داده شد");
      pardis.clock.set(PARDIS_MORNING);
    });
  });
});
