/** Where things stand: realization, compliance, indicators and quotas, computed once for every output. */
export { computeFigures } from "./figures.js";
export { indicatorTotals } from "./indicators.js";
export { quotaProgress } from "./quotas.js";
export {
  PERIOD_KINDS,
  type PeriodKind,
  type ReportPeriod,
  inPeriod,
  isPeriodKind,
  jalaliRange,
  jalaliYear,
  periodContaining,
} from "./period.js";
export type * from "./types.js";
