/**
 * Quotas: a committee's yearly target for a weekly-report indicator (e.g. jobs created in 1405),
 * for the whole committee and optionally split by agency, against what the reports add up to over
 * that Jalali year, with the pace each remaining week must keep to reach it.
 */
import { DAY_MS } from "../calendar/index.js";
import { inPeriod, jalaliYear } from "./period.js";
import { indicatorTotals } from "./indicators.js";
import type { AgencyRef, FiguresInput, QuotaProgress, SubmissionRow } from "./types.js";

const WEEK_MS = 7 * DAY_MS;

/**
 * The quotas of the committee (no `agency`) or of one agency, against `submissions` (every report
 * of that scope, whatever the report's period: a quota is for its own year).
 */
export function quotaProgress(
  input: Pick<FiguresInput, "now" | "cycles" | "indicators" | "quotas">,
  submissions: readonly SubmissionRow[],
  agency?: AgencyRef,
): QuotaProgress[] {
  const result: QuotaProgress[] = [];
  for (const quota of input.quotas) {
    const target = agency ? quota.agencies[agency.code] : quota.target;
    const indicator = input.indicators.find((i) => i.key === quota.indicator);
    if (target === undefined || !indicator) continue;
    const year = jalaliYear(quota.year);
    const cycles = new Set(input.cycles.filter((c) => inPeriod(year, c.opensAt)).map((c) => c.id));
    const achieved =
      indicatorTotals(
        [indicator],
        submissions.filter((s) => cycles.has(s.cycleId)),
      )[indicator.key] ?? 0;
    const start = year.from.getTime();
    const end = year.to.getTime();
    const now = input.now.getTime();
    const elapsed = Math.min(1, Math.max(0, (now - start) / (end - start)));
    const remaining = Math.max(0, target - achieved);
    const weeksLeft = now >= end ? 0 : Math.ceil((end - Math.max(now, start)) / WEEK_MS);
    result.push({
      indicator: indicator.key,
      label: indicator.label,
      ...(indicator.unit !== undefined ? { unit: indicator.unit } : {}),
      year: quota.year,
      target,
      achieved,
      share: target > 0 ? achieved / target : 1,
      expectedByNow: target * elapsed,
      remaining,
      weeksLeft,
      pacePerWeek: weeksLeft > 0 ? remaining / weeksLeft : remaining === 0 ? 0 : null,
    });
  }
  return result;
}
