/**
 * Jalali dates and Tehran times written for people, with Persian digits:
 * "چهارشنبه ۴ آذر ۱۴۰۵", "۱۴۰۵/۰۹/۰۴", "۱۴:۳۰".
 */
import { toPersianDigits } from "../text/digits.js";
import { type JalaliDate, HOUR_MS, MINUTE_MS, jalaliKey, jalaliWeekday, tehranDayAndTime, toJalali } from "./jalali.js";

export const JALALI_MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

/** Index 0 = Saturday, as returned by jalaliWeekday. Compound names take a ZWNJ (سه‌شنبه), per standard orthography. */
export const JALALI_WEEKDAY_NAMES = ["شنبه", "یکشنبه", "دوشنبه", "سه\u200Cشنبه", "چهارشنبه", "پنج\u200Cشنبه", "جمعه"] as const;

function asJalali(x: Date | JalaliDate): JalaliDate {
  return x instanceof Date ? toJalali(x) : x;
}

export function jalaliMonthName(jm: number): string {
  const name = JALALI_MONTH_NAMES[jm - 1];
  if (name === undefined) throw new RangeError(`invalid Jalali month ${jm}`);
  return name;
}

export function jalaliWeekdayName(d: JalaliDate): string {
  return JALALI_WEEKDAY_NAMES[jalaliWeekday(d)] as string;
}

/** "چهارشنبه ۴ آذر ۱۴۰۵" (an instant is read as its Tehran day). */
export function formatJalaliLong(x: Date | JalaliDate): string {
  const d = asJalali(x);
  return `${jalaliWeekdayName(d)} ${toPersianDigits(d.jd)} ${jalaliMonthName(d.jm)} ${toPersianDigits(d.jy)}`;
}

/** "۱۴۰۵/۰۹/۰۴". */
export function formatJalaliNumeric(x: Date | JalaliDate): string {
  return toPersianDigits(jalaliKey(asJalali(x)));
}

/** "۱۴:۳۰", Tehran wall clock, 24-hour. Seconds are dropped, not rounded. */
export function formatTime(instant: Date): string {
  const { msOfDay } = tehranDayAndTime(instant);
  const h = Math.floor(msOfDay / HOUR_MS);
  const m = Math.floor((msOfDay % HOUR_MS) / MINUTE_MS);
  return toPersianDigits(`${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
}

/** "چهارشنبه ۴ آذر ۱۴۰۵، ساعت ۱۴:۳۰". */
export function formatJalaliDateTime(instant: Date): string {
  return `${formatJalaliLong(instant)}، ساعت ${formatTime(instant)}`;
}
