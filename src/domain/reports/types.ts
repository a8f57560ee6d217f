/**
 * What the figures are computed from (rows a service loads, already reduced to plain values) and
 * what they are. Every output — chat, chart, workbook, CLI, digest, dashboard — renders these.
 */
import type { AssignmentStatus, ResolutionKind } from "../assignments/status.js";
import type { WorkCalendar } from "../calendar/index.js";
import type { ReportPeriod } from "./period.js";

export interface AgencyRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export interface AssignmentRow {
  readonly id: number;
  readonly agencyId: number;
  readonly resolutionNumber: number;
  readonly resolutionText: string;
  readonly meetingNumber: string;
  /** Tehran midnight of the meeting day: a resolution belongs to the period its meeting was held in. */
  readonly meetingHeldOn: Date;
  readonly kind: ResolutionKind;
  readonly status: AssignmentStatus;
  readonly percent: number;
  /** The deadline in force (after any extension); null for standing resolutions. */
  readonly deadline: Date | null;
  /** How many times the deadline was changed for this agency or its resolution. */
  readonly extensions: number;
  readonly reportedDoneAt: Date | null;
  readonly doneAt: Date | null;
}

export interface CycleRow {
  readonly id: number;
  /** Jalali week key, "1405-W37". */
  readonly period: string;
  readonly opensAt: Date;
  readonly dueAt: Date;
}

export interface SubmissionRow {
  readonly cycleId: number;
  readonly agencyId: number;
  readonly late: boolean;
  /** Answers by question key; only numbers count towards indicators. */
  readonly answers: Readonly<Record<string, unknown>>;
}

export interface IndicatorDef {
  readonly key: string;
  readonly label: string;
  readonly unit?: string;
}

/** A committee's target for one indicator in one Jalali year, optionally split by agency code. */
export interface Quota {
  readonly indicator: string;
  readonly year: number;
  readonly target: number;
  readonly agencies: Readonly<Record<string, number>>;
}

export interface FiguresInput {
  readonly now: Date;
  readonly period: ReportPeriod;
  /** The committee's working calendar: lateness is counted in its working days. */
  readonly calendar: WorkCalendar;
  readonly agencies: readonly AgencyRef[];
  readonly assignments: readonly AssignmentRow[];
  readonly cycles: readonly CycleRow[];
  readonly submissions: readonly SubmissionRow[];
  /** The number questions of the weekly report, in template order. */
  readonly indicators: readonly IndicatorDef[];
  readonly quotas: readonly Quota[];
}

export type StatusCounts = Readonly<Record<AssignmentStatus, number>>;

export interface ComplianceCounts {
  /** Cycles already due in the window, per agency (so onTime + late + missing = due). */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** onTime ÷ due, or null when nothing was due. */
  readonly onTimeShare: number | null;
}

export interface QuotaProgress {
  readonly indicator: string;
  readonly label: string;
  readonly unit?: string;
  readonly year: number;
  readonly target: number;
  /** The indicator's total over the quota's year (whatever period the report is for). */
  readonly achieved: number;
  /** achieved ÷ target (may exceed 1). */
  readonly share: number;
  /** What the year's target expects by now, pro rata: target × elapsed share of the year. */
  readonly expectedByNow: number;
  /** Left to reach the target (0 once reached). */
  readonly remaining: number;
  /** Weeks left in the quota year from now (0 once it is over; a part week counts as one). */
  readonly weeksLeft: number;
  /** remaining ÷ weeksLeft: what each remaining week must bring; null when the year is over and the target missed. */
  readonly pacePerWeek: number | null;
}

export interface OverdueItem {
  readonly assignmentId: number;
  readonly agency: AgencyRef;
  readonly meetingNumber: string;
  readonly resolutionNumber: number;
  readonly resolutionText: string;
  readonly status: AssignmentStatus;
  readonly percent: number;
  readonly deadline: Date;
  /** Working days lost since the deadline (0 on the weekend straight after it). */
  readonly workingDaysLate: number;
}

/** The figures of one agency, or of the whole committee (then `agency` is undefined). */
export interface Figures {
  readonly byStatus: StatusCounts;
  /** Assignments in the period, of every status. */
  readonly total: number;
  readonly cancelled: number;
  /** Not cancelled, on standing (مستمر) resolutions: followed up, never "done". */
  readonly standing: number;
  /** total − cancelled − standing: the denominator of realization. */
  readonly countable: number;
  readonly done: number;
  /** done ÷ countable (0–1), or null when nothing is countable. */
  readonly realization: number | null;
  /** Mean percent (0–100) of the countable items, a done item counting 100; null when none. */
  readonly averageProgress: number | null;
  readonly overdue: number;
  /** The largest workingDaysLate among the overdue items (0 when none). */
  readonly worstLateness: number;
  /** Done items whose done claim (or, without one, the verification) came by their current deadline. */
  readonly doneOnTime: number;
  /** doneOnTime ÷ done, or null when nothing is done. */
  readonly onTimeShare: number | null;
  /** Items whose deadline was extended at least once. */
  readonly extended: number;
  readonly compliance4: ComplianceCounts;
  readonly compliance12: ComplianceCounts;
  /** Totals of each numeric indicator over the period's weekly reports, by question key. */
  readonly indicatorTotals: Readonly<Record<string, number>>;
  readonly quotas: readonly QuotaProgress[];
}

export interface AgencyFigures extends Figures {
  readonly agency: AgencyRef;
}

export interface CommitteeFigures {
  readonly now: Date;
  readonly period: ReportPeriod;
  readonly committee: Figures;
  /** Worst first: lowest realization, then most overdue, then longest late, then name. */
  readonly agencies: readonly AgencyFigures[];
  /** Every overdue item, the latest first. */
  readonly overdue: readonly OverdueItem[];
  readonly indicators: readonly IndicatorDef[];
}
