/**
 * Strict numeric Jalali dates: "1405/09/01", "1405-9-1", "۱۴۰۵/۰۹/۰۱" (any digits).
 * Year first, four digits, one separator kind (/, - or .). Anything else is an error that says why;
 * we never guess between day-first, month-first or two-digit years.
 */
import { fail, ok } from "../result.js";
import { normaliseDigits } from "../text/digits.js";
import type { InputResult } from "../text/input-errors.js";
import { type JalaliDate, isValidJalali, jalaliMonthLength } from "./jalali.js";

/** Years a person may type. Wider than any real deadline, narrow enough to catch typos like 1045. */
export const INPUT_YEAR_MIN = 1300;
export const INPUT_YEAR_MAX = 1499;
/** Four-digit years in this range are almost certainly Gregorian (2026-11-25). */
const GREGORIAN_MIN = 1800;
const GREGORIAN_MAX = 2199;

/** Checks year, month and day in that order, so the error names the first thing that is wrong. */
export function validateJalaliParts(jy: number, jm: number, jd: number): InputResult<JalaliDate> {
  if (jy >= GREGORIAN_MIN && jy <= GREGORIAN_MAX) return fail("date.gregorian");
  if (jy < INPUT_YEAR_MIN || jy > INPUT_YEAR_MAX) {
    return fail("date.year_out_of_range", { min: INPUT_YEAR_MIN, max: INPUT_YEAR_MAX });
  }
  if (jm < 1 || jm > 12) return fail("date.invalid_month", { month: jm });
  const max = jalaliMonthLength(jy, jm);
  if (jd < 1 || jd > max) return fail("date.invalid_day", { day: jd, month: jm, year: jy, max });
  const date = { jy, jm, jd };
  return isValidJalali(date) ? ok(date) : fail("date.invalid_format");
}

const NUMERIC_DATE = /^(\d+)([/\-.])(\d+)\2(\d+)$/;
const TWO_PART = /^\d+[/\-.]\d+$/;

/**
 * Parses an already digit-normalised, trimmed string that looks numeric. Answers undefined when the
 * string is not made of digits and separators at all, so callers can try other forms.
 */
export function parseNumericJalali(s: string): InputResult<JalaliDate> | undefined {
  const compact = s.replace(/\s*([/\-.])\s*/g, "$1");
  if (TWO_PART.test(compact)) return fail("date.incomplete");
  const m = NUMERIC_DATE.exec(compact);
  if (!m) {
    if (/^\d{1,4}$/.test(compact)) return fail("date.incomplete");
    return /^[\d/\-.\s]+$/.test(compact) ? fail("date.invalid_format") : undefined;
  }
  const [, a = "", , b = "", c = ""] = m;
  if (a.length !== 4) {
    if (c.length === 4) return fail("date.year_first");
    return a.length <= 2 ? fail("date.two_digit_year") : fail("date.invalid_format");
  }
  if (b.length > 2 || c.length > 2) return fail("date.invalid_format");
  return validateJalaliParts(Number(a), Number(b), Number(c));
}

/** For files and configuration: only the numeric form, in any digits. */
export function parseJalaliStrict(s: string): InputResult<JalaliDate> {
  const t = normaliseDigits(s).trim();
  if (t === "") return fail("date.empty");
  return parseNumericJalali(t) ?? fail("date.invalid_format");
}
