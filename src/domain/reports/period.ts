/**
 * The reporting periods officials speak of: this Jalali month, this season (three months from
 * Farvardin), this year, or everything. A period is a half-open range of instants [from, to),
 * Tehran midnights, so a row belongs to it by comparing one instant.
 */
import { type JalaliDate, jalaliMonthLength, jalaliToInstant, toJalali } from "../calendar/index.js";

export const PERIOD_KINDS = ["month", "season", "year", "all"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type ReportPeriod =
  | { readonly kind: "all"; readonly from: null; readonly to: null }
  | {
      readonly kind: "month" | "season" | "year";
      /** The Jalali year; `month` is 1–12 for a month, `season` 1–4 for a season. */
      readonly year: number;
      readonly month?: number;
      readonly season?: number;
      readonly from: Date;
      readonly to: Date;
    }
  /** Any range of days an operator asks for (an export's --from/--to). */
  | { readonly kind: "range"; readonly from: Date; readonly to: Date };

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

/** Tehran midnight starting the day after the last day of month `jm` (which may be in the next year). */
function startAfterMonth(jy: number, jm: number): Date {
  const last: JalaliDate = { jy, jm, jd: jalaliMonthLength(jy, jm) };
  return new Date(jalaliToInstant(last).getTime() + 86_400_000);
}

/** The period of `kind` that contains `now`. */
export function periodContaining(kind: PeriodKind, now: Date): ReportPeriod {
  if (kind === "all") return { kind, from: null, to: null };
  const today = toJalali(now);
  const year = today.jy;
  if (kind === "year") return { kind, year, from: jalaliToInstant({ jy: year, jm: 1, jd: 1 }), to: startAfterMonth(year, 12) };
  if (kind === "month") {
    return { kind, year, month: today.jm, from: jalaliToInstant({ jy: year, jm: today.jm, jd: 1 }), to: startAfterMonth(year, today.jm) };
  }
  const season = Math.ceil(today.jm / 3);
  const firstMonth = (season - 1) * 3 + 1;
  return {
    kind,
    year,
    season,
    from: jalaliToInstant({ jy: year, jm: firstMonth, jd: 1 }),
    to: startAfterMonth(year, firstMonth + 2),
  };
}

/** The whole Jalali year `jy` as a period (quotas are set per year). */
export function jalaliYear(jy: number): ReportPeriod & { kind: "year" } {
  return { kind: "year", year: jy, from: jalaliToInstant({ jy, jm: 1, jd: 1 }), to: startAfterMonth(jy, 12) };
}

/** The days from `first` to `last`, both included, as a period. */
export function jalaliRange(first: JalaliDate, last: JalaliDate): ReportPeriod & { kind: "range" } {
  return { kind: "range", from: jalaliToInstant(first), to: new Date(jalaliToInstant(last).getTime() + 86_400_000) };
}

export function inPeriod(period: ReportPeriod, instant: Date): boolean {
  if (period.from === null) return true;
  const t = instant.getTime();
  return t >= period.from.getTime() && t < period.to.getTime();
}
