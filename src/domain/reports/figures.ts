/**
 * The figures of a committee and of each of its agencies, from rows a service loaded. Pure: the
 * instant "now" and the working calendar are inputs. Definitions (as officials quote them):
 *
 *  - realization = done ÷ (all − cancelled − standing), over the assignments of the period's meetings;
 *  - average progress = the mean percent of those same countable items, a done item counting 100;
 *  - overdue = not done, not cancelled, not claimed done, and its deadline day is past; lateness in
 *    working days of the committee's calendar (see domain/assignments/deadline.ts);
 *  - on time = a done item whose done claim came by its deadline;
 *  - compliance = for the weekly-report cycles due in the last 4 (12) weeks: on time, late, missing;
 *  - indicator totals = the sums of each number answer over the weekly reports of the period's weeks;
 *  - quotas = each target against the indicator's total over the quota's Jalali year.
 */
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from "../assignments/status.js";
import { deadlineDay } from "../assignments/deadline.js";
import { DAY_MS, addJalaliDays, diffJalaliDays, toJalali, type JalaliDate, type WorkCalendar } from "../calendar/index.js";
import { inPeriod } from "./period.js";
import { indicatorTotals } from "./indicators.js";
import { quotaProgress } from "./quotas.js";
import type {
  AgencyFigures,
  AgencyRef,
  AssignmentRow,
  CommitteeFigures,
  ComplianceCounts,
  CycleRow,
  Figures,
  FiguresInput,
  OverdueItem,
  SubmissionRow,
} from "./types.js";

/** Claimed done: the agency has done its part; the wait is the secretariat's, so it is not overdue. */
const NOT_OVERDUE: ReadonlySet<AssignmentStatus> = new Set(["done", "cancelled", "reported_done"]);

/** Agency names in Persian order; one collator, since `localeCompare(…, "fa")` builds one per call. */
const byName = new Intl.Collator("fa").compare;

export function computeFigures(input: FiguresInput): CommitteeFigures {
  const assignments = input.assignments.filter((a) => inPeriod(input.period, a.meetingHeldOn));
  const rank = nameRanks(input.agencies);
  const overdue = overdueItems(input, assignments, rank);
  const periodCycles = new Set(input.cycles.filter((c) => inPeriod(input.period, c.opensAt)).map((c) => c.id));
  const periodSubmissions = input.submissions.filter((s) => periodCycles.has(s.cycleId));
  const windows = { last4: dueWithin(input.cycles, input.now, 4), last12: dueWithin(input.cycles, input.now, 12) };

  const byAgency = <T extends { agencyId: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.agencyId);
      if (list) list.push(row);
      else map.set(row.agencyId, [row]);
    }
    return (agencyId: number) => map.get(agencyId) ?? [];
  };
  const assignmentsOf = byAgency(assignments);
  const overdueByAgency = new Map<number, OverdueItem[]>();
  for (const o of overdue) {
    const list = overdueByAgency.get(o.agency.id);
    if (list) list.push(o);
    else overdueByAgency.set(o.agency.id, [o]);
  }
  const overdueOf = (agencyId: number) => overdueByAgency.get(agencyId) ?? [];
  const submissionsOf = byAgency(input.submissions);
  const periodSubmissionsOf = byAgency(periodSubmissions);

  const agencies: AgencyFigures[] = input.agencies.map((agency) => ({
    agency,
    ...figuresOf(input, {
      assignments: assignmentsOf(agency.id),
      overdue: overdueOf(agency.id),
      compliance4: compliance(windows.last4, submissionsOf(agency.id), 1),
      compliance12: compliance(windows.last12, submissionsOf(agency.id), 1),
      periodSubmissions: periodSubmissionsOf(agency.id),
      allSubmissions: submissionsOf(agency.id),
      agency,
    }),
  }));
  const committee = figuresOf(input, {
    assignments,
    overdue,
    compliance4: compliance(windows.last4, input.submissions, input.agencies.length),
    compliance12: compliance(windows.last12, input.submissions, input.agencies.length),
    periodSubmissions,
    allSubmissions: input.submissions,
  });
  return {
    now: input.now,
    period: input.period,
    committee,
    agencies: agencies.sort((a, b) => worstFirst(a, b, rank)),
    overdue,
    indicators: input.indicators,
  };
}

interface Scope {
  assignments: readonly AssignmentRow[];
  overdue: readonly OverdueItem[];
  compliance4: ComplianceCounts;
  compliance12: ComplianceCounts;
  periodSubmissions: readonly SubmissionRow[];
  allSubmissions: readonly SubmissionRow[];
  /** Set for an agency's figures: its own quotas; the committee's otherwise. */
  agency?: AgencyRef;
}

function figuresOf(input: FiguresInput, scope: Scope): Figures {
  const byStatus = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;
  let cancelled = 0;
  let standing = 0;
  let done = 0;
  let doneOnTime = 0;
  let extended = 0;
  let progressSum = 0;
  for (const a of scope.assignments) {
    byStatus[a.status]++;
    if (a.extensions > 0) extended++;
    if (a.status === "cancelled") {
      cancelled++;
      continue;
    }
    if (a.kind === "standing") {
      standing++;
      continue;
    }
    if (a.status === "done") {
      done++;
      progressSum += 100;
      if (isOnTime(a)) doneOnTime++;
    } else {
      progressSum += a.percent;
    }
  }
  const countable = scope.assignments.length - cancelled - standing;
  return {
    byStatus,
    total: scope.assignments.length,
    cancelled,
    standing,
    countable,
    done,
    realization: countable > 0 ? done / countable : null,
    averageProgress: countable > 0 ? progressSum / countable : null,
    overdue: scope.overdue.length,
    worstLateness: scope.overdue.reduce((worst, o) => Math.max(worst, o.workingDaysLate), 0),
    doneOnTime,
    onTimeShare: done > 0 ? doneOnTime / done : null,
    extended,
    compliance4: scope.compliance4,
    compliance12: scope.compliance12,
    indicatorTotals: indicatorTotals(input.indicators, scope.periodSubmissions),
    quotas: quotaProgress(input, scope.allSubmissions, scope.agency),
  };
}

function isOnTime(a: AssignmentRow): boolean {
  const claimed = a.reportedDoneAt ?? a.doneAt;
  return a.deadline === null || (claimed !== null && claimed.getTime() <= a.deadline.getTime());
}

function overdueItems(input: FiguresInput, assignments: readonly AssignmentRow[], rank: (agency: AgencyRef) => number): OverdueItem[] {
  const agencies = new Map(input.agencies.map((a) => [a.id, a]));
  const lateness = workingDaysLateness(input.calendar, toJalali(input.now));
  const items: OverdueItem[] = [];
  // Many items share a deadline (a resolution's agencies, a meeting's resolutions): each instant is placed once.
  const lateByDeadline = new Map<number, number | null>();
  for (const a of assignments) {
    if (NOT_OVERDUE.has(a.status) || a.deadline === null) continue;
    const key = a.deadline.getTime();
    let late = lateByDeadline.get(key);
    if (late === undefined) lateByDeadline.set(key, (late = lateness(deadlineDay(a.deadline))));
    const agency = agencies.get(a.agencyId);
    if (late === null || !agency) continue;
    items.push({
      assignmentId: a.id,
      agency,
      meetingNumber: a.meetingNumber,
      resolutionNumber: a.resolutionNumber,
      resolutionText: a.resolutionText,
      status: a.status,
      percent: a.percent,
      deadline: a.deadline,
      workingDaysLate: late,
    });
  }
  // Sorted on keys taken once per item (thousands of items, most comparisons on ties).
  const keyed = items.map((item) => ({ item, late: item.workingDaysLate, due: item.deadline.getTime(), rank: rank(item.agency) }));
  keyed.sort((x, y) => y.late - x.late || x.due - y.due || x.rank - y.rank || x.item.assignmentId - y.item.assignmentId);
  return keyed.map((k) => k.item);
}

/**
 * The working days lost since a deadline day, as domain/assignments/deadline.ts counts them (the
 * working days after the deadline day up to and including today), or null when the day is not
 * past. Counted by one walk back from today shared by every deadline: thousands of items with
 * hundreds of distinct days would otherwise walk the calendar once each.
 */
function workingDaysLateness(calendar: WorkCalendar, today: JalaliDate): (due: JalaliDate) => number | null {
  // lost[k]: the working days d with today − k < d ≤ today.
  const lost = [0];
  return (due) => {
    const k = diffJalaliDays(due, today);
    if (k <= 0) return null;
    for (let i = lost.length; i <= k; i++) lost.push(lost[i - 1]! + (calendar.isWorkingDay(addJalaliDays(today, 1 - i)) ? 1 : 0));
    return lost[k]!;
  };
}

/**
 * Each agency's place in Persian alphabetical order (equal names share one): sorting thousands of
 * overdue items compared names with the collator on most ties.
 */
function nameRanks(agencies: readonly AgencyRef[]): (agency: AgencyRef) => number {
  const sorted = [...agencies].sort((a, b) => byName(a.name, b.name));
  const ranks = new Map<string, number>();
  sorted.forEach((a, i) => {
    const previous = sorted[i - 1];
    ranks.set(a.name, previous && byName(previous.name, a.name) === 0 ? ranks.get(previous.name)! : i);
  });
  return (agency) => ranks.get(agency.name) ?? 0;
}

/** Cycles already due at `now`, due within the last `weeks` weeks. */
function dueWithin(cycles: readonly CycleRow[], now: Date, weeks: number): ReadonlySet<number> {
  const since = now.getTime() - weeks * 7 * DAY_MS;
  return new Set(cycles.filter((c) => c.dueAt.getTime() <= now.getTime() && c.dueAt.getTime() > since).map((c) => c.id));
}

/** `agencies` reports were due per cycle; each submission in a due cycle is on time or late, the rest missing. */
function compliance(cycles: ReadonlySet<number>, submissions: readonly SubmissionRow[], agencies: number): ComplianceCounts {
  let onTime = 0;
  let late = 0;
  for (const s of submissions) {
    if (!cycles.has(s.cycleId)) continue;
    if (s.late) late++;
    else onTime++;
  }
  const due = cycles.size * agencies;
  return { due, onTime, late, missing: Math.max(0, due - onTime - late), onTimeShare: due > 0 ? onTime / due : null };
}

/** Worst first: lowest realization (none countable last), most overdue, longest late, then by name. */
function worstFirst(a: AgencyFigures, b: AgencyFigures, rank: (agency: AgencyRef) => number): number {
  const ra = a.realization ?? Number.POSITIVE_INFINITY;
  const rb = b.realization ?? Number.POSITIVE_INFINITY;
  return (
    ra - rb || b.overdue - a.overdue || b.worstLateness - a.worstLateness || rank(a.agency) - rank(b.agency) || a.agency.id - b.agency.id
  );
}
