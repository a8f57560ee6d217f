/**
 * What an outbox message is about, stored in its `topic` column: for logs and reports, to replace
 * a live view's pending edits, to find a notice's invitations, and to map a reply back to the item
 * it answers. Every topic is built and read here, so the stored strings have one grammar:
 * `<kind>:<key>` ("assignment:12", "invite-guessing:telegram:42") or a bare kind ("digest").
 * SQL compares whole topics (`topic = …`), never patterns: parse a topic with `parseTopic`.
 */
/** Kinds that carry a key (an id, or a platform and a user id). */
export const KEYED_TOPIC_KINDS = [
  "assignment",
  "notice",
  "notice-tracking",
  "weekly_report",
  "weekly_digest",
  "join",
  "joined:person",
  "unreachable:agency",
  "invite-guessing",
] as const;
export type KeyedTopicKind = (typeof KEYED_TOPIC_KINDS)[number];

/** Kinds about many things at once (a bundle of reminders, a digest). */
export const BARE_TOPIC_KINDS = ["reminders", "digest"] as const;
export type BareTopicKind = (typeof BARE_TOPIC_KINDS)[number];

/** A topic as stored; only this module makes one. */
export type OutboxTopic = string & { readonly __outboxTopic: unique symbol };

export type ParsedTopic = { kind: KeyedTopicKind; key: string } | { kind: BareTopicKind };

const keyed = (kind: KeyedTopicKind, ...key: (string | number)[]): OutboxTopic => [kind, ...key].join(":") as OutboxTopic;

/** The builders, one per kind. */
export const outboxTopic = {
  /** Every message about an assignment; replies to them map back through it (`assignmentOfTopic`). */
  assignment: (assignmentId: number) => keyed("assignment", assignmentId),
  notice: (noticeId: number) => keyed("notice", noticeId),
  /** The edits of a notice's tracking view. */
  noticeTracking: (noticeId: number) => keyed("notice-tracking", noticeId),
  weeklyReport: (cycleId: number) => keyed("weekly_report", cycleId),
  weeklyDigest: (cycleId: number) => keyed("weekly_digest", cycleId),
  join: (requestId: number) => keyed("join", requestId),
  joinedPerson: (personId: number) => keyed("joined:person", personId),
  unreachableAgency: (agencyId: number) => keyed("unreachable:agency", agencyId),
  inviteGuessing: (platform: string, userId: string) => keyed("invite-guessing", platform, userId),
  bare: (kind: BareTopicKind) => kind as OutboxTopic,
};

/** Longest kinds first, so "joined:person:3" is not read as a "join" topic. */
const BY_LENGTH = [...KEYED_TOPIC_KINDS].sort((a, b) => b.length - a.length);

/** The kind and key of a stored topic; undefined for none or one this codec did not make. */
export function parseTopic(topic: string | null | undefined): ParsedTopic | undefined {
  if (!topic) return undefined;
  if ((BARE_TOPIC_KINDS as readonly string[]).includes(topic)) return { kind: topic as BareTopicKind };
  const kind = BY_LENGTH.find((k) => topic.startsWith(`${k}:`) && topic.length > k.length + 1);
  return kind ? { kind, key: topic.slice(kind.length + 1) } : undefined;
}

/** The assignment a topic is about, if it is an assignment's. */
export function assignmentOfTopic(topic: string | null | undefined): number | undefined {
  const parsed = parseTopic(topic);
  if (parsed?.kind !== "assignment" || !/^\d+$/.test(parsed.key)) return undefined;
  return Number(parsed.key);
}
