import { describe, expect, it } from "vitest";
import { deadlineStanding } from "../../../src/domain/assignments/deadline.js";
import { deadlineInstant } from "../../../src/domain/calendar/deadline.js";
import { createWorkCalendar, instantAt, jalaliToInstant, HOUR_MS } from "../../../src/domain/calendar/index.js";
import { createI18n, translatorFor } from "../../../src/i18n/index.js";
import { pageOf, renderAssignment, renderTaskPage, type AssignmentView } from "../../../src/services/render/assignment.js";
import { assignmentButton, staffActionButton } from "../../../src/services/render/callback-data.js";

const i18n = createI18n(() => undefined) as never;
const fa = translatorFor(i18n, "fa");
const en = translatorFor(i18n, "en");
// The Pardis committee's calendar: Thursday off, 1405/09/24 closed.
const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" }, extraHolidays: ["1405/09/24"] });
const at = (jy: number, jm: number, jd: number, hour = 10) => instantAt({ jy, jm, jd }, hour * HOUR_MS);

function view(overrides: Partial<AssignmentView> = {}): AssignmentView {
  return {
    id: 123,
    status: "assigned",
    role: "lead",
    percent: 0,
    deadline: deadlineInstant({ jy: 1405, jm: 9, jd: 20 }),
    blockedReason: null,
    agency: { id: 1, name: "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس" },
    resolution: {
      number: 1,
      text: "ادارات تعاون و صمت نسبت به تشکیل جلسه اقدام کنند.",
      kind: "one_off",
      leadAll: false,
      reportTo: "اداره کل تعاون استان تهران",
    },
    meeting: { number: "1405-08", heldOn: jalaliToInstant({ jy: 1405, jm: 9, jd: 1 }) },
    committee: { id: 1, name: "کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس" },
    partners: [{ name: "اداره صنعت، معدن و تجارت شهرستان پردیس", role: "co" }],
    ...overrides,
  };
}

describe("deadline standing in working days", () => {
  it("counts the working days after today up to the deadline day (Fridays, Thursdays and closures off)", () => {
    // Wed 4 Azar → Fri 20 Azar: Sat–Wed of two weeks = 10 working days.
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 20 }), at(1405, 9, 4), calendar)).toMatchObject({
      kind: "left",
      workingDays: 10,
    });
    // Across the committee's closure on Tue 24 Azar: Sat 21, Sun 22, Mon 23, Wed 25 = 4.
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 25 }), at(1405, 9, 20), calendar)).toMatchObject({
      kind: "left",
      workingDays: 4,
    });
  });

  it("says today on the deadline day, and counts late working days after it", () => {
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 15 }), at(1405, 9, 15, 13), calendar)).toMatchObject({ kind: "today" });
    // Deadline Sun 15 Azar; Wed 18 Azar is the 3rd working day after it.
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 15 }), at(1405, 9, 18), calendar)).toMatchObject({
      kind: "overdue",
      workingDays: 3,
    });
    // Deadline Wed 11 Azar; the Friday after it has lost no working day yet.
    expect(deadlineStanding(deadlineInstant({ jy: 1405, jm: 9, jd: 11 }), at(1405, 9, 13), calendar)).toMatchObject({
      kind: "overdue",
      workingDays: 0,
    });
  });

  it("has no deadline for a standing resolution", () => {
    expect(deadlineStanding(null, at(1405, 9, 4), calendar)).toEqual({ kind: "standing" });
  });
});

describe("the assignment message", () => {
  it("says what, whose, until when (Jalali, Persian digits, working days left) and to whom, in Persian", () => {
    const { text, buttons } = renderAssignment(view(), fa, at(1405, 9, 4), calendar);
    expect(text).toContain("📌 مصوبه ۱ جلسه ۱۴۰۵-۰۸ (یکشنبه ۱ آذر ۱۴۰۵)");
    expect(text).toContain("ادارات تعاون و صمت نسبت به تشکیل جلسه اقدام کنند.");
    expect(text).toContain("نقش دستگاه شما: مسئول اجرا");
    expect(text).toContain("دستگاه‌های همکار: اداره صنعت، معدن و تجارت شهرستان پردیس");
    expect(text).toContain("مهلت: جمعه ۲۰ آذر ۱۴۰۵ (۱۰ روز کاری مانده)");
    expect(text).toContain("گزارش به: اداره کل تعاون استان تهران");
    expect(text).toContain("وضعیت: ابلاغ‌شده");
    expect(text).not.toMatch(/[0-9]/);
    expect(buttons?.flat().map((b) => b.text)).toEqual([
      "✅ رویت شد",
      "📝 گزارش پیشرفت",
      "🏁 انجام شد",
      "⛔ مانع دارد",
      "⏳ درخواست تمدید مهلت",
    ]);
    expect(buttons?.flat().map((b) => b.callback_data)).toEqual(["a:ack:123", "a:prg:123", "a:done:123", "a:blk:123", "s:req:123"]);
  });

  it("names the lead and the other co-agencies to a co-operating agency", () => {
    const { text } = renderAssignment(
      view({
        role: "co",
        partners: [
          { name: "بانک ملی ایران، شعبه مرکزی پردیس", role: "lead" },
          { name: "بانک رفاه کارگران، شعبه پردیس", role: "co" },
        ],
      }),
      fa,
      at(1405, 9, 4),
      calendar,
    );
    expect(text).toContain("نقش دستگاه شما: همکار");
    expect(text).toContain("مسئول اجرا: بانک ملی ایران، شعبه مرکزی پردیس");
    expect(text).toContain("دیگر دستگاه‌های همکار: بانک رفاه کارگران، شعبه پردیس");
  });

  it("marks overdue items with how late they are, and standing ones as مستمر without a done button", () => {
    const late = renderAssignment(
      view({ deadline: deadlineInstant({ jy: 1405, jm: 9, jd: 15 }), status: "in_progress", percent: 50 }),
      fa,
      at(1405, 9, 18),
      calendar,
    );
    expect(late.text).toContain("(۳ روز کاری از مهلت گذشته است)");
    expect(late.text).toContain("وضعیت: در حال اجرا (۵۰٪)");
    const standing = renderAssignment(
      view({ deadline: null, resolution: { ...view().resolution, kind: "standing", leadAll: true }, partners: [] }),
      fa,
      at(1405, 9, 4),
      calendar,
    );
    expect(standing.text).toContain("مهلت: مستمر");
    expect(standing.text).toContain("همه دستگاه‌های عضو کارگروه");
    expect(standing.buttons?.flat().map((b) => b.callback_data)).not.toContain("a:done:123");
  });

  it("keeps every callback_data within 64 bytes and decodable", () => {
    const { buttons } = renderAssignment(view({ id: 2_147_483_647 }), fa, at(1405, 9, 4), calendar);
    for (const button of buttons!.flat()) {
      expect(Buffer.byteLength(button.callback_data!)).toBeLessThanOrEqual(64);
      const decoded = assignmentButton.unpack(button.callback_data!) ?? staffActionButton.unpack(button.callback_data!);
      expect(decoded).toMatchObject({ assignmentId: 2_147_483_647 });
    }
    // Forged data: past a database id, zero, an unknown verb.
    for (const forged of ["a:ack:999999999999", "a:ack:0", "a:zap:1"]) expect(assignmentButton.unpack(forged)).toBeUndefined();
  });

  it("has no buttons once the item is done, and shows a blocker's reason", () => {
    expect(renderAssignment(view({ status: "done" }), fa, at(1405, 9, 4), calendar).buttons).toEqual([]);
    expect(renderAssignment(view({ status: "blocked", blockedReason: "نبود اعتبار" }), fa, at(1405, 9, 4), calendar).text).toContain(
      "وضعیت: دارای مانع: نبود اعتبار",
    );
  });

  it("renders in English with Latin digits and a numeric Jalali date", () => {
    const { text } = renderAssignment(view(), en, at(1405, 9, 4), calendar);
    expect(text).toContain("Resolution 1 of meeting 1405-08 (1405/09/01)");
    expect(text).toContain("Deadline: 1405/09/20 (10 working days left)");
  });
});

describe("the /tasks page", () => {
  it("lists the items by resolution number, marks overdue ones, labels each item's buttons and pages with ‹ ›", () => {
    const views = Array.from({ length: 7 }, (_, i) =>
      view({ id: i + 1, resolution: { ...view().resolution, number: i + 1 }, deadline: deadlineInstant({ jy: 1405, jm: 9, jd: 10 + i }) }),
    );
    const first = pageOf(views, 1);
    const { text, buttons } = renderTaskPage({ ...first, grouped: false }, fa, at(1405, 9, 14), () => calendar);
    expect(text).toContain("کارهای باز دستگاه شما: ۷ مورد (صفحه ۱ از ۲)");
    expect(text).toContain("📌 مصوبه ۱ جلسه ۱۴۰۵-۰۸");
    expect(text).not.toContain("۱) 📌");
    expect(text).toContain("⚠️ مهلت: سه‌شنبه ۱۰ آذر ۱۴۰۵ (۲ روز کاری از مهلت گذشته است)");
    expect(buttons?.flat()[0]).toEqual({ text: "✅ رویت شد — مصوبه ۱: ادارات تعاون…", callback_data: "a:ack:1:1" });
    expect(buttons?.at(-1)).toEqual([{ text: "صفحه بعد ›", callback_data: "t:2" }]);
    // Every button of an item carries the same subject.
    const ofFirst = buttons!.flat().filter((b) => b.text.includes("مصوبه ۱:"));
    expect(ofFirst.map((b) => b.text.split(": ")[1])).toEqual(["ادارات تعاون…", "ادارات تعاون…", "ادارات تعاون…", "ادارات تعاون…"]);
    for (const button of buttons!.flat()) {
      expect(Buffer.byteLength((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
    }
    const second = renderTaskPage({ ...pageOf(views, 2), grouped: false }, fa, at(1405, 9, 14), () => calendar);
    expect(second.text).toContain("📌 مصوبه ۶");
    expect(second.text).not.toContain("۶) 📌");
    expect(second.buttons?.at(-1)).toEqual([{ text: "‹ صفحه قبل", callback_data: "t:1" }]);
  });

  it("groups by agency for a person in several agencies", () => {
    const a = view({ id: 1 });
    const b = view({ id: 2, agency: { id: 2, name: "اداره صنعت، معدن و تجارت شهرستان پردیس" } });
    const { text } = renderTaskPage({ ...pageOf([a, b], 1), grouped: true }, fa, at(1405, 9, 4), () => calendar);
    expect(text).toContain("🏢 اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
    expect(text).toContain("🏢 اداره صنعت، معدن و تجارت شهرستان پردیس");
  });
});
