/**
 * A committee's escalation policy: who hears about an assignment, and when, in working time.
 * Stored as Committee.escalationPolicy (null = DEFAULT_ESCALATION_POLICY, the ladder of design.md).
 *
 * Three tracks, each a list of rungs:
 *  - unacknowledged: from publication, until someone of the agency acknowledges (or acts);
 *  - beforeDeadline: before the deadline, until the item is done — acknowledging does NOT stop it;
 *  - overdue: after the deadline (or after the last progress report, whichever is later: a progress
 *    report restarts the silence clock), then `repeatOverdue` every so often while it stays overdue.
 */

/** Who a rung speaks to. `digest` is an entry in the governorate's bundled digest, not a message of its own. */
export const ESCALATION_RECIPIENTS = ["liaison", "head", "secretariat", "governorate", "digest"] as const;
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

/** Working days, then working hours, added in the committee's working time. */
export interface WorkingOffset {
  readonly days: number;
  readonly hours: number;
}

export interface AfterRung {
  readonly after: WorkingOffset;
  readonly to: readonly EscalationRecipient[];
}

export interface BeforeRung {
  /** Working days before the deadline's working day; 0 = the morning of the deadline. */
  readonly before: number;
  readonly to: readonly EscalationRecipient[];
}

export interface WeeklyReportEscalation {
  /** Reminders to those who have not reported: the working day before the due day, and its morning. */
  readonly remindDayBefore: boolean;
  readonly remindDueMorning: boolean;
  /** A missing report, this long after the due time, goes to the agency head… */
  readonly missingToHead: WorkingOffset;
  /** …and this long after it, into the governorate digest. */
  readonly missingToDigest: WorkingOffset;
}

export interface EscalationPolicy {
  readonly unacknowledged: readonly AfterRung[];
  readonly beforeDeadline: readonly BeforeRung[];
  readonly overdue: readonly AfterRung[];
  /** Repeats after the last overdue rung while the item stays overdue; null = never. */
  readonly repeatOverdue: { readonly every: WorkingOffset; readonly to: readonly EscalationRecipient[] } | null;
  readonly weeklyReport: WeeklyReportEscalation;
}

const days = (n: number): WorkingOffset => ({ days: n, hours: 0 });

/** design.md's ladder. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  unacknowledged: [
    { after: days(1), to: ["liaison"] },
    { after: days(2), to: ["head"] },
  ],
  beforeDeadline: [
    { before: 3, to: ["liaison"] },
    { before: 1, to: ["liaison"] },
    { before: 0, to: ["liaison", "head"] },
  ],
  overdue: [
    { after: days(1), to: ["digest"] },
    { after: days(5), to: ["governorate"] },
  ],
  repeatOverdue: { every: days(5), to: ["digest"] },
  weeklyReport: { remindDayBefore: true, remindDueMorning: true, missingToHead: days(1), missingToDigest: days(2) },
};

/** The stored policy, or the default when there is none (a committee imported before policies existed). */
export function escalationPolicyOf(stored: unknown): EscalationPolicy {
  const p = stored as Partial<EscalationPolicy> | null | undefined;
  if (!p || typeof p !== "object" || !Array.isArray(p.unacknowledged)) return DEFAULT_ESCALATION_POLICY;
  return { ...DEFAULT_ESCALATION_POLICY, ...p } as EscalationPolicy;
}

/** "1d", "4h", "1d 4h", or a bare number of working days → an offset; undefined when it is none of these. */
export function parseWorkingOffset(value: unknown): WorkingOffset | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? days(value) : undefined;
  if (typeof value !== "string") return undefined;
  const m = /^\s*(?:(\d{1,3})\s*d)?\s*(?:(\d{1,2})\s*h)?\s*$/i.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0) };
}

/** "1d", "4h", "1d4h": how a step is named after its offset. */
export function offsetLabel(o: WorkingOffset): string {
  return `${o.days > 0 || o.hours === 0 ? `${o.days}d` : ""}${o.hours > 0 ? `${o.hours}h` : ""}`;
}
