/**
 * /meeting end to end, as the pardis secretary on Bale, on each database: the minutes of
 * numbered.txt pasted as one message, the list confirmed, each resolution's agencies, deadline and
 * report-to given (proposed ones confirmed, others typed, wrong answers refused), published through
 * the publishing service — and each agency receives exactly its items. Then a second draft left in
 * the middle, the bot restarted, and /meeting continuing it where it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, assignmentMessages, expectAssignmentMessages, pressLabelled, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";
import { assignResolution, minutesFixture, next, pressOn, startMeeting } from "../support/secretariat.js";

/** Which resolutions of numbered.txt each agency must receive (5 is for every agency). */
const EXPECTED: Record<string, number[]> = {
  bankMelli: [1, 5],
  bankKeshavarzi: [1, 5],
  bankRefah: [1, 5],
  jahad: [2, 5],
  tavonLiaison: [2, 5],
  omran: [3, 5],
  smt: [4, 5],
};

describe.each(testDatabases())("/meeting on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;
  const agencies: Record<string, FakeUser> = {};
  const db = () => pardis.e2e.app.database.prisma;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    for (const who of Object.keys(EXPECTED)) agencies[who] = await pardis.e2e.bindUser("bale", PEOPLE[who as keyof typeof PEOPLE]);
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("records numbered.txt pasted as one message, assigns, publishes, and each agency receives exactly its items", async () => {
    await startMeeting(secretary, "جلسه کارگروه اشتغال — آذر", "۱۴۰۵/۹/۳");
    secretary.send(minutesFixture("numbered"));
    await pressOn(secretary, "متن دریافت شد", "پایان متن صورت‌جلسه");
    const list = await next(secretary, "۵ مصوبه در متن پیدا شد");
    expect(list.text).toContain("۱) بانک ملی، بانک کشاورزی و بانک رفاه");
    expect(list.text).toContain("۵) همه دستگاه‌ها گزارش هفتگی اشتغال");
    await pressLabelled(secretary, list, "تأیید فهرست");

    // 1: the three banks proposed from the text, the text's own date; report-to as the text says.
    const first = await next(secretary, "دستگاه‌های مصوبه ۱ از ۵");
    expect(first.text).toContain(
      "مسئول اجرا: بانک ملی ایران، شعبه مرکزی پردیس — همکار: بانک کشاورزی، شعبه پردیس؛ بانک رفاه کارگران، شعبه پردیس",
    );
    await assignResolution(secretary, 1, {
      agencies: true,
      deadline: { press: "طبق متن: سه‌شنبه ۱۵ دی ۱۴۰۵" },
      reportTo: "دبیرخانه کارگروه",
    });
    // 2: a span typed, after two wrong answers that change nothing.
    await pressOn(secretary, "دستگاه‌های مصوبه ۲ از ۵", "تأیید دستگاه‌ها");
    await next(secretary, "مهلت مصوبه ۲ را بنویسید");
    secretary.send("۱۴۰۵/۹/۱");
    await next(secretary, "این تاریخ گذشته است");
    secretary.send("۱۴۰۵/۹/۶");
    await next(secretary, "نزدیک‌ترین روز کاری پس از آن شنبه ۷ آذر ۱۴۰۵ است");
    secretary.send("۲ هفته");
    await pressOn(secretary, "گزارش مصوبه ۲ به چه کسی", "دبیرخانه کارگروه");
    // 3: an unknown agency name searched, then working days.
    const third = await next(secretary, "دستگاه‌های مصوبه ۳ از ۵");
    expect(third.text).toContain("مسئول اجرا: شرکت تعاونی توسعه و عمران شهرستان پردیس");
    secretary.send("شهرداری");
    await next(secretary, "دستگاهی با نام «شهرداری» در این کارگروه پیدا نشد");
    await pressLabelled(secretary, third, "تأیید دستگاه‌ها");
    await next(secretary, "مهلت مصوبه ۳ را بنویسید");
    secretary.send("۱۰ روز کاری");
    await pressOn(secretary, "گزارش مصوبه ۳ به چه کسی", "دبیرخانه کارگروه");
    // 4: standing, as the text says; 5: every agency, standing typed.
    await assignResolution(secretary, 4, { agencies: true, deadline: { press: "طبق متن: مستمر" } });
    await assignResolution(secretary, 5, { agencies: true, deadline: "مستمر" });

    const review = await next(secretary, "بازبینی پیش از انتشار");
    expect(review.text).toContain("مهلت: چهارشنبه ۱۸ آذر ۱۴۰۵");
    expect(review.text).toContain("همه دستگاه‌های کارگروه");
    // Nothing is in the meeting tables before publishing.
    expect(await db().meeting.count()).toBe(1);
    await pressLabelled(secretary, review, "انتشار");
    await next(secretary, /جلسه ۱۴۰۵-۰۹ منتشر شد: ۵ مصوبه، ۱۴ ابلاغ به ۷ دستگاه/);
    await outboxSettled(pardis.e2e.app);

    const meeting = await db().meeting.findFirstOrThrow({
      where: { number: "1405-09" },
      include: { resolutions: { include: { parties: true }, orderBy: { number: "asc" } } },
    });
    expect(meeting.publishedAt).not.toBeNull();
    expect(meeting.resolutions.map((r) => [r.kind, r.leadAll, r.parties.length])).toEqual([
      ["one_off", false, 3],
      ["one_off", false, 2],
      ["one_off", false, 1],
      ["standing", false, 1],
      ["standing", true, 0],
    ]);
    expect(meeting.resolutions[0]!.reportTo).toBe("دبیرخانه کارگروه");
    for (const [who, numbers] of Object.entries(EXPECTED)) {
      const user = agencies[who]!;
      await expectAssignmentMessages(user, numbers.length);
      const got = assignmentMessages(user).map((m) =>
        Number(/مصوبه (\S+) جلسه/.exec(m.text ?? "")![1]!.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))),
      );
      expect(got.sort(), who).toEqual(numbers);
    }

    // A second press of "publish" (a stale client) publishes nothing again.
    const publishButton = review.reply_markup!.inline_keyboard[0]![0]!;
    const again = await secretary.press(review.message_id, "callback_data" in publishButton ? publishButton.callback_data! : "", {
      force: true,
    });
    expect(again.text).toMatch(/دیگر کار نمی‌کند|در دسترس شما نیست|منتشر شده/);
    expect(await db().assignment.count({ where: { resolution: { meetingId: meeting.id } } })).toBe(14);
  });

  it("keeps a draft across a restart, and /meeting continues it where it was", async () => {
    await startMeeting(secretary, "جلسه فوق‌العاده", "دیروز");
    secretary.send(minutesFixture("mixed"));
    await pressOn(secretary, "متن دریافت شد", "پایان متن صورت‌جلسه");
    const list = await next(secretary, "۵ مصوبه در متن پیدا شد");
    // Merge 1 and 2, delete the new 2, from the list.
    await pressLabelled(secretary, list, "۱");
    await pressOn(secretary, "مصوبه ۱:", "ادغام با مصوبه بعدی");
    await pressOn(secretary, "۴ مصوبه در متن پیدا شد", "۲");
    await pressOn(secretary, "مصوبه ۲:", "حذف این مصوبه");
    await next(secretary, "۳ مصوبه در متن پیدا شد");
    // A command in the middle: the draft waits.
    secretary.command("/help");
    await next(secretary, "ذخیره شد و منتظر می‌ماند");

    await pardis.e2e.restart();
    secretary.command("/meeting");
    await pressOn(secretary, "پیش‌نویس جلسه «جلسه فوق‌العاده» (۳ مصوبه)", "ادامه پیش‌نویس");
    const resumed = await next(secretary, "۳ مصوبه در متن پیدا شد");
    expect(resumed.text).toContain(
      "۱) اداره تعاون، کار و رفاه اجتماعی ظرف دو هفته نشستی با روسای بانک‌های عامل برگزار کند. بانک‌های عامل علت عدم پرداخت",
    );
    expect(resumed.text).toContain("۲) شرکت تعاونی توسعه و عمران برنامه زمان‌بندی");
    // Text where a button is expected changes nothing.
    secretary.send("باشه");
    await next(secretary, "لطفاً یکی از دکمه‌های پیام زیر را بزنید");
    const draft = await db().meetingDraft.findFirstOrThrow({ where: { publishedAt: null, discardedAt: null } });
    expect(draft.step).toBe("list");
    await pressOn(secretary, "۳ مصوبه در متن پیدا شد", "کنار گذاشتن پیش‌نویس");
    await next(secretary, "پیش‌نویس جلسه کنار گذاشته شد");
    expect(await db().meetingDraft.count({ where: { publishedAt: null, discardedAt: null } })).toBe(0);
  });
});
