/**
 * The national holiday table: fixed solar holidays plus the lunar ones of each Jalali year,
 * official where we have the official calendar (holidays-ir.data.ts), estimated otherwise.
 */
import { estimatedIranianHijriDate } from "./hijri.js";
import { LUNAR_HOLIDAYS, LUNAR_HOLIDAY_DATES, SOLAR_HOLIDAYS } from "./holidays-ir.data.js";
import { type JalaliDate, fromJalaliDayNumber, isValidJalali, jalaliDayNumber, jalaliKey } from "./jalali.js";

export interface Holiday {
  /** Stable identifier of the occasion, e.g. "ashura" (a date may carry several holidays). */
  readonly id: string;
  readonly date: JalaliDate;
  /** jalaliKey(date), e.g. "1405/04/04". */
  readonly key: string;
  /** Persian name as in the official calendar. */
  readonly name: string;
  readonly kind: "solar" | "lunar";
  /** True when the date was computed rather than taken from an official calendar. */
  readonly estimated: boolean;
}

export interface HolidayTable {
  holidaysOn(d: JalaliDate): readonly Holiday[];
  holidaysOfYear(jy: number): readonly Holiday[];
}

function holiday(id: string, date: JalaliDate, name: string, kind: Holiday["kind"], estimated: boolean): Holiday {
  return { id, date, key: jalaliKey(date), name, kind, estimated };
}

const LUNAR_NAME = new Map<string, string>(LUNAR_HOLIDAYS.map((h) => [h.id, h.name]));

function parseDataDate(jy: number, s: string): JalaliDate {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  const d = m ? { jy: Number(m[1]), jm: Number(m[2]), jd: Number(m[3]) } : undefined;
  if (!d || d.jy !== jy || !isValidJalali(d)) throw new Error(`holiday data for ${jy} has a bad date: ${s}`);
  return d;
}

/**
 * Lunar holidays of a Jalali year estimated from the Hijri calendar (see hijri.ts). Every lunar holiday
 * whose Hijri date falls inside the Jalali year is listed, so one can appear twice (Eid al-Fitr in 1405).
 */
export function estimateLunarHolidays(jy: number): Holiday[] {
  const first = jalaliDayNumber({ jy, jm: 1, jd: 1 });
  const next = jalaliDayNumber({ jy: jy + 1, jm: 1, jd: 1 });
  const hijri = Array.from({ length: next - first + 1 }, (_, i) => estimatedIranianHijriDate(first + i));
  const out: Holiday[] = [];
  for (let i = 0; i < next - first; i++) {
    const today = hijri[i];
    const tomorrow = hijri[i + 1];
    if (!today || !tomorrow) continue;
    for (const h of LUNAR_HOLIDAYS) {
      const onDay = h.hd === "last" ? today.hm === h.hm && tomorrow.hm !== h.hm : today.hm === h.hm && today.hd === h.hd;
      if (onDay) out.push(holiday(h.id, fromJalaliDayNumber(first + i), h.name, "lunar", true));
    }
  }
  return out;
}

function lunarHolidays(jy: number): Holiday[] {
  const data = LUNAR_HOLIDAY_DATES[jy];
  if (!data || data.lunar.length === 0) return estimateLunarHolidays(jy);
  const estimated = data.status === "estimated";
  return data.lunar.map(([id, date]) => holiday(id, parseDataDate(jy, date), LUNAR_NAME.get(id) ?? id, "lunar", estimated));
}

/** All national holidays of a Jalali year, in date order (solar before lunar on a shared day). */
export function holidaysForYear(jy: number): readonly Holiday[] {
  const solar = SOLAR_HOLIDAYS.map((h) => holiday(h.id, { jy, jm: h.jm, jd: h.jd }, h.name, "solar", false));
  return [...solar, ...lunarHolidays(jy)].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A table over any per-year source, computing each year once. */
export function createHolidayTable(forYear: (jy: number) => readonly Holiday[]): HolidayTable {
  const years = new Map<number, { all: readonly Holiday[]; byKey: Map<string, Holiday[]> }>();
  const year = (jy: number) => {
    let y = years.get(jy);
    if (!y) {
      const all = forYear(jy);
      const byKey = new Map<string, Holiday[]>();
      for (const h of all) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h]);
      y = { all, byKey };
      years.set(jy, y);
    }
    return y;
  };
  return {
    holidaysOn: (d) => year(d.jy).byKey.get(jalaliKey(d)) ?? [],
    holidaysOfYear: (jy) => year(jy).all,
  };
}

/** Iran's national holidays: official for the years in holidays-ir.data.ts, estimated for the others. */
export const nationalHolidayTable: HolidayTable = createHolidayTable(holidaysForYear);
