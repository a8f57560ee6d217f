import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  TEHRAN_OFFSET_MINUTES,
  addJalaliDays,
  compareJalali,
  diffJalaliDays,
  formatJalaliDateTime,
  formatJalaliLong,
  formatJalaliNumeric,
  formatTime,
  isLeapJalaliYear,
  isValidJalali,
  jalaliKey,
  jalaliMonthLength,
  jalaliToInstant,
  jalaliWeekKey,
  jalaliWeekday,
  parseJalaliStrict,
  parseJalaliWeekKey,
  startOfJalaliWeek,
  tehranClock,
  toJalali,
} from "../../../src/domain/calendar/index.js";

const j = (jy: number, jm: number, jd: number) => ({ jy, jm, jd });

describe("validation", () => {
  it.each([
    ["1403 is leap: Esfand 30 exists", j(1403, 12, 30), true],
    ["1404 is not leap: no Esfand 30", j(1404, 12, 30), false],
    ["1404 Esfand 29 exists", j(1404, 12, 29), true],
    ["1405 is not leap", j(1405, 12, 30), false],
    ["1408 is leap", j(1408, 12, 30), true],
    ["1399 is leap", j(1399, 12, 30), true],
    ["months 1–6 have 31 days", j(1405, 6, 31), true],
    ["Mehr has 30 days", j(1405, 7, 31), false],
    ["Bahman has 30 days", j(1405, 11, 30), true],
    ["Bahman has no 31st", j(1405, 11, 31), false],
    ["no month 13", j(1405, 13, 1), false],
    ["no month 0", j(1405, 0, 1), false],
    ["no day 0", j(1405, 1, 0), false],
    ["fractions are not dates", j(1405, 1, 1.5), false],
    ["NaN is not a date", j(Number.NaN, 1, 1), false],
  ])("%s", (_label, date, valid) => {
    expect(isValidJalali(date)).toBe(valid);
  });

  it("month lengths: 31 ×6, 30 ×5, Esfand 29/30", () => {
    expect(Array.from({ length: 12 }, (_, i) => jalaliMonthLength(1404, i + 1))).toEqual([31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29]);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(isLeapJalaliYear(1403)).toBe(true);
    expect(isLeapJalaliYear(1404)).toBe(false);
    expect(() => jalaliMonthLength(1404, 13)).toThrow(RangeError);
  });
});

describe("conversion (Tehran, fixed +03:30)", () => {
  it("the offset is 210 minutes", () => {
    expect(TEHRAN_OFFSET_MINUTES).toBe(210);
  });

  it.each([
    ["2024-03-20T12:00:00Z", j(1403, 1, 1)],
    ["2025-03-20T12:00:00Z", j(1403, 12, 30)],
    ["2025-03-21T12:00:00Z", j(1404, 1, 1)],
    ["2026-03-20T12:00:00Z", j(1404, 12, 29)],
    ["2026-03-21T12:00:00Z", j(1405, 1, 1)],
    ["2026-11-25T10:00:00Z", j(1405, 9, 4)],
  ])("%s is %o", (iso, date) => {
    expect(toJalali(new Date(iso))).toEqual(date);
  });

  it("the Tehran day starts at 20:30 UTC of the previous Gregorian day", () => {
    expect(toJalali(new Date("2026-11-24T20:29:59.999Z"))).toEqual(j(1405, 9, 3));
    expect(toJalali(new Date("2026-11-24T20:30:00.000Z"))).toEqual(j(1405, 9, 4));
    expect(jalaliToInstant(j(1405, 9, 4)).toISOString()).toBe("2026-11-24T20:30:00.000Z");
    expect(jalaliToInstant(j(1405, 9, 4), { h: 14, m: 30 }).toISOString()).toBe("2026-11-25T11:00:00.000Z");
  });

  it("summer has the same offset: no DST since 1401", () => {
    expect(jalaliToInstant(j(1405, 4, 1), { h: 8, m: 0 }).toISOString()).toBe("2026-06-22T04:30:00.000Z");
  });

  it("tehranClock gives the day and the time since its midnight", () => {
    const c = tehranClock(new Date("2026-11-25T11:00:00Z"));
    expect(c.date).toEqual(j(1405, 9, 4));
    expect(c.msOfDay).toBe((14 * 60 + 30) * 60_000);
  });

  it("refuses invalid dates and times", () => {
    expect(() => jalaliToInstant(j(1404, 12, 30))).toThrow(RangeError);
    expect(() => jalaliToInstant(j(1405, 1, 1), { h: 25, m: 0 })).toThrow(RangeError);
    expect(() => toJalali(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("weeks start on Saturday", () => {
  it("weekday: 0 = Saturday … 6 = Friday", () => {
    expect(jalaliWeekday(j(1405, 1, 1))).toBe(0); // Saturday 21 March 2026
    expect(jalaliWeekday(j(1405, 9, 4))).toBe(4); // Wednesday
    expect(jalaliWeekday(j(1404, 1, 1))).toBe(6); // Friday 21 March 2025
    expect(jalaliWeekday(j(1405, 9, 6))).toBe(6);
  });

  it("startOfJalaliWeek is the Saturday on or before", () => {
    expect(startOfJalaliWeek(j(1405, 9, 4))).toEqual(j(1405, 8, 30));
    expect(startOfJalaliWeek(j(1405, 9, 7))).toEqual(j(1405, 9, 7));
    expect(startOfJalaliWeek(j(1405, 1, 3))).toEqual(j(1405, 1, 1));
  });

  it("week keys: week 1 contains 1 Farvardin; a week belongs to the year of its Friday", () => {
    expect(jalaliWeekKey(j(1405, 1, 1))).toBe("1405-W01");
    expect(jalaliWeekKey(j(1405, 1, 7))).toBe("1405-W01");
    expect(jalaliWeekKey(j(1405, 1, 8))).toBe("1405-W02");
    expect(jalaliWeekKey(j(1405, 9, 4))).toBe("1405-W36");
    // 1404/01/01 is a Friday: the week from Saturday 1403/12/25 is week 1 of 1404.
    expect(jalaliWeekKey(j(1403, 12, 25))).toBe("1404-W01");
    expect(jalaliWeekKey(j(1403, 12, 24))).toBe("1403-W52");
    // 1404/12/29 is a Friday, so 1405 starts a fresh week on Saturday 1405/01/01; 1404 has 53 weeks.
    expect(jalaliWeekKey(j(1404, 12, 29))).toBe("1404-W53");
  });

  it("week keys round-trip to their Saturday and sort in time order", () => {
    let day = j(1403, 1, 1);
    let previous = "";
    for (let i = 0; i < 3 * 366; i++, day = addJalaliDays(day, 1)) {
      const key = jalaliWeekKey(day);
      expect(parseJalaliWeekKey(key)).toEqual(startOfJalaliWeek(day));
      expect(key >= previous).toBe(true);
      previous = key;
    }
    expect(parseJalaliWeekKey("1405-W00")).toBeUndefined();
    expect(parseJalaliWeekKey("1405-W60")).toBeUndefined();
    expect(parseJalaliWeekKey("1405-10")).toBeUndefined();
  });
});

describe("day arithmetic", () => {
  it("crosses month and year ends", () => {
    expect(addJalaliDays(j(1403, 12, 29), 1)).toEqual(j(1403, 12, 30));
    expect(addJalaliDays(j(1403, 12, 30), 1)).toEqual(j(1404, 1, 1));
    expect(addJalaliDays(j(1404, 12, 29), 1)).toEqual(j(1405, 1, 1));
    expect(addJalaliDays(j(1405, 1, 1), -1)).toEqual(j(1404, 12, 29));
    expect(addJalaliDays(j(1405, 6, 31), 1)).toEqual(j(1405, 7, 1));
    expect(diffJalaliDays(j(1404, 1, 1), j(1405, 1, 1))).toBe(365);
    expect(diffJalaliDays(j(1403, 1, 1), j(1404, 1, 1))).toBe(366);
    expect(compareJalali(j(1405, 1, 2), j(1405, 1, 1))).toBeGreaterThan(0);
  });
});

describe("formatting for people", () => {
  it("formatJalaliLong(2026-11-25T10:00Z) is چهارشنبه ۴ آذر ۱۴۰۵", () => {
    expect(formatJalaliLong(new Date("2026-11-25T10:00:00Z"))).toBe("چهارشنبه ۴ آذر ۱۴۰۵");
  });

  it.each([
    [j(1405, 1, 1), "شنبه ۱ فروردین ۱۴۰۵"],
    [j(1405, 1, 4), "سه\u200Cشنبه ۴ فروردین ۱۴۰۵"],
    [j(1405, 1, 6), "پنج\u200Cشنبه ۶ فروردین ۱۴۰۵"],
    [j(1404, 12, 29), "جمعه ۲۹ اسفند ۱۴۰۴"],
    [j(1405, 7, 30), "پنج\u200Cشنبه ۳۰ مهر ۱۴۰۵"],
  ])("%o → %s", (d, text) => {
    expect(formatJalaliLong(d)).toBe(text);
  });

  it("numeric and time forms, Persian digits", () => {
    expect(formatJalaliNumeric(j(1405, 9, 4))).toBe("۱۴۰۵/۰۹/۰۴");
    expect(formatJalaliNumeric(new Date("2026-11-25T10:00:00Z"))).toBe("۱۴۰۵/۰۹/۰۴");
    expect(formatTime(new Date("2026-11-25T11:00:00Z"))).toBe("۱۴:۳۰");
    expect(formatTime(new Date("2026-11-24T20:30:00Z"))).toBe("۰۰:۰۰");
    expect(formatTime(new Date("2026-11-25T04:29:59Z"))).toBe("۰۷:۵۹");
    expect(formatJalaliDateTime(new Date("2026-11-25T11:00:00Z"))).toBe("چهارشنبه ۴ آذر ۱۴۰۵، ساعت ۱۴:۳۰");
    expect(jalaliKey(j(1405, 9, 4))).toBe("1405/09/04");
  });
});

describe("parseJalaliStrict (files and configuration)", () => {
  it.each(["1405/09/01", "1405/9/1", "1405-09-01", "1405-9-1", "۱۴۰۵/۰۹/۰۱", "١٤٠٥-٠٩-٠١", " 1405 / 9 / 1 "])("%s → 1405/09/01", (s) => {
    expect(parseJalaliStrict(s)).toEqual({ ok: true, value: j(1405, 9, 1) });
  });

  it.each([
    ["", "date.empty"],
    ["1405/9", "date.incomplete"],
    ["1405/09-01", "date.invalid_format"],
    ["1 آذر 1405", "date.invalid_format"],
    ["1404/12/30", "date.invalid_day"],
    ["1405/13/01", "date.invalid_month"],
  ])("%s → %s", (s, code) => {
    const r = parseJalaliStrict(s);
    expect(r.ok ? undefined : r.error.code).toBe(code);
  });
});

it("DAY_MS is one day", () => {
  expect(DAY_MS).toBe(86_400_000);
});
