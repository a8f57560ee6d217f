/**
 * The attendance of a meeting called by a notice, carried into its minutes, on Bale, on each
 * database: agencies answer the notice's RSVP; after the meeting the secretary records it with
 * /meeting and the minutes screen offers the attendance from those answers (nobody asks for it
 * again); she corrects it on the notice's sheet, leaves the draft and resumes it, and the review
 * shows the corrected list; publishing stores it on the meeting and links the notice, so a later
 * save of the sheet lands on that meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import type { AttendanceEntry } from "../../src/domain/notices/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, personId, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";
import { assignResolution, next, pressOn, startMeeting } from "../support/secretariat.js";

/** Wednesday 4 Azar 1405 (the fixture's day), noon: the meeting the notice calls. */
const MEETING_AT = instantAt({ jy: 1405, jm: 9, jd: 4 }, 12 * HOUR_MS);
const SMT = "اداره صنعت، معدن و تجارت شهرستان پردیس";
const MELLI = "بانک ملی ایران، شعبه مرکزی پردیس";
const JAHAD = "مدیریت جهاد کشاورزی شهرستان پردیس";

describe.each(testDatabases())("attendance from a notice into the minutes on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;
  let noticeId = 0;
  const db = () => pardis.e2e.app.database.prisma;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    const smt = await pardis.e2e.bindUser("bale", PEOPLE.smt);
    const melli = await pardis.e2e.bindUser("bale", PEOPLE.bankMelli);
    await pardis.e2e.bindUser("bale", PEOPLE.jahad);
    const actor = { personId: await personId(pardis.e2e, PEOPLE.secretariat), platform: "bale" as const };
    const committee = await db().committee.findFirstOrThrow();
    const draft = await pardis.e2e.app.services.notices.compose.createDraft(actor, {
      committeeId: committee.id,
      title: "جلسه آذر کارگروه اشتغال",
      meetingAt: MEETING_AT,
      location: "فرمانداری",
      agenda: { kind: "text", text: "پیگیری مصوبات" },
      audience: { allAgencies: true, agencyIds: [], resolutionIds: [], governorate: false, roles: ["head", "liaison"] },
    });
    if (!draft.ok) throw new Error(`unexpected concerns: ${JSON.stringify(draft.concerns)}`);
    noticeId = draft.noticeId;
    await pardis.e2e.app.services.notices.compose.send(actor, noticeId);
    await outboxSettled(pardis.e2e.app);
    // Two agencies answer that they will attend; jahad does not answer.
    for (const user of [smt, melli]) {
      await pressLabelled(user, await user.waitFor("جلسه آذر کارگروه اشتغال"), "حضور می‌یابم");
      await user.waitFor("پاسخ شما ثبت شد");
    }
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("offers the RSVP attendance in /meeting, keeps a correction across leaving the draft, and stores it on the published meeting", async () => {
    pardis.clock.set(instantAt({ jy: 1405, jm: 9, jd: 4 }, 15 * HOUR_MS));
    await startMeeting(secretary, "جلسه آذر کارگروه اشتغال", "امروز");
    const minutes = await next(secretary, "حاضران جلسه بر پایه دعوت‌نامه «جلسه آذر کارگروه اشتغال»");
    expect(minutes.text).toContain("(۲ دستگاه): ");
    for (const name of [SMT, MELLI]) expect(minutes.text).toContain(name);
    expect(minutes.text).not.toContain(JAHAD);
    expect(minutes.text).toContain("با انتشار روی جلسه ثبت می‌شود");

    // jahad came without answering: she corrects the notice's sheet from the draft's button.
    await pressLabelled(secretary, minutes, "اصلاح حضور و غیاب");
    const sheet = await next(secretary, "حضور و غیاب جلسه «جلسه آذر کارگروه اشتغال»");
    await pressLabelled(secretary, sheet, "جهاد کشاورزی");
    await secretary.waitFor((m) => m.message_id === sheet.message_id && !!m.text?.includes(`✅ ${JAHAD}`));

    // She leaves the draft and comes back: the minutes screen has the corrected list.
    secretary.command("/help");
    await next(secretary, "ذخیره شد و منتظر می‌ماند");
    secretary.command("/meeting");
    await pressOn(secretary, "پیش‌نویس جلسه «جلسه آذر کارگروه اشتغال»", "ادامه پیش‌نویس");
    const resumed = await next(secretary, "حاضران جلسه بر پایه دعوت‌نامه");
    expect(resumed.text).toContain("(۳ دستگاه)");
    expect(resumed.text).toContain(JAHAD);

    secretary.send("۱- اداره تعاون گزارش ماهانه اشتغال را به دبیرخانه ارسال کند.");
    await pressOn(secretary, "متن دریافت شد", "پایان متن صورت‌جلسه");
    await pressOn(secretary, "۱ مصوبه در متن پیدا شد", "تأیید فهرست");
    await assignResolution(secretary, 1, { agencies: true, deadline: { press: "مستمر" } });
    const review = await next(secretary, "حاضران جلسه بر پایه دعوت‌نامه «جلسه آذر کارگروه اشتغال» (۳ دستگاه)");
    expect(review.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toContain("✏️ اصلاح حضور و غیاب");
    await pressLabelled(secretary, review, "انتشار و ابلاغ");
    await next(secretary, "منتشر شد");

    const meeting = await db().meeting.findFirstOrThrow({ where: { title: "جلسه آذر کارگروه اشتغال" } });
    const attendees = meeting.attendees as unknown as AttendanceEntry[];
    expect(attendees.filter((a) => a.present).map((a) => a.agency)).toEqual(expect.arrayContaining([SMT, MELLI, JAHAD]));
    expect(attendees.filter((a) => a.present)).toHaveLength(3);
    expect(attendees.find((a) => a.agency === JAHAD)?.source).toBe("secretariat");
    expect((await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).meetingId).toBe(meeting.id);

    // The sheet saved afterwards lands on this meeting (melli did not come after all).
    await pressLabelled(secretary, sheet, "بانک ملی");
    await secretary.waitFor((m) => m.message_id === sheet.message_id && !!m.text?.includes(`❌ ${MELLI}`));
    const answer = await pressLabelled(secretary, sheet, "ثبت");
    expect(answer.text).toBe("حضور و غیاب روی صورت‌جلسه ثبت شد.");
    const saved = (await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).attendees as unknown as AttendanceEntry[];
    expect(saved.filter((a) => a.present).map((a) => a.agency)).toEqual(expect.arrayContaining([SMT, JAHAD]));
    expect(saved.filter((a) => a.present)).toHaveLength(2);
    expect(await pardis.e2e.app.services.notices.attendance.forMeeting(meeting.id)).toEqual(saved);
  });
});
