/** Weekly-report indicators: the number answers of the reports, added up. */
import type { IndicatorDef, SubmissionRow } from "./types.js";

/** The sum of each numeric indicator over some reports (a report sent as free text has none). */
export function indicatorTotals(indicators: readonly IndicatorDef[], submissions: readonly SubmissionRow[]): Record<string, number> {
  const sums: Record<string, number> = Object.fromEntries(indicators.map((i) => [i.key, 0]));
  for (const s of submissions) {
    for (const { key } of indicators) {
      const value = s.answers[key];
      if (typeof value === "number" && Number.isFinite(value)) sums[key]! += value;
    }
  }
  return sums;
}
