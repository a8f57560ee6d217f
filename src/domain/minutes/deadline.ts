/**
 * A resolution's deadline as the secretary gives it: a Jalali date (anything parseJalaliInput
 * reads), a span from a day («۲ هفته», «۱۰ روز کاری», «۳ ماه», «دو هفته دیگر»), or standing («مستمر»).
 * A deadline must be a working day after today: a past day is refused, a day off is refused with
 * the next working day offered. Pure: "today" and the calendar are passed in.
 */
import { addJalaliDays, compareJalali, jalaliMonthLength, toJalali, type JalaliDate } from "../calendar/jalali.js";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import { fail, ok, type DomainError, type Result } from "../result.js";
import { parseJalaliInput } from "../text/date-input.js";
import type { InputErrorCode } from "../text/input-errors.js";
import { prepareInput } from "../text/normalise.js";

/** A span counted from a day: calendar days, weeks, months, or working days of the committee. */
export interface DeadlineSpan {
  count: number;
  unit: "day" | "week" | "month" | "working_day";
}

export type DeadlineSpec = { kind: "standing" } | { kind: "date"; date: JalaliDate } | { kind: "span"; span: DeadlineSpan };

export type DeadlineErrorCode = InputErrorCode | "deadline.past" | "deadline.day_off" | "deadline.span_too_long";
export type DeadlineResult<T> = Result<T, DomainError<DeadlineErrorCode>>;

/** The longest span accepted: a deadline further away than this is a typing mistake. */
export const MAX_SPAN_DAYS = 366;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  یک: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  یازده: 11,
  دوازده: 12,
  پانزده: 15,
  بیست: 20,
  سی: 30,
};

const STANDING = /^(?:مستمر|دائمی|دائم|به ?صورت ?مستمر)$/;
const SPAN = /^(\d{1,3}|\p{L}+) ?(روز|هفته|ماه) ?(کاری)?(?: ?(?:دیگر|بعد|آینده))?$/u;
/** The same span inside a sentence: «ظرف دو هفته»، «طی ۱۰ روز کاری»، «حداکثر یک ماه». */
export const SPAN_IN_TEXT = /(?:ظرف|طی|حداکثر|در مدت|تا)\s*(?:مدت\s*)?(\d{1,3}|\p{L}+)\s*(روز|هفته|ماه)(\s*کاری)?/u;

function countOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

/** «۲ هفته» → { count: 2, unit: "week" }; undefined when `words` are not a span. */
export function spanOf(count: string, unit: string, working: boolean): DeadlineSpan | undefined {
  const n = countOf(count);
  if (n === undefined || n < 1) return undefined;
  if (working) return unit === "روز" ? { count: n, unit: "working_day" } : undefined;
  return { count: n, unit: unit === "روز" ? "day" : unit === "هفته" ? "week" : "month" };
}

/** Reads a typed deadline. Dates are not checked here (see checkDeadline); spans are counted later from a day. */
export function parseDeadlineInput(input: string, now: Date, calendar: WorkCalendar): DeadlineResult<DeadlineSpec> {
  const t = prepareInput(input)
    .replace(/\u200C/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (STANDING.test(t)) return ok({ kind: "standing" });
  const span = SPAN.exec(t);
  if (span) {
    const parsed = spanOf(span[1]!, span[2]!, span[3] !== undefined);
    if (parsed) return ok({ kind: "span", span: parsed });
  }
  const date = parseJalaliInput(input, now, calendar);
  return date.ok ? ok({ kind: "date", date: date.value.date }) : date;
}

/** The day a span ends, counted from `from` (the meeting day, or today). */
export function endOfSpan(from: JalaliDate, span: DeadlineSpan, calendar: WorkCalendar): JalaliDate {
  switch (span.unit) {
    case "day":
      return addJalaliDays(from, span.count);
    case "week":
      return addJalaliDays(from, 7 * span.count);
    case "working_day":
      return calendar.addWorkingDaysToDate(from, span.count);
    case "month": {
      const months = from.jm - 1 + span.count;
      const jy = from.jy + Math.floor(months / 12);
      const jm = (months % 12) + 1;
      return { jy, jm, jd: Math.min(from.jd, jalaliMonthLength(jy, jm)) };
    }
  }
}

/** The next working day on or after d. */
export function workingDayFrom(d: JalaliDate, calendar: WorkCalendar): JalaliDate {
  return calendar.addWorkingDaysToDate(d, 0);
}

/**
 * The deadline day of a spec, counted from `from`, checked against today: not before today, not
 * too far, and a working day (else refused with the next working day in `params.next` as jy/jm/jd).
 * Standing answers null.
 */
export function resolveDeadline(
  spec: DeadlineSpec,
  from: JalaliDate,
  now: Date,
  calendar: WorkCalendar,
): DeadlineResult<JalaliDate | null> {
  if (spec.kind === "standing") return ok(null);
  const today = toJalali(now);
  const day = spec.kind === "date" ? spec.date : endOfSpan(from, spec.span, calendar);
  if (compareJalali(day, today) < 0) return fail("deadline.past");
  if (compareJalali(day, addJalaliDays(today, MAX_SPAN_DAYS)) > 0) return fail("deadline.span_too_long", { max: MAX_SPAN_DAYS });
  if (!calendar.isWorkingDay(day)) {
    const next = workingDayFrom(day, calendar);
    return fail("deadline.day_off", { jy: next.jy, jm: next.jm, jd: next.jd });
  }
  return ok(day);
}
