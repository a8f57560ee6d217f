/**
 * A recipient answering a notice: attending, sending a delegate (name and post), or not
 * attending (an optional reason). The presser must be the recipient; the answer can change
 * until the meeting starts; every answer is kept in NoticeRsvp, the latest on the recipient.
 */
import type { Db } from "../../db/client.js";
import { rsvpOpen, validateRsvp, type RsvpInput, type RsvpInputError, type RsvpRefusal } from "../../domain/notices/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import type { NoticeActor } from "./common.js";
import { refreshTrackingView } from "./tracking.js";

export type RsvpResult =
  | { ok: true; changed: boolean; title: string; meetingAt: Date }
  | { ok: false; refusal: RsvpRefusal }
  | { ok: false; invalid: RsvpInputError };

export class NoticeRsvpService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** Whether this person may answer through this recipient row now (asked before a delegate's name is typed). */
  async check(actor: NoticeActor, recipientId: number): Promise<{ ok: true; title: string } | { ok: false; refusal: RsvpRefusal }> {
    const recipient = await this.db.noticeRecipient.findUnique({
      where: { id: recipientId },
      select: { personId: true, notice: { select: { status: true, meetingAt: true, title: true } } },
    });
    if (!recipient || recipient.personId !== actor.personId) return { ok: false, refusal: "unknown" };
    const open = rsvpOpen(recipient.notice, this.clock.now());
    return open.ok ? { ok: true, title: recipient.notice.title } : { ok: false, refusal: open.error.code };
  }

  async answer(actor: NoticeActor, recipientId: number, input: RsvpInput): Promise<RsvpResult> {
    const valid = validateRsvp(input);
    if (!valid.ok) return { ok: false, invalid: valid.error.code };
    const answer = valid.value;
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const recipient = await tx.noticeRecipient.findUnique({
        where: { id: recipientId },
        include: { notice: { select: { id: true, status: true, meetingAt: true, title: true } } },
      });
      if (!recipient || recipient.personId !== actor.personId) return { ok: false, refusal: "unknown" } as const;
      // Answers to one notice take turns (a row lock on PostgreSQL; SQLite has one writer anyway),
      // so the tracking view each renders counts every answer committed before it.
      const notice = await tx.notice.update({
        where: { id: recipient.notice.id },
        data: { updatedAt: now },
        select: { status: true, meetingAt: true },
      });
      const open = rsvpOpen(notice, now);
      if (!open.ok) return { ok: false, refusal: open.error.code } as const;
      const fields = {
        delegateName: answer.delegateName ?? null,
        delegatePost: answer.delegatePost ?? null,
        reason: answer.reason ?? null,
      };
      const changed =
        recipient.rsvp !== answer.answer ||
        recipient.delegateName !== fields.delegateName ||
        recipient.delegatePost !== fields.delegatePost ||
        recipient.reason !== fields.reason;
      if (changed) {
        await tx.noticeRsvp.create({ data: { recipientId, answer: answer.answer, ...fields, platform: actor.platform, at: now } });
        await tx.noticeRecipient.update({ where: { id: recipientId }, data: { rsvp: answer.answer, ...fields, rsvpAt: now } });
        await audit(
          tx,
          { kind: "person", personId: actor.personId, platform: actor.platform },
          "notice.rsvp",
          "Notice",
          recipient.notice.id,
          {
            recipientId,
            answer: answer.answer,
            previous: recipient.rsvp,
          },
          now,
        );
        await refreshTrackingView(tx, this.notifier, recipient.notice.id, now);
      }
      return { ok: true, changed, title: recipient.notice.title, meetingAt: recipient.notice.meetingAt! } as const;
    });
  }
}
