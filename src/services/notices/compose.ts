/**
 * Composing and sending a meeting notice (secretariat only, checked here on every call).
 *
 * A notice is first saved as a draft — so the preview shows exactly what recipients will get —
 * and then sent: sending claims the draft (draft → sent in one conditional update), so a second
 * press of "send" finds it sent and queues nothing. Recipients, their invitation messages (one
 * outbox row per chat, with a dedupe key) and the first reminder's due time are written in the
 * same transaction.
 */
import type { Db, Tx } from "../../db/client.js";
import {
  isEmptyAudience,
  meetingTimeConcerns,
  nextReminder,
  selectAudience,
  type AudienceFacts,
  type AudienceSpec,
  type MeetingTimeConcern,
} from "../../domain/notices/index.js";
import type { Platform } from "../../config/index.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";
import type { Notifier } from "../notifications.js";
import { renderNoticeMessage } from "../render/meeting-notice.js";
import {
  inviteKey,
  noticeForSecretariat,
  noticeTopic,
  noticeViewOf,
  NoticeError,
  requireSecretariat,
  type NoticeActor,
  queueEach,
} from "./common.js";
import { AGENCY_ROLES } from "../../domain/vocabulary.js";

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_PLACE_MAX = 200;
export const NOTICE_AGENDA_MAX = 2000;

export interface NoticeDraftInput {
  committeeId: number;
  title: string;
  meetingAt: Date;
  location: string;
  agenda: { kind: "text"; text: string } | { kind: "resolutions"; resolutionIds: number[] };
  /**
   * The invitation letter as uploaded on `platform`; with its bytes (fetched once from there), it
   * reaches recipients on the other platforms too, under its own name.
   */
  document?: { platform: Platform; fileId: string; kind: "document" | "photo"; file?: { name: string; bytes: Buffer } };
  audience: AudienceSpec;
  /** The secretariat saw the questions about the date (past, day off, outside hours) and confirmed. */
  concernsConfirmed?: boolean;
}

export type DraftResult = { ok: true; noticeId: number; recipients: number } | { ok: false; concerns: MeetingTimeConcern[] };

export interface NoticePreview {
  message: OutgoingMessage;
  title: string;
  recipients: number;
  status: string;
  /** The invitation letter, when the previewer is on the platform that holds it. */
  document?: { fileId: string; kind: "document" | "photo" };
}

/** The OutboxFile holding a notice's letter, for its recipients on the other platforms. */
export const letterFileKey = (noticeId: number): string => `notice:${noticeId}:letter`;

/** The name a letter goes under elsewhere when the platform gave none (a photo, a nameless document). */
export const letterFileName = (kind: "document" | "photo"): string => (kind === "photo" ? "letter.jpg" : "letter");

export type SendResult = { sent: true; recipients: number; queued: number } | { sent: false; reason: "already_sent" | "cancelled" };

export class NoticeComposeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** Questions to ask about a meeting time before saving (none: go ahead). */
  async concerns(committeeId: number, meetingAt: Date): Promise<MeetingTimeConcern[]> {
    const committee = await this.db.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { calendar: true } });
    return meetingTimeConcerns(meetingAt, this.clock.now(), workCalendarOf(committee.calendar));
  }

  /** The working calendar (as configured) of a notice's committee. */
  async calendarOf(noticeId: number): Promise<unknown> {
    const notice = await this.db.notice.findUniqueOrThrow({
      where: { id: noticeId },
      select: { committee: { select: { calendar: true } } },
    });
    return notice.committee.calendar;
  }

  /** What a secretariat may aim a notice at: agencies and the resolutions with open items, per committee. */
  async choices(actor: NoticeActor, committeeId: number) {
    await requireSecretariat(this.db as unknown as Tx, actor.personId, committeeId);
    const agencies = await this.db.committeeAgency.findMany({
      where: { committeeId },
      select: { agency: { select: { id: true, name: true, code: true } } },
      orderBy: { agencyId: "asc" },
    });
    const committee = await this.db.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { calendar: true } });
    const resolutions = await this.db.resolution.findMany({
      where: { meeting: { committeeId }, assignments: { some: { status: { notIn: ["done", "cancelled"] } } } },
      select: { id: true, number: true, text: true, meeting: { select: { number: true } } },
      orderBy: [{ meetingId: "desc" }, { number: "asc" }],
      take: 30,
    });
    return { agencies: agencies.map((a) => a.agency), resolutions, calendar: committee.calendar };
  }

  async createDraft(actor: NoticeActor, input: NoticeDraftInput): Promise<DraftResult> {
    const title = input.title.trim();
    const location = input.location.trim();
    if (!title || title.length > NOTICE_TITLE_MAX) throw new NoticeError("invalid", `a title of 1–${NOTICE_TITLE_MAX} characters`);
    if (!location || location.length > NOTICE_PLACE_MAX) throw new NoticeError("invalid", `a place of 1–${NOTICE_PLACE_MAX} characters`);
    if (input.agenda.kind === "text" && (!input.agenda.text.trim() || input.agenda.text.length > NOTICE_AGENDA_MAX)) {
      throw new NoticeError("invalid", `an agenda of 1–${NOTICE_AGENDA_MAX} characters`);
    }
    if (input.agenda.kind === "resolutions" && input.agenda.resolutionIds.length === 0)
      throw new NoticeError("invalid", "no resolution chosen");
    if (isEmptyAudience(input.audience)) throw new NoticeError("empty_audience", "the audience names nobody");
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      await requireSecretariat(tx, actor.personId, input.committeeId);
      const committee = await tx.committee.findUniqueOrThrow({ where: { id: input.committeeId }, select: { calendar: true } });
      const concerns = meetingTimeConcerns(input.meetingAt, now, workCalendarOf(committee.calendar));
      if (concerns.length > 0 && !input.concernsConfirmed) return { ok: false, concerns };
      if (input.agenda.kind === "resolutions") {
        const found = await tx.resolution.count({
          where: { id: { in: input.agenda.resolutionIds }, meeting: { committeeId: input.committeeId } },
        });
        if (found !== new Set(input.agenda.resolutionIds).size)
          throw new NoticeError("invalid", "a chosen resolution is not this committee's");
      }
      const members = selectAudience(input.audience, await audienceFacts(tx, input.committeeId));
      if (members.length === 0) throw new NoticeError("empty_audience", "nobody in the chosen audience has a membership");
      const notice = await tx.notice.create({
        data: {
          committeeId: input.committeeId,
          title,
          text: input.agenda.kind === "text" ? input.agenda.text.trim() : "",
          meetingAt: input.meetingAt,
          location,
          createdById: actor.personId,
          status: "draft",
          audience: input.audience as object,
          ...(input.agenda.kind === "resolutions" ? { agendaResolutionIds: input.agenda.resolutionIds } : {}),
          ...(input.document
            ? { documentPlatform: input.document.platform, documentFileId: input.document.fileId, documentKind: input.document.kind }
            : {}),
          createdAt: now,
        },
      });
      if (input.document?.file) {
        const { name, bytes } = input.document.file;
        await tx.outboxFile.create({ data: { key: letterFileKey(notice.id), fileName: name, bytes: new Uint8Array(bytes) } });
      }
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "notice.drafted",
        "Notice",
        notice.id,
        {
          recipients: members.length,
          concernsConfirmed: concerns.map((c) => c.kind),
        },
        now,
      );
      return { ok: true, noticeId: notice.id, recipients: members.length };
    });
  }

  /** The notice exactly as a recipient reads it (its buttons only show, in a preview), and how many it goes to. */
  async preview(actor: NoticeActor, noticeId: number, t: Translate): Promise<NoticePreview> {
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      const members = selectAudience(notice.audience as unknown as AudienceSpec, await audienceFacts(tx, notice.committeeId));
      return {
        message: renderNoticeMessage(await noticeViewOf(tx, notice), t, 0),
        title: notice.title,
        recipients: members.length,
        status: notice.status,
        ...(notice.documentFileId && notice.documentPlatform === actor.platform
          ? { document: { fileId: notice.documentFileId, kind: (notice.documentKind ?? "document") as "document" | "photo" } }
          : {}),
      };
    });
  }

  async discard(actor: NoticeActor, noticeId: number): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      await noticeForSecretariat(tx, actor, noticeId);
      const { count } = await tx.notice.deleteMany({ where: { id: noticeId, status: "draft" } });
      if (count === 1) await tx.outboxFile.deleteMany({ where: { key: letterFileKey(noticeId) } });
      return count === 1;
    });
  }

  async send(actor: NoticeActor, noticeId: number): Promise<SendResult> {
    const now = this.clock.now();
    return this.db.$transaction(
      async (tx) => {
        const notice = await noticeForSecretariat(tx, actor, noticeId);
        // The claim: only one press turns the draft into a sent notice.
        const { count } = await tx.notice.updateMany({ where: { id: noticeId, status: "draft" }, data: { status: "sent", sentAt: now } });
        if (count === 0) return { sent: false, reason: notice.status === "cancelled" ? "cancelled" : "already_sent" } as const;
        const calendar = workCalendarOf(notice.committee.calendar);
        const members = selectAudience(notice.audience as unknown as AudienceSpec, await audienceFacts(tx, notice.committeeId));
        const view = await noticeViewOf(tx, notice);
        await tx.noticeRecipient.createMany({
          data: members.map((m) => ({
            noticeId,
            personId: m.personId,
            agencyId: m.agencyId,
            role: m.role,
            scopeKey: m.scopeKey,
            createdAt: now,
          })),
        });
        const recipients = await tx.noticeRecipient.findMany({
          where: { noticeId },
          select: { id: true, personId: true },
          orderBy: { id: "asc" },
        });
        const queued = await queueEach(
          this.notifier,
          tx,
          recipients.map((r) => ({
            personId: r.personId,
            render: (t: Translate) => renderNoticeMessage(view, t, r.id),
            dedupeKey: inviteKey(noticeId, r.id),
            noticeRecipientId: r.id,
          })),
          // Like every notification, it waits for working time (office hours of a working day).
          { topic: noticeTopic(noticeId), notBefore: calendar.nextWorkingInstant(now) },
        );
        if (notice.documentFileId && notice.documentPlatform) {
          const stored = await tx.outboxFile.findUnique({ where: { key: letterFileKey(noticeId) }, select: { key: true } });
          const file = {
            kind: (notice.documentKind ?? "document") as "document" | "photo",
            fileId: notice.documentFileId,
            ...(stored ? { storedKey: stored.key } : {}),
          };
          const { namingStored } = await this.notifier.filesToPeople(
            tx,
            recipients.map((r) => r.personId),
            notice.documentPlatform as Platform,
            [file],
            (t) => t("meeting-notice-document-caption", { title: notice.title }),
            { topic: noticeTopic(noticeId), dedupeKey: `notice:${noticeId}:letter`, notBefore: calendar.nextWorkingInstant(now) },
          );
          // Every recipient on the letter's own platform: no row will ever send the stored bytes, and
          // the pruning (db/sql/delete-sent-outbox-files.ts) keeps a file no row names, as a draft's.
          if (stored && namingStored === 0) await tx.outboxFile.delete({ where: { key: stored.key } });
        }
        const reminder = notice.meetingAt ? nextReminder(notice.meetingAt, now, calendar) : undefined;
        await tx.notice.update({
          where: { id: noticeId },
          data: { nextReminderAt: reminder?.at ?? null, nextReminderStep: reminder?.step ?? null },
        });
        await audit(
          tx,
          { kind: "person", personId: actor.personId, platform: actor.platform },
          "notice.sent",
          "Notice",
          noticeId,
          {
            recipients: members.length,
            queued,
          },
          now,
        );
        return { sent: true, recipients: members.length, queued } as const;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
}

/** Everything selectAudience needs about a committee, read in three queries. */
export async function audienceFacts(tx: Tx, committeeId: number): Promise<AudienceFacts> {
  const agencies = await tx.committeeAgency.findMany({ where: { committeeId }, select: { agencyId: true }, orderBy: { agencyId: "asc" } });
  const committeeAgencyIds = agencies.map((a) => a.agencyId);
  const resolutions = await tx.resolution.findMany({
    where: { meeting: { committeeId } },
    select: { id: true, leadAll: true, parties: { select: { agencyId: true } } },
  });
  const resolutionAgencyIds = new Map(resolutions.map((r) => [r.id, r.leadAll ? committeeAgencyIds : r.parties.map((p) => p.agencyId)]));
  const memberships = await tx.membership.findMany({
    where: {
      active: true,
      OR: [
        // A relation filter, not a list of ids: a committee may have more agencies than a statement takes parameters.
        { role: { in: [...AGENCY_ROLES] }, agency: { committees: { some: { committeeId } } } },
        { role: "governorate", committeeId },
      ],
    },
    select: { personId: true, role: true, agencyId: true },
    orderBy: [{ agencyId: "asc" }, { id: "asc" }],
  });
  return { committeeAgencyIds, resolutionAgencyIds, memberships };
}
