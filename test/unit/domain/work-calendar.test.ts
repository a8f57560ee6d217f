import { describe, expect, it } from "vitest";
import {
  CalendarConfigError,
  DEFAULT_CLOSURE_NAME,
  type CalendarConfig,
  type JalaliDate,
  createWorkCalendar,
  jalaliToInstant,
  jalaliWeekday,
  parseJalaliStrict,
} from "../../../src/domain/calendar/index.js";

const day = (s: string): JalaliDate => {
  const r = parseJalaliStrict(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
/** Tehran wall-clock time "1405/09/04 13:30" → instant. */
const at = (s: string): Date => {
  const [d = "", hm = "00:00"] = s.split(" ");
  const [h = 0, m = 0] = hm.split(":").map(Number);
  return jalaliToInstant(day(d), { h, m });
};
const cal = (cfg: CalendarConfig = {}) => createWorkCalendar(cfg);

// 1405/09/04 is a Wednesday (2026-11-25); 09/05 Thursday, 09/06 Friday, 09/07 Saturday.
const WEDNESDAY = "1405/09/04";
const THURSDAY = "1405/09/05";
const SATURDAY = "1405/09/07";

it("the reference week is what the comments say", () => {
  expect([WEDNESDAY, THURSDAY, "1405/09/06", SATURDAY].map((s) => jalaliWeekday(day(s)))).toEqual([4, 5, 6, 0]);
});

describe("Thursday in each mode", () => {
  it.each([
    ["off", false, undefined],
    ["half", true, "1405/09/05 12:00"],
    ["working", true, "1405/09/05 14:00"],
  ] as const)("%s: working day %s, closes at %s", (thursday, working, closes) => {
    const c = cal({ thursday });
    expect(c.isWorkingDay(day(THURSDAY))).toBe(working);
    if (closes) expect(c.closingOf(day(THURSDAY))).toEqual(at(closes));
    else expect(() => c.closingOf(day(THURSDAY))).toThrow(RangeError);
  });

  it("a half Thursday has its own closing hour", () => {
    const c = cal({ thursday: "half", thursdayCloses: "۱۳:۰۰" });
    expect(c.closingOf(day(THURSDAY))).toEqual(at("1405/09/05 13:00"));
    expect(c.isWorkingTime(at("1405/09/05 12:59"))).toBe(true);
    expect(c.isWorkingTime(at("1405/09/05 13:00"))).toBe(false);
  });

  it.each([
    ["off", "1405/09/05 11:00", false],
    ["half", "1405/09/05 11:59", true],
    ["half", "1405/09/05 12:00", false],
    ["half", "1405/09/05 12:30", false],
    ["working", "1405/09/05 12:30", true],
    ["working", "1405/09/05 13:59", true],
  ] as const)("%s: %s is working time: %s", (thursday, t, inside) => {
    expect(cal({ thursday }).isWorkingTime(at(t))).toBe(inside);
  });

  it("Friday is never a working day", () => {
    for (const thursday of ["off", "half", "working"] as const) expect(cal({ thursday }).isWorkingDay(day("1405/09/06"))).toBe(false);
  });
});

describe("office-hour edges on a working day (08:00–14:00)", () => {
  it.each([
    ["07:59", false],
    ["08:00", true],
    ["13:59", true],
    ["14:00", false],
    ["23:59", false],
    ["00:00", false],
  ])("%s → %s", (hm, inside) => {
    expect(cal().isWorkingTime(at(`${WEDNESDAY} ${hm}`))).toBe(inside);
  });

  it("the last millisecond before closing is inside", () => {
    expect(cal().isWorkingTime(new Date(at(`${WEDNESDAY} 14:00`).getTime() - 1))).toBe(true);
  });

  it("custom office hours, in any digits", () => {
    const c = cal({ officeHours: { start: "۰۷:۳۰", end: "14:30" } });
    expect(c.isWorkingTime(at(`${WEDNESDAY} 07:29`))).toBe(false);
    expect(c.isWorkingTime(at(`${WEDNESDAY} 07:30`))).toBe(true);
    expect(c.isWorkingTime(at(`${WEDNESDAY} 14:29`))).toBe(true);
    expect(c.openingOf(day(WEDNESDAY))).toEqual(at(`${WEDNESDAY} 07:30`));
  });
});

describe("addWorkingDays", () => {
  it("Wednesday 13:30 + 1 working day with Thursday off → Saturday 13:30", () => {
    expect(cal({ thursday: "off" }).addWorkingDays(at(`${WEDNESDAY} 13:30`), 1)).toEqual(at(`${SATURDAY} 13:30`));
  });

  it("with Thursday working → Thursday 13:30", () => {
    expect(cal({ thursday: "working" }).addWorkingDays(at(`${WEDNESDAY} 13:30`), 1)).toEqual(at(`${THURSDAY} 13:30`));
  });

  it("with a half Thursday, 13:30 is past its closing → the next opening, Saturday 08:00", () => {
    const c = cal({ thursday: "half" });
    expect(c.addWorkingDays(at(`${WEDNESDAY} 13:30`), 1)).toEqual(at(`${SATURDAY} 08:00`));
    expect(c.addWorkingDays(at(`${WEDNESDAY} 11:00`), 1)).toEqual(at(`${THURSDAY} 11:00`));
    expect(c.addWorkingDays(at(`${WEDNESDAY} 13:30`), 2)).toEqual(at(`${SATURDAY} 13:30`));
  });

  it("outside office hours counts from the next opening", () => {
    const c = cal();
    expect(c.addWorkingDays(at("1405/09/03 20:00"), 1)).toEqual(at(`${SATURDAY} 08:00`)); // Tue evening → Wed 08:00 → +1
    expect(c.addWorkingDays(at(`${WEDNESDAY} 07:00`), 1)).toEqual(at(`${SATURDAY} 08:00`));
    expect(c.addWorkingDays(at(`${WEDNESDAY} 14:00`), 1)).toEqual(at("1405/09/08 08:00")); // Wed closed → Sat 08:00 → Sun
    expect(c.addWorkingDays(at("1405/09/06 10:00"), 0)).toEqual(at(`${SATURDAY} 08:00`)); // Friday
    expect(c.addWorkingDays(at(`${WEDNESDAY} 10:15`), 0)).toEqual(at(`${WEDNESDAY} 10:15`));
  });

  it("keeps seconds and milliseconds of the time of day", () => {
    const t = new Date(at(`${WEDNESDAY} 10:15`).getTime() + 12_345);
    expect(cal().addWorkingDays(t, 3).getTime() - at("1405/09/09 10:15").getTime()).toBe(12_345);
  });

  it("skips a holiday that falls on a Friday and the one after it (1404/05/31 Fri, 1404/06/02 Sun)", () => {
    const c = cal();
    expect(c.isWorkingDay(day("1404/05/31"))).toBe(false);
    expect(c.holidayName(day("1404/05/31"))).toBe("رحلت حضرت رسول اکرم (ص) و شهادت امام حسن مجتبی (ع)");
    expect(c.describeDay(day("1404/05/31")).offReasons).toEqual(["friday", "national_holiday"]);
    expect(c.addWorkingDays(at("1404/05/29 13:00"), 1)).toEqual(at("1404/06/01 13:00"));
    expect(c.addWorkingDays(at("1404/05/29 13:00"), 2)).toEqual(at("1404/06/03 13:00"));
  });

  it("skips Nowruz", () => {
    const c = cal();
    for (const d of ["1405/01/01", "1405/01/02", "1405/01/03", "1405/01/04"]) expect(c.isWorkingDay(day(d))).toBe(false);
    expect(c.addWorkingDays(at("1404/12/27 13:00"), 1)).toEqual(at("1405/01/05 13:00"));
  });

  it("refuses negative or fractional counts", () => {
    expect(() => cal().addWorkingDays(at(`${WEDNESDAY} 10:00`), -1)).toThrow(RangeError);
    expect(() => cal().addWorkingDays(at(`${WEDNESDAY} 10:00`), 1.5)).toThrow(RangeError);
  });
});

describe("windows", () => {
  it.each([
    ["off", `${WEDNESDAY} 07:00`, `${WEDNESDAY} 08:00`],
    ["off", `${WEDNESDAY} 08:00`, `${WEDNESDAY} 08:00`],
    ["off", `${WEDNESDAY} 09:00`, `${SATURDAY} 08:00`],
    ["off", `${WEDNESDAY} 15:00`, `${SATURDAY} 08:00`],
    ["half", `${WEDNESDAY} 15:00`, `${THURSDAY} 08:00`],
    ["half", `${THURSDAY} 12:30`, `${SATURDAY} 08:00`],
    ["off", "1404/12/27 15:00", "1405/01/05 08:00"],
  ] as const)("%s: next window start after %s is %s", (thursday, t, expected) => {
    expect(cal({ thursday }).nextWorkingWindowStart(at(t))).toEqual(at(expected));
  });

  it("nextWorkingInstant is t itself inside a window", () => {
    const c = cal();
    expect(c.nextWorkingInstant(at(`${WEDNESDAY} 09:00`))).toEqual(at(`${WEDNESDAY} 09:00`));
    expect(c.nextWorkingInstant(at(`${WEDNESDAY} 14:00`))).toEqual(at(`${SATURDAY} 08:00`));
  });

  it("opening and closing of working days; days off throw", () => {
    const c = cal();
    expect(c.openingOf(day(WEDNESDAY))).toEqual(at(`${WEDNESDAY} 08:00`));
    expect(c.closingOf(day(WEDNESDAY))).toEqual(at(`${WEDNESDAY} 14:00`));
    expect(() => c.openingOf(day("1405/01/01"))).toThrow(RangeError);
  });

  it("morning of the working day before a date", () => {
    expect(cal().morningOfWorkingDayBefore(day(SATURDAY))).toEqual(at(`${WEDNESDAY} 08:00`));
    expect(cal({ thursday: "half" }).morningOfWorkingDayBefore(day(SATURDAY))).toEqual(at(`${THURSDAY} 08:00`));
    expect(cal().morningOfWorkingDayBefore(day("1405/01/05"))).toEqual(at("1404/12/27 08:00"));
    expect(cal().morningOfWorkingDayBefore(day("1405/09/08"))).toEqual(at(`${SATURDAY} 08:00`));
  });
});

describe("working days between two instants", () => {
  it.each([
    [`${WEDNESDAY} 13:30`, `${WEDNESDAY} 13:59`, 0],
    [`${WEDNESDAY} 13:30`, `${SATURDAY} 13:29`, 0],
    [`${WEDNESDAY} 13:30`, `${SATURDAY} 13:30`, 1],
    [`${WEDNESDAY} 13:30`, "1405/09/08 10:00", 1],
    [`${WEDNESDAY} 13:30`, "1405/09/11 13:30", 5], // Sat, Sun, Mon, Tue, Wed
    [`${SATURDAY} 13:30`, `${WEDNESDAY} 13:30`, -1],
    [`${WEDNESDAY} 20:00`, "1405/09/08 07:00", 0],
    [`${WEDNESDAY} 20:00`, "1405/09/08 08:00", 1],
  ])("%s → %s: %i", (a, b, n) => {
    expect(cal().workingDaysBetween(at(a), at(b))).toBe(n);
  });
});

describe("a committee's own closures and removals", () => {
  it("removing a national holiday makes it a working day with no holiday name", () => {
    const c = cal({ removedHolidays: ["1405/04/03"] }); // Tasua, a Wednesday
    expect(c.isWorkingDay(day("1405/04/03"))).toBe(true);
    expect(c.holidayName(day("1405/04/03"))).toBeUndefined();
    expect(c.describeDay(day("1405/04/03")).removedHolidays.map((h) => h.id)).toEqual(["tasua"]);
    expect(cal().isWorkingDay(day("1405/04/03"))).toBe(false);
    expect(cal().holidayName(day("1405/04/03"))).toBe("تاسوعای حسینی");
  });

  it("extra closures, in any digits, with or without a name", () => {
    const c = cal({ extraHolidays: ["۱۴۰۵/۰۹/۱۰", { date: "1405-09-11", name: "تعطیلی آلودگی هوا" }] });
    expect(c.isWorkingDay(day("1405/09/10"))).toBe(false);
    expect(c.holidayName(day("1405/09/10"))).toBe(DEFAULT_CLOSURE_NAME);
    expect(c.holidayName(day("1405/09/11"))).toBe("تعطیلی آلودگی هوا");
    expect(c.describeDay(day("1405/09/11")).offReasons).toEqual(["committee_closure"]);
    // Monday + 1: Tuesday and Wednesday closed, Thursday off, Friday → Saturday.
    expect(c.addWorkingDays(at("1405/09/09 10:00"), 1)).toEqual(at("1405/09/14 10:00"));
  });

  it("a closure on a national holiday lists both names", () => {
    expect(cal({ extraHolidays: [{ date: "1405/04/03", name: "عزاداری" }] }).holidayName(day("1405/04/03"))).toBe("تاسوعای حسینی؛ عزاداری");
  });

  it("an ordinary day and a plain Friday have no holiday name", () => {
    expect(cal().holidayName(day(WEDNESDAY))).toBeUndefined();
    expect(cal().holidayName(day("1405/09/06"))).toBeUndefined();
  });

  it("addWorkingDaysToDate counts whole days", () => {
    const c = cal();
    expect(c.addWorkingDaysToDate(day(WEDNESDAY), 1)).toEqual(day(SATURDAY));
    expect(c.addWorkingDaysToDate(day(WEDNESDAY), 0)).toEqual(day(WEDNESDAY));
    expect(c.addWorkingDaysToDate(day("1405/09/06"), 0)).toEqual(day(SATURDAY));
    expect(c.addWorkingDaysToDate(day(WEDNESDAY), 3)).toEqual(day("1405/09/09"));
  });
});

describe("configuration errors", () => {
  it.each<[string, CalendarConfig]>([
    ["office hours backwards", { officeHours: { start: "14:00", end: "08:00" } }],
    ["office hours empty", { officeHours: { start: "08:00", end: "08:00" } }],
    ["not a time", { officeHours: { start: "8", end: "14:00" } }],
    ["minutes out of range", { officeHours: { start: "08:60", end: "14:00" } }],
    ["half Thursday closing before opening", { thursday: "half", thursdayCloses: "07:00" }],
    ["half Thursday closing after the day closes", { thursday: "half", thursdayCloses: "15:00" }],
    ["not a date", { extraHolidays: ["1404/12/30"] }],
    ["both added and removed", { extraHolidays: ["1405/04/03"], removedHolidays: ["1405/04/03"] }],
  ])("%s", (_label, cfg) => {
    expect(() => createWorkCalendar(cfg)).toThrow(CalendarConfigError);
  });
});
