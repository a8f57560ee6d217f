import { describe, expect, it } from "vitest";
import { createWorkCalendar, jalaliToInstant } from "../../../src/domain/calendar/index.js";
import { parseJalaliInput } from "../../../src/domain/text/index.js";

// Wednesday 4 Azar 1405, 13:30 in Tehran.
const NOW = new Date("2026-11-25T10:00:00Z");
const calendar = createWorkCalendar({ thursday: "off" });
const j = (jy: number, jm: number, jd: number) => ({ jy, jm, jd });

function dateOf(s: string, now = NOW) {
  const r = parseJalaliInput(s, now, calendar);
  if (!r.ok) throw new Error(`${s}: ${r.error.code}`);
  return r.value.date;
}

function codeOf(s: string, now = NOW) {
  const r = parseJalaliInput(s, now, calendar);
  return r.ok ? "ok" : r.error.code;
}

describe("numeric dates, in Latin, Persian and Arabic-Indic digits", () => {
  it.each([
    "1405/9/1",
    "۱۴۰۵/۹/۱",
    "١٤٠٥/٩/١",
    "1405/09/01",
    "۱۴۰۵/۰۹/۰۱",
    "١٤٠٥/٠٩/٠١",
    "1405-09-01",
    "۱۴۰۵-۰۹-۰۱",
    "١٤٠٥-٠٩-٠١",
    "1405-9-1",
    "1405.9.1",
    " ۱۴۰۵ / ۹ / ۱ ",
    "\u200F۱۴۰۵/۰۹/۰۱\u200F",
  ])("%s → 1405/09/01", (s) => {
    expect(dateOf(s)).toEqual(j(1405, 9, 1));
  });
});

describe("day and month name", () => {
  it.each([
    ["1 آذر 1405", j(1405, 9, 1)],
    ["۱ آذر ۱۴۰۵", j(1405, 9, 1)],
    ["١ آذر ١٤٠٥", j(1405, 9, 1)],
    ["۱ آذر ماه ۱۴۰۵", j(1405, 9, 1)],
    ["۱ آذرماه ۱۴۰۵", j(1405, 9, 1)],
    ["۱آذر۱۴۰۵", j(1405, 9, 1)],
    ["۴ آذر، ۱۴۰۵", j(1405, 9, 4)],
    ["۱۵ خرداد ۱۴۰۴", j(1404, 3, 15)],
    ["۱ دي ۱۴۰۵", j(1405, 10, 1)],
    ["۱۰ اردیبهشت ۱۴۰۶", j(1406, 2, 10)],
    ["۱۰ اردی‌بهشت ۱۴۰۶", j(1406, 2, 10)],
    ["۱۰ اردی بهشت ۱۴۰۶", j(1406, 2, 10)],
    ["۵ امرداد ۱۴۰۵", j(1405, 5, 5)],
    ["۳۰ اسفند ۱۴۰۳", j(1403, 12, 30)],
  ])("%s", (s, d) => {
    expect(dateOf(s)).toEqual(d);
  });

  it.each(["1 آذر", "۱ آذر", "١ آذر", "۰۱ آذر"])("%s without a year is this Jalali year", (s) => {
    expect(dateOf(s)).toEqual(j(1405, 9, 1));
  });

  it('"this year" is the Jalali year of now, even if the day has passed', () => {
    const inEsfand1404 = jalaliToInstant(j(1404, 12, 5), { h: 10, m: 0 });
    expect(dateOf("۱ آذر", inEsfand1404)).toEqual(j(1404, 9, 1));
  });

  it.each([
    ["چهارشنبه ۴ آذر ۱۴۰۵", j(1405, 9, 4)],
    ["چهارشنبه، ۴ آذر ۱۴۰۵", j(1405, 9, 4)],
    ["سه‌شنبه ۱۰ آذر ۱۴۰۵", j(1405, 9, 10)],
    ["سه شنبه ۱۰ آذر ۱۴۰۵", j(1405, 9, 10)],
    ["پنج شنبه ۵ آذر ۱۴۰۵", j(1405, 9, 5)],
    ["پنجشنبه ۵ آذر", j(1405, 9, 5)],
  ])("with a matching weekday: %s", (s, d) => {
    expect(dateOf(s)).toEqual(d);
  });

  it("the canonical rendering parses back to the same day", () => {
    const first = parseJalaliInput("1405/9/4", NOW);
    if (!first.ok) throw new Error("unexpected");
    expect(first.value.canonical).toBe("چهارشنبه ۴ آذر ۱۴۰۵");
    expect(dateOf(first.value.canonical)).toEqual(j(1405, 9, 4));
  });
});

describe("relative words (now = Wednesday 4 Azar 1405)", () => {
  it.each([
    ["امروز", j(1405, 9, 4)],
    ["فردا", j(1405, 9, 5)],
    ["پس‌فردا", j(1405, 9, 6)],
    ["پسفردا", j(1405, 9, 6)],
    ["پس فردا", j(1405, 9, 6)],
    ["دیروز", j(1405, 9, 3)],
    ["پریروز", j(1405, 9, 2)],
    ["هفته بعد", j(1405, 9, 11)],
    ["هفته آینده", j(1405, 9, 11)],
    ["هفته‌ی بعد", j(1405, 9, 11)],
    ["آخر ماه", j(1405, 9, 30)],
    ["پایان ماه", j(1405, 9, 30)],
    ["آخر این ماه", j(1405, 9, 30)],
    ["10 روز دیگر", j(1405, 9, 14)],
    ["۱۰ روز بعد", j(1405, 9, 14)],
    // Thursday off, Friday off: Saturday 7, Sunday 8, Monday 9.
    ["3 روز کاری دیگر", j(1405, 9, 9)],
    ["۳ روز کاری دیگر", j(1405, 9, 9)],
    ["٣ روز کاری دیگر", j(1405, 9, 9)],
    ["۳ روز كاري ديگر", j(1405, 9, 9)],
    ["۳ روزکاری بعد", j(1405, 9, 9)],
    ["۱ روز کاری دیگر", j(1405, 9, 7)],
  ])("%s", (s, d) => {
    expect(dateOf(s)).toEqual(d);
  });

  it('"today" is the Tehran day: 23:00 UTC is already tomorrow in Tehran', () => {
    expect(dateOf("امروز", new Date("2026-11-25T21:00:00Z"))).toEqual(j(1405, 9, 5));
  });

  it("end of month knows Esfand of leap and common years", () => {
    expect(dateOf("آخر ماه", jalaliToInstant(j(1403, 12, 10)))).toEqual(j(1403, 12, 30));
    expect(dateOf("آخر ماه", jalaliToInstant(j(1404, 12, 10)))).toEqual(j(1404, 12, 29));
    expect(dateOf("آخر ماه", jalaliToInstant(j(1405, 6, 1)))).toEqual(j(1405, 6, 31));
  });

  it("working days follow the committee calendar", () => {
    const thursdayWorking = createWorkCalendar({ thursday: "working" });
    const r = parseJalaliInput("۳ روز کاری دیگر", NOW, thursdayWorking);
    expect(r.ok && r.value.date).toEqual(j(1405, 9, 8)); // Thu 5, Sat 7, Sun 8
  });
});

describe("the answer", () => {
  it("has the date, its Tehran midnight and the canonical Persian rendering", () => {
    expect(parseJalaliInput("۱۴۰۵/۰۹/۰۴", NOW)).toEqual({
      ok: true,
      value: { date: j(1405, 9, 4), instant: new Date("2026-11-24T20:30:00Z"), canonical: "چهارشنبه ۴ آذر ۱۴۰۵" },
    });
  });
});

describe("malformed input is an error that names what was expected", () => {
  it.each([
    ["1405/13/1", "date.invalid_month"],
    ["1405/0/1", "date.invalid_month"],
    ["1404/12/30", "date.invalid_day"],
    ["31 مهر", "date.invalid_day"],
    ["1405/9/31", "date.invalid_day"],
    ["1405/9/0", "date.invalid_day"],
    ["۴۰ آذر", "date.invalid_day"],
    ["۳۰ اسفند ۱۴۰۴", "date.invalid_day"],
    ["1405/9", "date.incomplete"],
    ["9/1", "date.incomplete"],
    ["۱۴۰۵", "date.incomplete"],
    ["آذر ۱۴۰۵", "date.incomplete"],
    ["9/1/1405", "date.year_first"],
    ["01-09-1405", "date.year_first"],
    ["05/9/1", "date.two_digit_year"],
    ["۱ آذر ۰۵", "date.two_digit_year"],
    ["2026-11-25", "date.gregorian"],
    ["1045/9/1", "date.year_out_of_range"],
    ["1600/1/1", "date.year_out_of_range"],
    ["fardā", "date.invalid_format"],
    ["tomorrow", "date.invalid_format"],
    ["1405/09-01", "date.invalid_format"],
    ["1405//9/1", "date.invalid_format"],
    ["1405/9/1/2", "date.invalid_format"],
    ["14050/9/1", "date.invalid_format"],
    ["123 آذر", "date.invalid_format"],
    ["۱ آذر ۱۴۰۵ ساعت ۱۰", "date.invalid_format"],
    ["هفته", "date.invalid_format"],
    ["شنبه", "date.invalid_format"],
    ["۱ آزر ۱۴۰۵", "date.unknown_month"],
    ["1 azar 1405", "date.unknown_month"],
    ["شنبه ۴ آذر ۱۴۰۵", "date.weekday_mismatch"],
    ["0 روز کاری دیگر", "date.invalid_count"],
    ["۴۰۰ روز دیگر", "date.invalid_count"],
    ["", "date.empty"],
    ["   ", "date.empty"],
    ["\u200C", "date.empty"],
  ])("%s → %s", (s, code) => {
    expect(codeOf(s)).toBe(code);
  });

  it("working days need a calendar", () => {
    const r = parseJalaliInput("۳ روز کاری دیگر", NOW);
    expect(r.ok ? "ok" : r.error.code).toBe("date.needs_calendar");
  });

  it("errors carry what the message needs", () => {
    expect(parseJalaliInput("1404/12/30", NOW)).toEqual({
      ok: false,
      error: { code: "date.invalid_day", params: { day: 30, month: 12, year: 1404, max: 29 } },
    });
    expect(parseJalaliInput("31 مهر", NOW)).toEqual({
      ok: false,
      error: { code: "date.invalid_day", params: { day: 31, month: 7, year: 1405, max: 30 } },
    });
    expect(parseJalaliInput("1405/13/1", NOW)).toEqual({ ok: false, error: { code: "date.invalid_month", params: { month: 13 } } });
  });
});
