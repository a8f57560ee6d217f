/**
 * The secretariat's view of a notice as answers come in, the list of its notices, and the
 * one-tap reminder to those who have not answered.
 */
import type { Platform } from "../../config/index.js";
import type { Db, Tx } from "../../db/client.js";
import { nonResponders, tallyNotice } from "../../domain/notices/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import { renderReminder, renderTracking, type TrackingView } from "../render/meeting-notice.js";
import {
  noticeForSecretariat,
  noticeTopic,
  noticeViewOf,
  recipientFacts,
  secretariatCommittees,
  type NoticeActor,
  queueEach,
} from "./common.js";
import { outboxTopic } from "../../domain/outbox-topic.js";

/** A reminder to the same person about the same notice at most once per this interval, however often the button is pressed. */
const NUDGE_INTERVAL_MS = 3_600_000;

/** The outbox topic of the edits of a notice's tracking view. */
const trackingTopic = outboxTopic.noticeTracking;

async function trackingViewOf(tx: Tx, notice: Awaited<ReturnType<typeof noticeForSecretariat>>, now: Date): Promise<TrackingView> {
  return {
    notice: await noticeViewOf(tx, notice),
    status: notice.status,
    tally: tallyNotice(await recipientFacts(tx, notice.id)),
    started: notice.meetingAt !== null && notice.meetingAt.getTime() <= now.getTime(),
  };
}

/**
 * Queues an edit of the secretariat's tracking view of the notice (if one is shown), so it
 * follows the answers as they come. Called inside the transaction of the change.
 */
export async function refreshTrackingView(tx: Tx, notifier: Notifier, noticeId: number, now: Date): Promise<void> {
  const notice = await tx.notice.findUnique({
    where: { id: noticeId },
    include: { committee: { select: { name: true, calendar: true } } },
  });
  if (!notice?.trackingPlatform || !notice.trackingChatId || !notice.trackingMessageId) return;
  const view = await trackingViewOf(tx, notice, now);
  await notifier.editView(
    tx,
    {
      platform: notice.trackingPlatform as Platform,
      chatId: notice.trackingChatId,
      messageId: notice.trackingMessageId,
      topic: trackingTopic(noticeId),
    },
    (t) => renderTracking(view, t),
    now,
  );
}

export class NoticeTrackingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async tracking(actor: NoticeActor, noticeId: number): Promise<TrackingView> {
    return this.db.$transaction(async (tx) => trackingViewOf(tx, await noticeForSecretariat(tx, actor, noticeId), this.clock.now()));
  }

  /** Remembers the message that shows the tracking view, so it is edited as answers come (the latest one shown wins). */
  async watch(actor: NoticeActor, noticeId: number, where: { platform: Platform; chatId: string; messageId: string }): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await noticeForSecretariat(tx, actor, noticeId);
      await tx.notice.update({
        where: { id: noticeId },
        data: { trackingPlatform: where.platform, trackingChatId: where.chatId, trackingMessageId: where.messageId },
      });
    });
  }

  /** The latest notices of the committees the person is secretariat of. */
  async list(actor: NoticeActor, take = 8) {
    const committees = await secretariatCommittees(this.db as never, actor.personId);
    return this.db.notice.findMany({
      where: { committeeId: { in: committees.map((c) => c.id) }, status: { in: ["sent", "cancelled"] } },
      select: { id: true, title: true, meetingAt: true, status: true },
      orderBy: { id: "desc" },
      take,
    });
  }

  /** Reminds everyone whose agency has not answered yet; returns how many people it queued for. */
  async remindNonResponders(actor: NoticeActor, noticeId: number): Promise<{ people: number }> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      if (notice.status !== "sent") return { people: 0 };
      const view = await noticeViewOf(tx, notice);
      const targets = nonResponders(tallyNotice(await recipientFacts(tx, noticeId)));
      const slot = Math.floor(now.getTime() / NUDGE_INTERVAL_MS);
      await queueEach(
        this.notifier,
        tx,
        targets.map((r) => ({
          personId: r.personId,
          render: (t) => renderReminder(view, "nudge", t, r.recipientId),
          dedupeKey: `notice:${noticeId}:nudge:${slot}:${r.recipientId}`,
        })),
        { topic: noticeTopic(noticeId), notBefore: now },
      );
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "notice.reminded",
        "Notice",
        noticeId,
        {
          people: targets.length,
        },
        now,
      );
      return { people: targets.length };
    });
  }
}
