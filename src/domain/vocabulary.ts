/**
 * Every word Peygir stores in a String column, defined once. SQLite has no enums, so these tuples
 * are the schema's vocabulary: the domain validates against them, the services write them, and the
 * raw SQL builds its `IN (…)` lists from them (see db/sql/vocabulary.ts) rather than typing them by hand.
 */

/** A person's role in an agency. */
export const AGENCY_ROLES = ["head", "liaison"] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/** A person's role in a committee (the governorate's officials and the working group's secretariat). */
export const COMMITTEE_ROLES = ["governorate", "secretariat"] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** Membership.role. */
export const ROLES = [...AGENCY_ROLES, ...COMMITTEE_ROLES] as const;
export type Role = (typeof ROLES)[number];

/** ResolutionParty.role and Assignment.role: the agency leading a resolution, or one taking part. */
export const PARTY_ROLES = ["lead", "co"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Resolution.kind: done once, recurring, or standing (مستمر: followed up for as long as it stands). */
export const RESOLUTION_KINDS = ["one_off", "recurring", "standing"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** Assignment.status (see domain/assignments/status.ts for the machine). Overdue is derived, not stored. */
export const ASSIGNMENT_STATUSES = ["assigned", "acknowledged", "in_progress", "reported_done", "done", "blocked", "cancelled"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The statuses after which nothing more happens to an assignment. */
export const FINAL_ASSIGNMENT_STATUSES = ["done", "cancelled"] as const satisfies readonly AssignmentStatus[];

/**
 * OutboxMessage.status. A pending row being sent is still pending, with a lease
 * (claimedBy / claimedUntil); there is no separate "sending" state to get stuck in.
 */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Whether a stored word belongs to a vocabulary. */
export function isOneOf<T extends string>(vocabulary: readonly T[], value: string): value is T {
  return (vocabulary as readonly string[]).includes(value);
}

/** A person's gender as the committee file gives it: formal address («جناب آقای / سرکار خانم») needs it. */
export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** A stored gender read back: anything but a known value is "not said". */
export function genderOf(value: string | null | undefined): Gender | null {
  return value != null && isOneOf(GENDERS, value) ? value : null;
}
