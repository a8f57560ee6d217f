/**
 * The figures as plain English text (operators read English) and as JSON, for `peygir report`.
 * Agency names stay as they are (Persian); numbers and Jalali dates use Latin digits.
 */
import { jalaliKey, toJalali } from "../domain/calendar/index.js";
import type { CommitteeFigures, ComplianceCounts, Figures, QuotaProgress, ReportPeriod } from "../domain/reports/index.js";
import type { CommitteeRef } from "../services/reports/figures.js";

const pct = (share: number | null): string => (share === null ? "—" : `${Math.round(share * 100)}%`);
const num = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const date = (d: Date): string => jalaliKey(toJalali(d));

export function periodName(period: ReportPeriod): string {
  if (period.kind === "all") return "all time";
  if (period.kind === "range") return `${date(period.from)} to ${date(new Date(period.to.getTime() - 1))}`;
  if (period.kind === "year") return `year ${period.year}`;
  if (period.kind === "season") return `season ${period.season} of ${period.year}`;
  return `month ${period.year}/${String(period.month).padStart(2, "0")}`;
}

const compliance = (c: ComplianceCounts): string => `${c.onTime} on time, ${c.late} late, ${c.missing} missing of ${c.due}`;

function figureLines(f: Figures, indent: string): string[] {
  const s = f.byStatus;
  return [
    `${indent}realization ${pct(f.realization)} (${f.done} done of ${f.countable}; ${f.total} in all, ${f.cancelled} cancelled, ${f.standing} standing)`,
    `${indent}average progress ${f.averageProgress === null ? "—" : `${Math.round(f.averageProgress)}%`}; on time ${pct(f.onTimeShare)} of done; ${f.extended} extended`,
    `${indent}overdue ${f.overdue}${f.overdue > 0 ? ` (worst ${f.worstLateness} working days late)` : ""}`,
    `${indent}by status: assigned ${s.assigned}, acknowledged ${s.acknowledged}, in progress ${s.in_progress}, reported done ${s.reported_done}, done ${s.done}, blocked ${s.blocked}, cancelled ${s.cancelled}`,
    `${indent}weekly reports, last 4 weeks: ${compliance(f.compliance4)}; last 12 weeks: ${compliance(f.compliance12)}`,
  ];
}

function quotaLine(q: QuotaProgress, indent: string): string {
  const pace =
    q.pacePerWeek === null
      ? "year over, target missed"
      : q.remaining === 0
        ? "reached"
        : `${num(q.pacePerWeek)} a week needed for ${q.weeksLeft} week(s)`;
  return `${indent}quota ${q.indicator} ${q.year}: ${num(q.achieved)} of ${num(q.target)}${q.unit ? ` ${q.unit}` : ""} (${pct(q.share)}; expected by now ${num(q.expectedByNow)}); ${pace}`;
}

export function reportText(committee: CommitteeRef, figures: CommitteeFigures): string[] {
  const indicatorLine = (totals: Readonly<Record<string, number>>, indent: string) =>
    figures.indicators.length === 0
      ? []
      : [`${indent}indicators: ${figures.indicators.map((i) => `${i.key} ${num(totals[i.key] ?? 0)}`).join(", ")}`];
  const lines = [
    `${committee.name} (${committee.code}) — ${periodName(figures.period)}, as of ${date(figures.now)}`,
    ...figureLines(figures.committee, "  "),
    ...indicatorLine(figures.committee.indicatorTotals, "  "),
    ...figures.committee.quotas.map((q) => quotaLine(q, "  ")),
    "",
    "Agencies, worst first:",
  ];
  for (const a of figures.agencies) {
    lines.push(
      `- ${a.agency.name} (${a.agency.code})`,
      ...figureLines(a, "    "),
      ...indicatorLine(a.indicatorTotals, "    "),
      ...a.quotas.map((q) => quotaLine(q, "    ")),
    );
  }
  lines.push("", figures.overdue.length === 0 ? "Nothing is overdue." : "Overdue, the latest first:");
  for (const o of figures.overdue) {
    lines.push(
      `- ${o.agency.name}: meeting ${o.meetingNumber} resolution ${o.resolutionNumber}, due ${date(o.deadline)}, ${o.workingDaysLate} working days late (${o.status}, ${o.percent}%)`,
    );
  }
  return lines;
}

/** The figures as JSON: instants in ISO 8601, shares as fractions 0–1; `overall` is the committee's own. */
export function reportJson(committee: CommitteeRef, figures: CommitteeFigures): string {
  const { committee: overall, ...rest } = figures;
  return JSON.stringify({ committee, ...rest, overall }, null, 2);
}
