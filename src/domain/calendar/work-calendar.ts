/**
 * Working time of one committee: Friday off, Thursday off / half day / working, office hours,
 * the national holiday table, and the committee's own closures and removals (a committee can
 * un-declare a national date, because lunar holidays move at short notice).
 *
 * A working window is [opening, closing) of a working day, in Tehran time: 13:59 is inside a
 * 08:00–14:00 window, 14:00 and 07:59 are not. All answers are instants (Date) or Jalali days;
 * nothing here reads the clock.
 */
import { normaliseDigits } from "../text/digits.js";
import { type Holiday, type HolidayTable, nationalHolidayTable } from "./holidays.js";
import {
  type JalaliDate,
  FRIDAY,
  HOUR_MS,
  MINUTE_MS,
  THURSDAY,
  addJalaliDays,
  compareJalali,
  instantAt,
  jalaliKey,
  jalaliWeekday,
  tehranClock,
} from "./jalali.js";
import { parseJalaliStrict } from "./parse.js";

export type ThursdayMode = "off" | "half" | "working";

export interface CalendarConfig {
  /** Default 'off'. */
  readonly thursday?: ThursdayMode;
  /** Closing time on a half Thursday, "HH:MM"; default "12:00". */
  readonly thursdayCloses?: string;
  /** Default 08:00–14:00. */
  readonly officeHours?: { readonly start: string; readonly end: string };
  /** The committee's own closures: "1405/09/10" (any digits, / or -), optionally with a name. */
  readonly extraHolidays?: ReadonlyArray<string | { readonly date: string; readonly name?: string }>;
  /** National holidays this committee works on anyway (e.g. a lunar holiday that moved). */
  readonly removedHolidays?: readonly string[];
}

export const DEFAULT_CALENDAR_CONFIG = {
  thursday: "off",
  thursdayCloses: "12:00",
  officeHours: { start: "08:00", end: "14:00" },
} as const satisfies CalendarConfig;

/** Name shown for a committee closure that was configured without one. */
export const DEFAULT_CLOSURE_NAME = "تعطیلی اعلام‌شده از سوی کارگروه";

export type DayOffReason = "friday" | "thursday" | "national_holiday" | "committee_closure";

export interface DayInfo {
  readonly date: JalaliDate;
  readonly working: boolean;
  /** Every reason the day is off (empty on a working day). */
  readonly offReasons: readonly DayOffReason[];
  /** National holidays in force on the day (not removed by the committee). */
  readonly holidays: readonly Holiday[];
  /** National holidays on the day that the committee removed. */
  readonly removedHolidays: readonly Holiday[];
  /** Set when the committee closed the day itself. */
  readonly closureName?: string;
}

export interface WorkCalendar {
  isWorkingDay(d: JalaliDate): boolean;
  /** Names of the holiday(s) on d, joined with "؛ "; undefined on an ordinary day, a plain Friday or a removed holiday. */
  holidayName(d: JalaliDate): string | undefined;
  describeDay(d: JalaliDate): DayInfo;
  /** True inside [opening, closing) of a working day. */
  isWorkingTime(t: Date): boolean;
  /** Opening of the first working window that opens at or after t (t itself when t is exactly an opening). */
  nextWorkingWindowStart(t: Date): Date;
  /** t when it is working time, otherwise the next window's opening: the earliest moment one may act. */
  nextWorkingInstant(t: Date): Date;
  /**
   * n working days after t (n ≥ 0). t outside working time counts from the next window's opening.
   * The result is on the n-th working day after that day, at the same time of day; when that time is
   * past the day's closing (a half Thursday), it is the next window's opening instead.
   * So the result is always working time, and it strictly increases with n.
   */
  addWorkingDays(t: Date, n: number): Date;
  /** The n-th working day after d (n ≥ 1); n = 0 gives d itself if working, else the next working day. */
  addWorkingDaysToDate(d: JalaliDate, n: number): JalaliDate;
  /**
   * Whole working days from a to b: the largest n with addWorkingDays(a, n) ≤ b (0 if none);
   * when b is before a, minus the count from b to a.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Opening of the last working day strictly before d. */
  morningOfWorkingDayBefore(d: JalaliDate): Date;
  /** Opening of working day d; throws RangeError if d is not a working day. */
  openingOf(d: JalaliDate): Date;
  /** Closing of working day d; throws RangeError if d is not a working day. */
  closingOf(d: JalaliDate): Date;
}

/** Thrown by createWorkCalendar for a configuration that cannot be right. */
export class CalendarConfigError extends Error {
  override readonly name = "CalendarConfigError";
}

/** A search for a working day gives up after this many days: only a broken configuration gets there. */
const MAX_SEARCH_DAYS = 2 * 366;

/** "08:00" (any digits) → milliseconds after midnight; 24:00 is allowed as a closing time. */
function parseClock(label: string, s: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(normaliseDigits(s).trim());
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || h > 24 || min > 59 || (h === 24 && min > 0)) {
    throw new CalendarConfigError(`${label} must be a time like "08:00", got "${s}"`);
  }
  return h * HOUR_MS + min * MINUTE_MS;
}

function parseConfigDate(label: string, s: string): JalaliDate {
  const r = parseJalaliStrict(s);
  if (!r.ok) throw new CalendarConfigError(`${label}: "${s}" is not a Jalali date like 1405/09/10 (${r.error.code})`);
  return r.value;
}

export function createWorkCalendar(cfg: CalendarConfig = {}, table: HolidayTable = nationalHolidayTable): WorkCalendar {
  const thursday: ThursdayMode = cfg.thursday ?? DEFAULT_CALENDAR_CONFIG.thursday;
  const hours = cfg.officeHours ?? DEFAULT_CALENDAR_CONFIG.officeHours;
  const open = parseClock("officeHours.start", hours.start);
  const close = parseClock("officeHours.end", hours.end);
  if (open >= close) throw new CalendarConfigError(`office hours must open before they close (${hours.start}–${hours.end})`);
  const thursdayClose = parseClock("thursdayCloses", cfg.thursdayCloses ?? DEFAULT_CALENDAR_CONFIG.thursdayCloses);
  if (thursday === "half" && (thursdayClose <= open || thursdayClose > close)) {
    throw new CalendarConfigError(`a half Thursday must close after ${hours.start} and no later than ${hours.end}`);
  }

  const closures = new Map<string, string>();
  for (const entry of cfg.extraHolidays ?? []) {
    const { date, name } = typeof entry === "string" ? { date: entry, name: undefined } : entry;
    closures.set(jalaliKey(parseConfigDate("extraHolidays", date)), name?.trim() || DEFAULT_CLOSURE_NAME);
  }
  const removed = new Set<string>();
  for (const s of cfg.removedHolidays ?? []) {
    const key = jalaliKey(parseConfigDate("removedHolidays", s));
    if (closures.has(key)) throw new CalendarConfigError(`${s} is both an extra holiday and a removed holiday`);
    removed.add(key);
  }

  function describeDay(d: JalaliDate): DayInfo {
    const key = jalaliKey(d);
    const national = table.holidaysOn(d);
    const isRemoved = removed.has(key);
    const holidays = isRemoved ? [] : national;
    const closureName = closures.get(key);
    const weekday = jalaliWeekday(d);
    const offReasons: DayOffReason[] = [];
    if (weekday === FRIDAY) offReasons.push("friday");
    if (weekday === THURSDAY && thursday === "off") offReasons.push("thursday");
    if (holidays.length > 0) offReasons.push("national_holiday");
    if (closureName !== undefined) offReasons.push("committee_closure");
    return {
      date: d,
      working: offReasons.length === 0,
      offReasons,
      holidays,
      removedHolidays: isRemoved ? national : [],
      ...(closureName !== undefined ? { closureName } : {}),
    };
  }

  const isWorkingDay = (d: JalaliDate): boolean => describeDay(d).working;

  /** [open, close) in ms after midnight, or undefined on a day off. */
  function windowOf(d: JalaliDate): { open: number; close: number } | undefined {
    if (!isWorkingDay(d)) return undefined;
    return { open, close: thursday === "half" && jalaliWeekday(d) === THURSDAY ? thursdayClose : close };
  }

  /** The first working day after d (step +1) or before d (step −1). */
  function nextWorkingDay(d: JalaliDate, step: 1 | -1): JalaliDate {
    let day = d;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      day = addJalaliDays(day, step);
      if (isWorkingDay(day)) return day;
    }
    throw new CalendarConfigError(`no working day within ${MAX_SEARCH_DAYS} days of ${jalaliKey(d)}: check the calendar configuration`);
  }

  function workingWindow(d: JalaliDate): { open: number; close: number } {
    const w = windowOf(d);
    if (!w) throw new RangeError(`${jalaliKey(d)} is not a working day`);
    return w;
  }

  function isWorkingTime(t: Date): boolean {
    const { date, msOfDay } = tehranClock(t);
    const w = windowOf(date);
    return w !== undefined && msOfDay >= w.open && msOfDay < w.close;
  }

  function nextWorkingWindowStart(t: Date): Date {
    const { date, msOfDay } = tehranClock(t);
    const w = windowOf(date);
    if (w && msOfDay <= w.open) return instantAt(date, w.open);
    return instantAt(nextWorkingDay(date, 1), open);
  }

  const nextWorkingInstant = (t: Date): Date => (isWorkingTime(t) ? t : nextWorkingWindowStart(t));

  function addWorkingDaysToDate(d: JalaliDate, n: number): JalaliDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    let day = n === 0 && isWorkingDay(d) ? d : nextWorkingDay(d, 1);
    for (let i = 1; i < n; i++) day = nextWorkingDay(day, 1);
    return day;
  }

  function addWorkingDays(t: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    const start = nextWorkingInstant(t);
    if (n === 0) return start;
    const { date, msOfDay } = tehranClock(start);
    const target = addWorkingDaysToDate(date, n);
    // msOfDay ≥ opening (start is working time); only a shorter day (half Thursday) can be too short.
    return msOfDay < workingWindow(target).close ? instantAt(target, msOfDay) : instantAt(nextWorkingDay(target, 1), open);
  }

  function workingDaysBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -workingDaysBetween(b, a);
    const start = nextWorkingInstant(a);
    if (start.getTime() > b.getTime()) return 0;
    const from = tehranClock(start).date;
    const to = tehranClock(b).date;
    let k = 0;
    for (let day = addJalaliDays(from, 1); compareJalali(day, to) <= 0; day = addJalaliDays(day, 1)) {
      if (isWorkingDay(day)) k++;
    }
    // addWorkingDays(a, k) is on the last working day ≤ b's day; it may still be later in the day than b.
    return k > 0 && addWorkingDays(a, k).getTime() > b.getTime() ? k - 1 : k;
  }

  return {
    isWorkingDay,
    holidayName(d) {
      const info = describeDay(d);
      const names = [...info.holidays.map((h) => h.name), ...(info.closureName !== undefined ? [info.closureName] : [])];
      return names.length > 0 ? [...new Set(names)].join("؛ ") : undefined;
    },
    describeDay,
    isWorkingTime,
    nextWorkingWindowStart,
    nextWorkingInstant,
    addWorkingDays,
    addWorkingDaysToDate,
    workingDaysBetween,
    morningOfWorkingDayBefore: (d) => instantAt(nextWorkingDay(d, -1), open),
    openingOf: (d) => instantAt(d, workingWindow(d).open),
    closingOf: (d) => instantAt(d, workingWindow(d).close),
  };
}
