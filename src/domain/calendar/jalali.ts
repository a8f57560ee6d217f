/**
 * Jalali (Solar Hijri) dates and Tehran time.
 *
 * Conversions go through jalaali-js (Borkowski's algorithm, exact for the years we care about);
 * the only arithmetic here is counting whole days, done on Julian Day Numbers from jalaali-js.
 *
 * Time zone: Asia/Tehran is treated as a FIXED UTC+03:30. Iran abolished daylight saving time
 * from 1401 (2022) on, and every instant this system schedules is later than that, so a fixed
 * offset is exact for us and needs no tz database (which may be stale on a server).
 */
import { d2j, isValidJalaaliDate, j2d, jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";

export interface JalaliDate {
  readonly jy: number;
  readonly jm: number;
  readonly jd: number;
}

/** Tehran is UTC+03:30 all year (no DST since 1401). */
export const TEHRAN_OFFSET_MINUTES = 210;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const TEHRAN_OFFSET_MS = TEHRAN_OFFSET_MINUTES * MINUTE_MS;

/** A time of day in Tehran. */
export interface ClockTime {
  readonly h: number;
  readonly m: number;
}

export function isValidJalali(d: JalaliDate): boolean {
  return Number.isInteger(d.jy) && Number.isInteger(d.jm) && Number.isInteger(d.jd) && isValidJalaaliDate(d.jy, d.jm, d.jd);
}

function assertValid(d: JalaliDate): void {
  if (!isValidJalali(d)) throw new RangeError(`invalid Jalali date ${d.jy}/${d.jm}/${d.jd}`);
}

function assertValidInstant(t: Date): void {
  if (Number.isNaN(t.getTime())) throw new RangeError("invalid Date");
}

/** Days in a Jalali month: 31 for months 1–6, 30 for 7–11, 29 or 30 (leap year) for Esfand. */
export function jalaliMonthLength(jy: number, jm: number): number {
  if (!Number.isInteger(jm) || jm < 1 || jm > 12) throw new RangeError(`invalid Jalali month ${jm}`);
  return jalaaliMonthLength(jy, jm);
}

export function isLeapJalaliYear(jy: number): boolean {
  return jalaliMonthLength(jy, 12) === 30;
}

/** Julian Day Number of a Jalali date: a plain integer, handy for day differences. */
export function jalaliDayNumber(d: JalaliDate): number {
  assertValid(d);
  return j2d(d.jy, d.jm, d.jd);
}

export function fromJalaliDayNumber(jdn: number): JalaliDate {
  const { jy, jm, jd } = d2j(jdn);
  return { jy, jm, jd };
}

/** Tehran-local day number (days since 1970-01-01 in Tehran) and milliseconds since Tehran midnight. */
export function tehranDayAndTime(instant: Date): { readonly epochDay: number; readonly msOfDay: number } {
  assertValidInstant(instant);
  const local = instant.getTime() + TEHRAN_OFFSET_MS;
  const epochDay = Math.floor(local / DAY_MS);
  return { epochDay, msOfDay: local - epochDay * DAY_MS };
}

/** The Jalali calendar day, in Tehran, that contains the instant. */
export function toJalali(instant: Date): JalaliDate {
  const { epochDay } = tehranDayAndTime(instant);
  // The Tehran wall-clock date as a UTC date, converted by jalaali-js from its Gregorian parts.
  const wall = new Date(epochDay * DAY_MS);
  const { jy, jm, jd } = toJalaali(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  return { jy, jm, jd };
}

/** The Tehran calendar day of an instant and the milliseconds since that day's midnight. */
export function tehranClock(instant: Date): { readonly date: JalaliDate; readonly msOfDay: number } {
  return { date: toJalali(instant), msOfDay: tehranDayAndTime(instant).msOfDay };
}

/** The UTC instant of a Tehran wall-clock time on a Jalali day (midnight when no time is given). */
export function jalaliToInstant(d: JalaliDate, time: ClockTime = { h: 0, m: 0 }): Date {
  assertValid(d);
  if (
    !Number.isInteger(time.h) ||
    !Number.isInteger(time.m) ||
    time.h < 0 ||
    time.h > 24 ||
    time.m < 0 ||
    time.m > 59 ||
    (time.h === 24 && time.m !== 0)
  ) {
    throw new RangeError(`invalid time ${time.h}:${time.m}`);
  }
  const { gy, gm, gd } = toGregorian(d.jy, d.jm, d.jd);
  return new Date(Date.UTC(gy, gm - 1, gd, time.h, time.m) - TEHRAN_OFFSET_MS);
}

/** Tehran midnight of a Jalali day plus an offset in milliseconds (used for office hours). */
export function instantAt(d: JalaliDate, msOfDay: number): Date {
  return new Date(jalaliToInstant(d).getTime() + msOfDay);
}

/** Weekday with the Iranian week: 0 = Saturday … 6 = Friday. */
export function jalaliWeekday(d: JalaliDate): number {
  // JDN 0 was a Monday, so JDN mod 7 = 5 is a Saturday.
  return (jalaliDayNumber(d) + 2) % 7;
}

export const SATURDAY = 0;
export const THURSDAY = 5;
export const FRIDAY = 6;

export function addJalaliDays(d: JalaliDate, n: number): JalaliDate {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer, got ${n}`);
  return fromJalaliDayNumber(jalaliDayNumber(d) + n);
}

/** b − a in days. */
export function diffJalaliDays(a: JalaliDate, b: JalaliDate): number {
  return jalaliDayNumber(b) - jalaliDayNumber(a);
}

export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return a.jy - b.jy || a.jm - b.jm || a.jd - b.jd;
}

export function sameJalali(a: JalaliDate, b: JalaliDate): boolean {
  return compareJalali(a, b) === 0;
}

/** The Saturday that starts the week containing d. */
export function startOfJalaliWeek(d: JalaliDate): JalaliDate {
  return addJalaliDays(d, -jalaliWeekday(d));
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * A sortable key for the Saturday–Friday week containing d, e.g. "1405-W37".
 * Definition: a week belongs to the Jalali year of its Friday, and week 1 of a year is the week
 * that contains 1 Farvardin. So the week of Nowruz is always W01 (even when it starts in Esfand),
 * and a year has 52 or 53 weeks.
 */
export function jalaliWeekKey(d: JalaliDate): string {
  const friday = addJalaliDays(startOfJalaliWeek(d), 6);
  const dayOfYear = jalaliDayNumber(friday) - j2d(friday.jy, 1, 1) + 1;
  return `${friday.jy}-W${pad2(Math.floor((dayOfYear - 1) / 7) + 1)}`;
}

/** The Saturday starting the week named by a key from jalaliWeekKey, or undefined if the key is not one. */
export function parseJalaliWeekKey(key: string): JalaliDate | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return undefined;
  const jy = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1) return undefined;
  const nowruz: JalaliDate = { jy, jm: 1, jd: 1 };
  const saturday = addJalaliDays(startOfJalaliWeek(nowruz), (week - 1) * 7);
  return jalaliWeekKey(saturday) === key ? saturday : undefined;
}

/** "1405/09/04": Latin digits, zero-padded; the form used in storage and configuration. */
export function jalaliKey(d: JalaliDate): string {
  assertValid(d);
  return `${d.jy}/${pad2(d.jm)}/${pad2(d.jd)}`;
}
