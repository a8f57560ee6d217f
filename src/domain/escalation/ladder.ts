/**
 * The escalation ladder of one assignment, as a pure function of its state, its committee's
 * policy and calendar, and the time: which rungs are due now, and when the next one is.
 *
 * A rung is a (step, instant, recipients) computed from the state — never stored. The database
 * keeps only a cursor ("rungs due at or before this instant are handled") and the next rung's
 * time, which the scheduler claims rows by. Because rungs are derived, any change of state
 * (acknowledged, progress, extension, cancellation) re-plans simply by recomputing from "now".
 */
import type { AssignmentStatus, ResolutionKind } from "../assignments/status.js";
import { deadlineDay } from "../assignments/deadline.js";
import { tehranClock, type JalaliDate, type WorkCalendar } from "../calendar/index.js";
import { offsetLabel, type AfterRung, type EscalationPolicy, type EscalationRecipient } from "./policy.js";
import { addWorkingHours, addWorkingOffset } from "./working-time.js";

/** What the ladder needs to know about an assignment. */
export interface LadderItem {
  status: AssignmentStatus;
  kind: ResolutionKind;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  lastProgressAt: Date | null;
  /** Null for standing (مستمر) items: they have no deadline ladder. */
  deadline: Date | null;
}

export type Track = "unacknowledged" | "deadline" | "overdue";

export interface Rung {
  /** e.g. "unacknowledged+1d", "deadline-3d", "deadline-0d" (its morning), "overdue+5d", "overdue_repeat". */
  step: string;
  /** Distinguishes repeats and re-plans of one step: the rung's instant in whole minutes since 1970. */
  seq: number;
  at: Date;
  to: readonly EscalationRecipient[];
  track: Track;
}

/** The outcome of looking at an item at `now`. */
export interface Decision {
  /** Rungs to act on now (the latest due instant: several rungs may share it). */
  fire: Rung[];
  /** Due rungs passed over: a catch-up after a long gap sends one message per item, not every missed rung. */
  skip: Rung[];
  /** The new cursor: rungs due at or before it are handled. Unchanged while due rungs wait for working time. */
  cursor: Date;
  /** When to look at the item again (null: never, until its state changes), and the step due then. */
  nextAt: Date | null;
  nextStep: string | null;
}

/** Paused or ended: a done claim waits for the secretariat, a blocker is the secretariat's, done/cancelled end it. */
const NO_LADDER: ReadonlySet<AssignmentStatus> = new Set(["reported_done", "blocked", "done", "cancelled"]);

/** Repeats stop being generated this far past the horizon (only a broken configuration gets near). */
const MAX_REPEATS = 5_000;

const minuteOf = (t: Date): number => Math.floor(t.getTime() / 60_000);
const rung = (step: string, at: Date, to: readonly EscalationRecipient[], track: Track): Rung => ({
  step,
  seq: minuteOf(at),
  at,
  to,
  track,
});

/** The step an unacknowledged rung is stored under (EscalationEvent.step), e.g. "unacknowledged+1d". */
function unacknowledgedStep(r: AfterRung): string {
  return `unacknowledged+${offsetLabel(r.after)}`;
}

/**
 * The steps of a policy's unacknowledged track, matched whole where stored events are looked up
 * by track (a step is a key, not a prefix to search by).
 */
export function unacknowledgedSteps(policy: EscalationPolicy): string[] {
  return policy.unacknowledged.map(unacknowledgedStep);
}

/** The deadline's working day: the day itself, or the last working day before it (a deadline on a Friday or holiday). */
function deadlineWorkingDay(calendar: WorkCalendar, deadline: Date): JalaliDate {
  const day = deadlineDay(deadline);
  return calendar.isWorkingDay(day) ? day : tehranClock(calendar.morningOfWorkingDayBefore(day)).date;
}

/** Opening of the n-th working day before working day d (n = 0: d's own opening). */
function morningBefore(calendar: WorkCalendar, d: JalaliDate, n: number): Date {
  let morning = calendar.openingOf(d);
  for (let i = 0; i < n; i++) morning = calendar.morningOfWorkingDayBefore(tehranClock(morning).date);
  return morning;
}

/**
 * Every rung of the item up to `horizon`, plus the first of each track after it, in time order.
 * Rungs before the cursor are included too; the caller filters.
 */
export function rungsThrough(item: LadderItem, policy: EscalationPolicy, calendar: WorkCalendar, horizon: Date): Rung[] {
  if (NO_LADDER.has(item.status)) return [];
  const rungs: Rung[] = [];
  if (item.status === "assigned" && item.acknowledgedAt === null) {
    for (const r of policy.unacknowledged)
      rungs.push(rung(unacknowledgedStep(r), addWorkingOffset(calendar, item.publishedAt, r.after), r.to, "unacknowledged"));
  }
  if (item.deadline && item.kind !== "standing") {
    const last = deadlineWorkingDay(calendar, item.deadline);
    for (const r of policy.beforeDeadline)
      rungs.push(rung(`deadline-${r.before}d`, morningBefore(calendar, last, r.before), r.to, "deadline"));
    rungs.push(...overdueRungs(item, item.deadline, policy, calendar, horizon));
  }
  return rungs.sort((a, b) => a.at.getTime() - b.at.getTime() || a.step.localeCompare(b.step));
}

function overdueRungs(item: LadderItem, deadline: Date, policy: EscalationPolicy, calendar: WorkCalendar, horizon: Date): Rung[] {
  const rungs: Rung[] = [];
  // The silence clock: from the deadline, or from a progress report after it.
  const fromProgress = item.lastProgressAt !== null && item.lastProgressAt.getTime() > deadline.getTime() ? item.lastProgressAt : null;
  const day = deadlineDay(deadline);
  for (const r of policy.overdue) {
    const at = fromProgress
      ? addWorkingOffset(calendar, fromProgress, r.after)
      : addWorkingHours(calendar, calendar.openingOf(calendar.addWorkingDaysToDate(day, r.after.days)), r.after.hours);
    rungs.push(rung(`overdue+${offsetLabel(r.after)}`, at, r.to, "overdue"));
  }
  const repeat = policy.repeatOverdue;
  const lastOverdue = rungs.at(-1);
  if (repeat && lastOverdue && (repeat.every.days > 0 || repeat.every.hours > 0)) {
    let at = lastOverdue.at;
    for (let i = 0; i < MAX_REPEATS; i++) {
      at = addWorkingOffset(calendar, at, repeat.every);
      rungs.push(rung("overdue_repeat", at, repeat.to, "overdue"));
      if (at.getTime() > horizon.getTime()) break;
    }
  }
  return rungs;
}

/**
 * Which rungs are due in (cursor, now], which of them to act on, and when to look again.
 * Outside working time nothing is acted on: due rungs wait for the next working window
 * (they are computed in working time, so only a stopped server or a moved clock gets here).
 */
export function decideRungs(rungs: readonly Rung[], cursor: Date, now: Date, calendar: WorkCalendar): Decision {
  const due = rungs.filter((r) => r.at.getTime() > cursor.getTime() && r.at.getTime() <= now.getTime());
  const upcoming = rungs.find((r) => r.at.getTime() > now.getTime()) ?? null;
  if (due.length > 0 && !calendar.isWorkingTime(now)) {
    return { fire: [], skip: [], cursor, nextAt: calendar.nextWorkingInstant(now), nextStep: due.at(-1)!.step };
  }
  const latest = due.at(-1)?.at.getTime();
  return {
    fire: due.filter((r) => r.at.getTime() === latest),
    skip: due.filter((r) => r.at.getTime() !== latest),
    cursor: now,
    nextAt: upcoming?.at ?? null,
    nextStep: upcoming?.step ?? null,
  };
}

/** The ladder's answer for an assignment at `now`, given the cursor stored with it. */
export function decideAssignment(item: LadderItem, policy: EscalationPolicy, calendar: WorkCalendar, cursor: Date, now: Date): Decision {
  return decideRungs(rungsThrough(item, policy, calendar, now), cursor, now, calendar);
}

/** Re-planning after a change of state: everything up to now is moot; the next rung after now. */
export function planAssignmentLadder(item: LadderItem, policy: EscalationPolicy, calendar: WorkCalendar, now: Date): Decision {
  return decideAssignment(item, policy, calendar, now, now);
}

/** The rungs in (from, until]: what `peygir upcoming` shows. */
export function rungsBetween(item: LadderItem, policy: EscalationPolicy, calendar: WorkCalendar, from: Date, until: Date): Rung[] {
  return rungsThrough(item, policy, calendar, until).filter((r) => r.at.getTime() > from.getTime() && r.at.getTime() <= until.getTime());
}
