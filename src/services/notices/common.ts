/**
 * What the notice use cases share: who may manage a committee's notices, loading a notice as
 * recipients read it, the facts the tally is made of, and the outbox keys of notice messages.
 */
import type { Platform } from "../../config/index.js";
import type { Tx } from "../../db/client.js";
import { isOpen, type AssignmentStatus } from "../../domain/assignments/status.js";
import { deliveryOf, isRsvpAnswer, type OutboxState, type RecipientFact } from "../../domain/notices/index.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { Notifier } from "../notifications.js";
import type { AgendaItem, NoticeView } from "../render/meeting-notice.js";
import { outboxTopic, type OutboxTopic } from "../../domain/outbox-topic.js";

/** A person acting in chat (or the CLI). */
export interface NoticeActor {
  personId: number;
  platform: Platform | "cli";
}

export class NoticeError extends Error {
  override name = "NoticeError";
  constructor(
    /** not_secretariat | unknown | not_draft | cancelled | empty_audience | invalid */
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

/** Every outbox message about notice N has this topic. */
export const noticeTopic = outboxTopic.notice;
/** The invitation to one recipient; its outbox rows tell whether the notice reached them. */
export const inviteKey = (noticeId: number, recipientId: number): string => `notice:${noticeId}:invite:${recipientId}`;

/** The committees in which the person is active secretariat. */
export async function secretariatCommittees(tx: Tx, personId: number): Promise<{ id: number; code: string; name: string }[]> {
  const rows = await tx.membership.findMany({
    where: { personId, role: "secretariat", active: true, committeeId: { not: null } },
    select: { committee: { select: { id: true, code: true, name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((r) => (r.committee ? [r.committee] : []));
}

/** Throws unless the person is active secretariat of the committee: checked on every call. */
export async function requireSecretariat(tx: Tx, personId: number, committeeId: number): Promise<void> {
  const found = await tx.membership.findFirst({
    where: { personId, committeeId, role: "secretariat", active: true },
    select: { id: true },
  });
  if (!found) throw new NoticeError("not_secretariat", "only the committee's secretariat manages its notices");
}

/** The notice, checked to belong to a committee the person is secretariat of. */
export async function noticeForSecretariat(tx: Tx, actor: NoticeActor, noticeId: number) {
  const notice = await tx.notice.findUnique({
    where: { id: noticeId },
    include: { committee: { select: { name: true, calendar: true } } },
  });
  if (!notice) throw new NoticeError("unknown", `no notice #${noticeId}`);
  await requireSecretariat(tx, actor.personId, notice.committeeId);
  return notice;
}

/** The open parts of the chosen resolutions, for an agenda. */
export async function agendaItemsOf(tx: Tx, resolutionIds: readonly number[]): Promise<AgendaItem[]> {
  if (resolutionIds.length === 0) return [];
  const resolutions = await tx.resolution.findMany({
    where: { id: { in: [...resolutionIds] } },
    include: {
      meeting: { select: { number: true } },
      assignments: { include: { agency: { select: { name: true } } }, orderBy: [{ role: "asc" }, { agencyId: "asc" }] },
    },
    orderBy: [{ meetingId: "asc" }, { number: "asc" }],
  });
  return resolutions.map((r) => ({
    resolutionNumber: r.number,
    meetingNumber: r.meeting.number,
    text: r.text,
    open: r.assignments
      .filter((a) => isOpen(a.status as AssignmentStatus))
      .map((a) => ({ agency: a.agency.name, statusKey: `assignment-status-${a.status.replace(/_/g, "-")}` })),
  }));
}

export function resolutionIdsOf(json: unknown): number[] {
  return Array.isArray(json) ? json.filter((n): n is number => Number.isSafeInteger(n)) : [];
}

type NoticeRow = {
  id: number;
  title: string;
  text: string;
  meetingAt: Date | null;
  location: string | null;
  agendaResolutionIds: unknown;
  documentFileId: string | null;
  committee: { name: string };
};

export async function noticeViewOf(tx: Tx, notice: NoticeRow): Promise<NoticeView> {
  const resolutionIds = resolutionIdsOf(notice.agendaResolutionIds);
  return {
    id: notice.id,
    committeeName: notice.committee.name,
    title: notice.title,
    meetingAt: notice.meetingAt!,
    location: notice.location ?? "",
    agendaText: resolutionIds.length > 0 ? null : notice.text,
    agendaItems: await agendaItemsOf(tx, resolutionIds),
    hasDocument: notice.documentFileId !== null,
  };
}

/** Recipients with their delivery (from the outbox) and latest answer: what the tally counts. */
export async function recipientFacts(tx: Tx, noticeId: number): Promise<RecipientFact[]> {
  const recipients = await tx.noticeRecipient.findMany({
    where: { noticeId },
    include: { person: { select: { name: true, identities: { select: { reachable: true, unreachableReason: true } } } } },
    orderBy: { id: "asc" },
  });
  const agencyIds = [...new Set(recipients.flatMap((r) => (r.agencyId === null ? [] : [r.agencyId])))];
  const agencies = new Map<number, string>();
  // In slices: SQLite takes at most 999 parameters per statement.
  for (let i = 0; i < agencyIds.length; i += 500) {
    const slice = await tx.agency.findMany({ where: { id: { in: agencyIds.slice(i, i + 500) } }, select: { id: true, name: true } });
    for (const a of slice) agencies.set(a.id, a.name);
  }
  const rows = await tx.outboxMessage.findMany({
    where: { noticeRecipient: { noticeId } },
    select: { noticeRecipientId: true, status: true, lastError: true },
  });
  const byRecipient = new Map<number, OutboxState[]>();
  for (const row of rows) byRecipient.set(row.noticeRecipientId!, [...(byRecipient.get(row.noticeRecipientId!) ?? []), row]);
  return recipients.map((r) => {
    const states = byRecipient.get(r.id) ?? [];
    // No row at all: the person had no reachable chat. Say "blocked" when that is why.
    const blockedBefore = states.length === 0 && r.person.identities.some((i) => !i.reachable && /^403\b/.test(i.unreachableReason ?? ""));
    return {
      recipientId: r.id,
      personId: r.personId,
      personName: r.person.name,
      agencyId: r.agencyId,
      agencyName: r.agencyId === null ? null : (agencies.get(r.agencyId) ?? null),
      role: r.role as RecipientFact["role"],
      delivery: blockedBefore ? "blocked" : deliveryOf(states),
      ...(r.rsvp && isRsvpAnswer(r.rsvp) && r.rsvpAt
        ? { answer: { answer: r.rsvp, delegateName: r.delegateName, delegatePost: r.delegatePost, reason: r.reason, at: r.rsvpAt } }
        : {}),
    };
  });
}

/**
 * Queues one message per recipient (each with its own buttons) through the notifier's batch path;
 * `notBefore` is always given, as the database's default is the wall clock, not the business clock.
 * Returns how many outbox rows were written.
 */
export async function queueEach(
  notifier: Notifier,
  tx: Tx,
  entries: readonly { personId: number; render: (t: Translate) => OutgoingMessage; dedupeKey: string; noticeRecipientId?: number }[],
  options: { topic: OutboxTopic; notBefore: Date },
): Promise<number> {
  const counts = await notifier.queueMany(
    tx,
    entries.map((e) => ({
      personId: e.personId,
      render: e.render,
      options: { ...options, dedupeKey: e.dedupeKey, ...(e.noticeRecipientId ? { noticeRecipientId: e.noticeRecipientId } : {}) },
    })),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}
