/**
 * Jalali dates as people type them in chat, relative to `now` (Tehran day):
 *   numeric   1405/9/1, ۱۴۰۵/۰۹/۰۱, 1405-09-01 (year first, four digits)
 *   named     ۱ آذر ۱۴۰۵, ۱ آذر ماه ۱۴۰۵, ۱ آذر (this Jalali year), چهارشنبه ۴ آذر ۱۴۰۵ (weekday checked)
 *   relative  امروز، فردا، پس‌فردا (پسفردا، پس فردا)، پریروز، دیروز، هفته بعد / هفته آینده (+7 days),
 *             آخر ماه (last day of this month), ۳ روز دیگر (calendar days), ۳ روز کاری دیگر (working days)
 * The answer carries a canonical rendering ("چهارشنبه ۴ آذر ۱۴۰۵") to echo back for confirmation.
 * Ambiguous or impossible input is an error naming what was expected, never a guess.
 */
import { formatJalaliLong } from "../calendar/format.js";
import { type JalaliDate, addJalaliDays, jalaliMonthLength, jalaliToInstant, jalaliWeekday, toJalali } from "../calendar/jalali.js";
import { parseNumericJalali, validateJalaliParts } from "../calendar/parse.js";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import { fail, ok } from "../result.js";
import type { InputResult } from "./input-errors.js";
import { prepareInput } from "./normalise.js";

export interface ParsedDateInput {
  readonly date: JalaliDate;
  /** Tehran midnight at the start of `date`. */
  readonly instant: Date;
  /** e.g. "چهارشنبه ۴ آذر ۱۴۰۵", to show the person what was understood. */
  readonly canonical: string;
}

/** Bounds for "N روز (کاری) دیگر". */
export const RELATIVE_COUNT_MIN = 1;
export const RELATIVE_COUNT_MAX = 365;

/** Keys are written without ZWNJ and spaces, as matching strips them. */
const MONTHS: Readonly<Record<string, number>> = {
  فروردین: 1,
  اردیبهشت: 2,
  خرداد: 3,
  تیر: 4,
  مرداد: 5,
  امرداد: 5,
  شهریور: 6,
  مهر: 7,
  آبان: 8,
  ابان: 8,
  آذر: 9,
  اذر: 9,
  دی: 10,
  بهمن: 11,
  اسفند: 12,
};

const WEEKDAYS: Readonly<Record<string, number>> = {
  شنبه: 0,
  یکشنبه: 1,
  دوشنبه: 2,
  سهشنبه: 3,
  چهارشنبه: 4,
  پنجشنبه: 5,
  جمعه: 6,
};

const FIXED_OFFSETS: Readonly<Record<string, number>> = {
  پریروز: -2,
  دیروز: -1,
  امروز: 0,
  فردا: 1,
  پسفردا: 2,
};

const NEXT_WEEK = /^هفته ?ی? ?(?:بعد|آینده|دیگر)$/;
const END_OF_MONTH = /^(?:آخر|پایان) (?:این )?ماه$/;
const DAYS_LATER = /^(\d+) ?روز ?(کاری)? ?(?:دیگر|بعد)$/;
const WEEKDAY_PREFIX = /^((?:یک|دو|سه|چهار|پنج)? ?شنبه|جمعه)[،,]? ?(?=\d)/;
const NAMED = /^(\d+) ?(\p{L}+)(?: ماه)?(?:[،,]? ?(\d+))?$/u;
const MONTH_YEAR_ONLY = /^(\p{L}+)(?: ماه)? (\d{4})$/u;

function answer(date: JalaliDate): InputResult<ParsedDateInput> {
  return ok({ date, instant: jalaliToInstant(date), canonical: formatJalaliLong(date) });
}

function parseRelative(t: string, today: JalaliDate, calendar: WorkCalendar | undefined): InputResult<ParsedDateInput> | undefined {
  const fixed = FIXED_OFFSETS[t.replace(/ /g, "")];
  if (fixed !== undefined) return answer(addJalaliDays(today, fixed));
  if (NEXT_WEEK.test(t)) return answer(addJalaliDays(today, 7));
  if (END_OF_MONTH.test(t)) return answer({ jy: today.jy, jm: today.jm, jd: jalaliMonthLength(today.jy, today.jm) });
  const later = DAYS_LATER.exec(t);
  if (!later) return undefined;
  const n = Number(later[1]);
  if (!Number.isSafeInteger(n) || n < RELATIVE_COUNT_MIN || n > RELATIVE_COUNT_MAX) {
    return fail("date.invalid_count", { min: RELATIVE_COUNT_MIN, max: RELATIVE_COUNT_MAX });
  }
  if (later[2] === undefined) return answer(addJalaliDays(today, n));
  return calendar ? answer(calendar.addWorkingDaysToDate(today, n)) : fail("date.needs_calendar");
}

function parseNamed(t: string, today: JalaliDate): InputResult<ParsedDateInput> | undefined {
  const weekdayMatch = WEEKDAY_PREFIX.exec(t);
  const rest = weekdayMatch ? t.slice(weekdayMatch[0].length) : t;
  const monthYear = MONTH_YEAR_ONLY.exec(rest);
  if (monthYear?.[1] && MONTHS[monthYear[1]] !== undefined) return fail("date.incomplete");
  const m = NAMED.exec(rest.replace("اردی بهشت", "اردیبهشت"));
  if (!m) return undefined;
  const [, dayDigits = "", monthWord = "", yearDigits] = m;
  const month = MONTHS[monthWord] ?? MONTHS[monthWord.replace(/ماه$/, "")];
  if (month === undefined) return fail("date.unknown_month", { name: monthWord });
  if (dayDigits.length > 2) return fail("date.invalid_format");
  let year = today.jy;
  if (yearDigits !== undefined) {
    if (yearDigits.length <= 2) return fail("date.two_digit_year");
    if (yearDigits.length !== 4) return fail("date.invalid_format");
    year = Number(yearDigits);
  }
  const valid = validateJalaliParts(year, month, Number(dayDigits));
  if (!valid.ok) return valid;
  if (weekdayMatch?.[1] !== undefined && WEEKDAYS[weekdayMatch[1].replace(/ /g, "")] !== jalaliWeekday(valid.value)) {
    return fail("date.weekday_mismatch");
  }
  return answer(valid.value);
}

/**
 * Parses a date typed in chat. `now` fixes "today" (its Tehran day) and the year of "۱ آذر";
 * `calendar` is needed only for "N روز کاری دیگر" (without it that form answers date.needs_calendar).
 */
export function parseJalaliInput(s: string, now: Date, calendar?: WorkCalendar): InputResult<ParsedDateInput> {
  // ZWNJ carries no meaning for matching (پس‌فردا = پسفردا), so it goes entirely.
  const t = prepareInput(s)
    .replace(/\u200C/g, "")
    .replace(/\s+/g, " ");
  if (t === "") return fail("date.empty");
  const today = toJalali(now);
  const numeric = parseNumericJalali(t);
  if (numeric) return numeric.ok ? answer(numeric.value) : numeric;
  return parseRelative(t, today, calendar) ?? parseNamed(t, today) ?? fail("date.invalid_format");
}
