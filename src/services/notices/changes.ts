/**
 * Cancelling or moving a sent notice. Everyone invited hears of it once: the messages carry a
 * dedupe key per change (per revision for a move), written with the change in one transaction.
 * A move keeps the answers given (the buttons come again, to change them) and reschedules the reminders.
 */
import type { Db } from "../../db/client.js";
import { meetingTimeConcerns, nextReminder, type MeetingTimeConcern } from "../../domain/notices/index.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";
import type { Notifier } from "../notifications.js";
import { renderCancelled, renderMoved } from "../render/meeting-notice.js";
import { noticeForSecretariat, noticeTopic, noticeViewOf, NoticeError, type NoticeActor, queueEach } from "./common.js";

export type MoveResult = { ok: true; people: number } | { ok: false; concerns: MeetingTimeConcern[] };

/**
 * When a change announcement may leave: in working time, unless waiting for it would reach
 * people too late (the meeting would begin within two hours of the next working window).
 */
function announceFrom(now: Date, meetingAt: Date, calendar: WorkCalendar): Date {
  const next = calendar.nextWorkingInstant(now);
  return next.getTime() + 2 * 3_600_000 > meetingAt.getTime() ? now : next;
}

export class NoticeChangeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async cancel(actor: NoticeActor, noticeId: number, reason?: string): Promise<{ people: number; changed: boolean }> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      const { count } = await tx.notice.updateMany({
        where: { id: noticeId, status: "sent" },
        data: { status: "cancelled", cancelledAt: now, cancelReason: reason?.trim() || null, nextReminderAt: null, nextReminderStep: null },
      });
      if (count === 0) {
        if (notice.status === "cancelled") return { people: 0, changed: false };
        throw new NoticeError("not_sent", "only a sent notice can be cancelled");
      }
      const view = await noticeViewOf(tx, notice);
      const recipients = await tx.noticeRecipient.findMany({ where: { noticeId }, select: { id: true, personId: true } });
      await queueEach(
        this.notifier,
        tx,
        recipients.map((r) => ({
          personId: r.personId,
          render: (t) => renderCancelled(view, reason?.trim() || null, t),
          dedupeKey: `notice:${noticeId}:cancelled:${r.id}`,
        })),
        { topic: noticeTopic(noticeId), notBefore: announceFrom(now, notice.meetingAt!, workCalendarOf(notice.committee.calendar)) },
      );
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "notice.cancelled",
        "Notice",
        noticeId,
        {
          reason: reason ?? null,
        },
        now,
      );
      return { people: recipients.length, changed: true };
    });
  }

  async move(
    actor: NoticeActor,
    noticeId: number,
    meetingAt: Date,
    options: { location?: string; concernsConfirmed?: boolean } = {},
  ): Promise<MoveResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      if (notice.status !== "sent")
        throw new NoticeError(notice.status === "cancelled" ? "cancelled" : "not_sent", "only a sent notice can be moved");
      const calendar = workCalendarOf(notice.committee.calendar);
      const concerns = meetingTimeConcerns(meetingAt, now, calendar);
      if (concerns.length > 0 && !options.concernsConfirmed) return { ok: false, concerns };
      const previous = notice.meetingAt!;
      const revision = notice.revision + 1;
      const reminder = nextReminder(meetingAt, now, calendar);
      // Conditional on the revision read: two moves at once cannot both announce as the same revision.
      const { count } = await tx.notice.updateMany({
        where: { id: noticeId, revision: notice.revision },
        data: {
          meetingAt,
          ...(options.location?.trim() ? { location: options.location.trim() } : {}),
          revision,
          movedAt: now,
          nextReminderAt: reminder?.at ?? null,
          nextReminderStep: reminder?.step ?? null,
        },
      });
      if (count === 0) throw new NoticeError("conflict", "the notice changed meanwhile; try again");
      const view = {
        ...(await noticeViewOf(tx, notice)),
        meetingAt,
        ...(options.location?.trim() ? { location: options.location.trim() } : {}),
      };
      const recipients = await tx.noticeRecipient.findMany({ where: { noticeId }, select: { id: true, personId: true } });
      await queueEach(
        this.notifier,
        tx,
        recipients.map((r) => ({
          personId: r.personId,
          render: (t) => renderMoved(view, previous, t, r.id),
          dedupeKey: `notice:${noticeId}:moved:${revision}:${r.id}`,
        })),
        {
          topic: noticeTopic(noticeId),
          notBefore: announceFrom(now, previous.getTime() < meetingAt.getTime() ? previous : meetingAt, calendar),
        },
      );
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "notice.moved",
        "Notice",
        noticeId,
        {
          from: previous.toISOString(),
          to: meetingAt.toISOString(),
          revision,
        },
        now,
      );
      return { ok: true, people: recipients.length };
    });
  }
}
