/**
 * The secretariat console end to end on Bale, on each database, driving the real bot: the
 * verification queue (approve, send back with a comment), an agency's extension requests (one
 * approved, one refused) with the item's history, the governorate's instruction reaching the
 * agency (and its reply filed under the item), and an agency member trying every secretariat
 * command and button — refused each time with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-bot-api/user.js";
import {
  PEOPLE,
  assignmentId,
  assignmentRow,
  messageAbout,
  personId,
  pressLabelled,
  publishMeeting,
  startPardis,
  type Pardis,
} from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";
import { next, openItem, pressOn } from "../support/secretariat.js";

describe.each(testDatabases())("the secretariat console on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;
  let governor: FakeUser;
  let liaison: FakeUser;
  let smt: FakeUser;
  const ids: Record<string, number> = {};
  const db = () => pardis.e2e.app.database.prisma;
  const settle = () => outboxSettled(pardis.e2e.app);

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    governor = await pardis.e2e.bindUser("bale", PEOPLE.governorate);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    smt = await pardis.e2e.bindUser("bale", PEOPLE.smt);
    await publishMeeting(pardis.e2e);
    for (const r of [1, 3, 5, 6]) ids[`r${r}`] = await assignmentId(pardis.e2e, r, "tavon");
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("lists done claims oldest first; approves one (→ done) and sends one back with a comment (→ in progress, ladder re-planned)", async () => {
    const agencyActor = { personId: await personId(pardis.e2e, PEOPLE.tavonLiaison), platform: "bale" as const };
    await pardis.e2e.app.services.assignments.claimDone(agencyActor, { assignmentId: ids.r1!, text: "جلسه برگزار و صورت‌جلسه ارسال شد" });
    pardis.clock.advance(60_000);
    await pardis.e2e.app.services.assignments.claimDone(agencyActor, { assignmentId: ids.r6!, text: "نشست با بانک‌ها برگزار شد" });
    await settle();

    secretary.command("/verify");
    await next(secretary, "۲ مورد اعلام انجام در انتظار تأیید است");
    const first = await next(secretary, "مورد ۱ از ۲");
    expect(first.text).toContain("مصوبه ۱ جلسه ۱۴۰۵-۰۸");
    expect(first.text).toContain("توضیح دستگاه: جلسه برگزار و صورت‌جلسه ارسال شد");
    const second = await next(secretary, "مورد ۲ از ۲");
    await pressLabelled(secretary, first, "تأیید انجام");
    await next(secretary, "انجام مصوبه ۱ جلسه ۱۴۰۵-۰۸ — اداره تعاون");
    expect((await assignmentRow(pardis.e2e, ids.r1!)).status).toBe("done");

    const sentBackFrom = pardis.clock.now().getTime();
    await pressLabelled(secretary, second, "بازگرداندن به دستگاه");
    await next(secretary, "توضیح را برای دستگاه بنویسید");
    secretary.sendPhoto();
    await next(secretary, "نوشتن توضیح برای دستگاه لازم است");
    secretary.send("فهرست پیشنهادهای بانک‌ها پیوست نشده است");
    await next(secretary, "به دستگاه بازگردانده شد");
    const row = await assignmentRow(pardis.e2e, ids.r6!);
    expect(row.status).toBe("in_progress");
    // The ladder is planned again from the send-back: its next rung lies ahead (the deadline ladder of 1405/09/30).
    expect(row.nextEscalationAt).not.toBeNull();
    expect(row.nextEscalationAt!.getTime()).toBeGreaterThan(sentBackFrom);
    expect(row.nextEscalationStep).not.toBeNull();
    await settle();
    await liaison.waitFor("دبیرخانه انجام مصوبه ۱ جلسه ۱۴۰۵-۰۸ را تأیید کرد", { fromStart: true });
    const told = await liaison.waitFor("توضیح دبیرخانه: فهرست پیشنهادهای بانک‌ها پیوست نشده است", { fromStart: true });
    // The agency answers the send-back like any item: by replying to it.
    liaison.reply(told.message_id, "فهرست فردا ارسال می‌شود");
    await liaison.waitFor("گزارش پیشرفت مصوبه ۶ جلسه ۱۴۰۵-۰۸ ثبت شد");
    // Pressing approve on the sent-back claim again changes nothing.
    const stale = await secretary.press(second.message_id, `v:ok:${ids.r6}`, { force: true });
    expect(stale.text).toContain("چیزی تغییر نکرد");
    expect((await assignmentRow(pardis.e2e, ids.r6!)).status).toBe("in_progress");
  });

  it("takes an agency's extension requests to the secretariat: one approved, one refused, both in the item's history", async () => {
    // r6: deadline 1405/09/30. A date before it and a Friday are refused in the dialog, then 1405/10/15.
    await pressLabelled(liaison, messageAbout(liaison, ids.r6!), "درخواست تمدید مهلت");
    await next(liaison, "مهلت تازه‌ای که برای مصوبه ۶ جلسه ۱۴۰۵-۰۸");
    liaison.send("۱۴۰۵/۹/۲۵");
    await next(liaison, "مهلت تازه باید پس از مهلت فعلی باشد");
    liaison.send("۱۴۰۵/۱۰/۱۱");
    await next(liaison, "نزدیک‌ترین روز کاری پس از آن شنبه ۱۲ دی ۱۴۰۵ است");
    liaison.send("۱۴۰۵/۱۰/۱۵");
    await next(liaison, "دلیل درخواست تمدید");
    liaison.send("هماهنگی با سه بانک زمان بیشتری می‌خواهد");
    await pressOn(liaison, "درخواست تمدید مهلت مصوبه ۶ جلسه ۱۴۰۵-۰۸ — اداره تعاون", "ثبت");
    await next(liaison, "برای دبیرخانه فرستاده شد");
    await settle();
    const notice = await secretary.waitFor("درخواست تمدید مهلت: اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس (زهرا موسوی)");
    expect(notice.text).toContain("مهلت درخواستی: سه‌شنبه ۱۵ دی ۱۴۰۵");
    const before = await db().assignment.findMany({
      where: { resolution: { number: 6 } },
      orderBy: { id: "asc" },
      select: { id: true, deadline: true },
    });
    await pressLabelled(secretary, notice, "موافقت");
    await next(secretary, "با درخواست تمدید موافقت شد");
    await settle();
    const after = await db().assignment.findMany({
      where: { resolution: { number: 6 } },
      orderBy: { id: "asc" },
      select: { id: true, deadline: true },
    });
    // Only tavon's deadline moved; the banks keep theirs.
    for (const [i, a] of after.entries()) {
      if (a.id === ids.r6) expect(a.deadline!.getTime()).toBeGreaterThan(before[i]!.deadline!.getTime());
      else expect(a.deadline).toEqual(before[i]!.deadline);
    }
    expect(await db().deadlineChange.count({ where: { assignmentId: ids.r6 } })).toBe(1);
    await liaison.waitFor("دبیرخانه با درخواست تمدید شما برای مصوبه ۶ جلسه ۱۴۰۵-۰۸ موافقت کرد: مهلت تازه سه‌شنبه ۱۵ دی ۱۴۰۵", {
      fromStart: true,
    });
    // A second press of the decided request changes nothing.
    const again = await secretary.press(
      notice.message_id,
      notice.reply_markup!.inline_keyboard[0]!.map((b) => ("callback_data" in b ? b.callback_data! : ""))[1]!,
      { force: true },
    );
    expect(again.text).toContain("پیش‌تر تصمیم گرفته شده");

    // r5 (deadline 1405/10/15): asked to 1405/10/20, refused.
    await pressLabelled(liaison, messageAbout(liaison, ids.r5!), "درخواست تمدید مهلت");
    await next(liaison, "مهلت تازه‌ای که برای مصوبه ۵");
    liaison.send("۱۴۰۵/۱۰/۲۰");
    await next(liaison, "دلیل درخواست تمدید");
    liaison.send("اتحادیه‌ها هنوز جلسه نگذاشته‌اند");
    await pressOn(liaison, "درخواست تمدید مهلت مصوبه ۵", "ثبت");
    await next(liaison, "برای دبیرخانه فرستاده شد");
    await settle();
    const second = await secretary.waitFor("مهلت درخواستی: یکشنبه ۲۰ دی ۱۴۰۵");
    const r5Before = (await assignmentRow(pardis.e2e, ids.r5!)).deadline;
    await pressLabelled(secretary, second, "مخالفت");
    await next(secretary, "درخواست تمدید رد شد");
    await settle();
    expect((await assignmentRow(pardis.e2e, ids.r5!)).deadline).toEqual(r5Before);
    await liaison.waitFor("دبیرخانه با درخواست تمدید مصوبه ۵ جلسه ۱۴۰۵-۰۸ تا یکشنبه ۲۰ دی ۱۴۰۵ موافقت نکرد", { fromStart: true });

    // The history, from a reply to the request notice.
    secretary.reply(notice.message_id, "/history");
    const history = await next(secretary, "تاریخچه مصوبه ۶ جلسه ۱۴۰۵-۰۸");
    for (const line of [
      "ابلاغ",
      "اعلام انجام",
      "بازگرداندن به دستگاه",
      "گزارش پیشرفت",
      "درخواست تمدید",
      "موافقت با درخواست تمدید",
      "تمدید مهلت",
    ]) {
      expect(history.text).toContain(line);
    }
    expect(history.text).toContain("زهرا موسوی");
    expect(history.text).toContain("مریم احمدی");
    expect(history.text).toContain("«هماهنگی با سه بانک زمان بیشتری می‌خواهد»");
  });

  it("delivers the governorate's instruction to the agency, logged on the item, and files the agency's reply under it", async () => {
    const card = await openItem(governor, "مصوبه ۳ جلسه ۱۴۰۵-۰۸ — اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
    const labels = card.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    // The governorate reads and instructs; it does not extend, cancel or reassign.
    expect(labels).toEqual(["📜 تاریخچه", "📣 دستور فرمانداری"]);
    await pressLabelled(governor, card, "دستور فرمانداری");
    await next(governor, "متن دستور فرمانداری درباره");
    governor.send("گزارش هفتگی را از این هفته با آمار اشتغال ثبت‌شده بفرستید");
    await pressOn(governor, "دستور فرمانداری درباره مصوبه ۳", "ثبت");
    await next(governor, "برای دستگاه فرستاده و در تاریخچه ثبت شد");
    await settle();
    const delivered = await liaison.waitFor("📣 دستور فرمانداری درباره مصوبه ۳ جلسه ۱۴۰۵-۰۸", { fromStart: true });
    expect(delivered.text).toContain("— رضا کریمی، معاون برنامه‌ریزی و امور اداری و مالی فرماندار");
    expect(await db().progressUpdate.count({ where: { assignmentId: ids.r3, kind: "instruction" } })).toBe(1);
    liaison.reply(delivered.message_id, "چشم، از این هفته ارسال می‌شود");
    await liaison.waitFor("گزارش پیشرفت مصوبه ۳ جلسه ۱۴۰۵-۰۸ ثبت شد");
    expect(
      await db().progressUpdate.findFirst({ where: { assignmentId: ids.r3, kind: "progress" }, orderBy: { id: "desc" } }),
    ).toMatchObject({
      text: "چشم، از این هفته ارسال می‌شود",
    });
  });

  it("refuses an agency member every secretariat command and button, and changes nothing", async () => {
    const snapshot = async () => ({
      assignments: await db().assignment.findMany({
        orderBy: { id: "asc" },
        select: { id: true, status: true, deadline: true, agencyId: true },
      }),
      drafts: await db().meetingDraft.count(),
      meetings: await db().meeting.count(),
      requests: await db().extensionRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
      changes: await db().deadlineChange.count(),
      updates: await db().progressUpdate.count(),
      audits: await db().auditLog.count(),
      outbox: await db().outboxMessage.count(),
    });
    await settle();
    const before = await snapshot();
    const smtItem = await assignmentId(pardis.e2e, 5, "smt");
    for (const command of ["/meeting", "/verify", "/items", "/history"]) {
      smt.command(command);
      await next(smt, /ویژه دبیرخانه|در دسترس شما نیست/);
    }
    const request = await db().extensionRequest.findFirstOrThrow();
    const anyMessage = smt.messages().at(-1)!;
    const buttons = [
      ...["car", "ext", "cnl", "rea", "add", "his", "ins"].map((a) => `s:${a}:${smtItem}`),
      `s:ext:${ids.r1}`,
      `v:ok:${smtItem}`,
      `v:bk:${smtItem}`,
      `x:ok:${request.id}`,
      `x:no:${request.id}`,
      "m:1:pub",
      "m:1:del",
      "m:1:cm",
      "i:open",
      "i:agency:1",
    ];
    for (const data of buttons) {
      const answer = await smt.press(anyMessage.message_id, data, { force: true });
      expect(answer.show_alert, data).toBe(true);
      expect(answer.text, data).toMatch(/ویژه دبیرخانه|در دسترس شما نیست|دیگر کار نمی‌کند|دسترسی آن را ندارید/);
    }
    await settle();
    expect(await snapshot()).toEqual(before);
  });
});
