/**
 * Estimating Iran's lunar (Hijri) dates, for years whose official calendar is not yet in the table.
 *
 * Iran starts each lunar month from crescent sighting (the Institute of Geophysics predicts it for the
 * official calendar; the final word is the Leader's office, sometimes a day later). We approximate it
 * with the Umm al-Qura calendar shipped in ICU, shifted one day later: comparing the official 1404 and
 * 1405 calendars with Umm al-Qura, Iran's date was never earlier and was one day later for 23 of the 37
 * lunar holidays (the other 14 fell on the same day). So an estimate is at most one day late, never early
 * (a test checks this against the official years).
 * Everything computed here is marked `estimated` and a committee can correct it with its own closures
 * and removals.
 */
import { HOUR_MS, fromJalaliDayNumber, jalaliToInstant } from "./jalali.js";

export interface HijriDate {
  readonly hy: number;
  readonly hm: number;
  readonly hd: number;
}

/** Days Iran's lunar calendar is assumed to lag behind Umm al-Qura. */
export const IRAN_LAG_BEHIND_UMM_AL_QURA_DAYS = 1;

let formatter: Intl.DateTimeFormat | undefined;

function umAlQuraFormatter(): Intl.DateTimeFormat {
  if (formatter) return formatter;
  const f = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  // A Node built without full ICU silently falls back to the Gregorian calendar: refuse rather than be wrong.
  if (f.resolvedOptions().calendar !== "islamic-umalqura") {
    throw new Error("this Node.js lacks the islamic-umalqura calendar (full ICU is required to estimate lunar holidays)");
  }
  formatter = f;
  return f;
}

/** The Umm al-Qura date of a day given by its Julian Day Number. */
export function umAlQuraDate(jdn: number): HijriDate {
  // Tehran noon of that day is the same civil date in UTC, where the formatter reads it.
  const noon = new Date(jalaliToInstant(fromJalaliDayNumber(jdn)).getTime() + 12 * HOUR_MS);
  const parts = umAlQuraFormatter().formatToParts(noon);
  const num = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new Error(`Intl gave no ${type} for a Hijri date`);
    return Number.parseInt(part.value, 10);
  };
  return { hy: num("year"), hm: num("month"), hd: num("day") };
}

/** Our estimate of Iran's Hijri date for a day given by its Julian Day Number. */
export function estimatedIranianHijriDate(jdn: number): HijriDate {
  return umAlQuraDate(jdn - IRAN_LAG_BEHIND_UMM_AL_QURA_DAYS);
}
