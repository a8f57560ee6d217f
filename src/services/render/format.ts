/**
 * How dates and digit-bearing strings look in a reader's language. Numbers passed to Fluent as
 * numbers are already shaped by the locale (Persian digits in fa); these helpers cover what
 * Fluent cannot: Jalali dates and strings such as meeting numbers ("1405-08").
 *
 * Persian readers get "چهارشنبه ۴ آذر ۱۴۰۵" and Persian digits; English readers get the Jalali
 * date as "1405/09/04" (still Jalali: the dates people quote in meetings are Jalali).
 */
import { formatJalaliDateTime, formatJalaliLong, formatTime, jalaliKey, toJalali, type JalaliDate } from "../../domain/calendar/index.js";
import { formatNumber, normaliseDigits, toPersianDigits } from "../../domain/text/index.js";
import type { Translate } from "../../i18n/index.js";

export interface Formats {
  date(d: Date | JalaliDate): string;
  /** A Tehran date and time of day. */
  dateTime(d: Date): string;
  /** A number with thousands grouped, for text built outside Fluent. */
  number(n: number): string;
  /** Digits inside a string, in the reader's script. */
  digits(s: string | number): string;
}

const asJalali = (d: Date | JalaliDate): JalaliDate => (d instanceof Date ? toJalali(d) : d);

const PERSIAN: Formats = {
  date: (d) => formatJalaliLong(d),
  dateTime: (d) => formatJalaliDateTime(d),
  number: (n) => formatNumber(n),
  digits: (s) => toPersianDigits(s),
};
const LATIN: Formats = {
  date: (d) => jalaliKey(asJalali(d)),
  dateTime: (d) => `${jalaliKey(toJalali(d))} ${normaliseDigits(formatTime(d))}`,
  number: (n) => n.toLocaleString("en-US", { maximumFractionDigits: 2 }),
  digits: (s) => normaliseDigits(String(s)),
};

/** Each locale file says which script its digits use (`format-digits`). */
export function formatsFor(t: Translate): Formats {
  return t("format-digits") === "latin" ? LATIN : PERSIAN;
}

/**
 * Joins a list of names (agencies, people, files) for a sentence. Persian agency names carry «،»
 * themselves («اداره صنعت، معدن و تجارت»), so the locale's separator is «؛ », never «، ».
 */
export function joinNames(names: readonly string[], t: Translate): string {
  return names.join(t("name-list-separator"));
}
