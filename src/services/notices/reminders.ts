/**
 * The notice reminders, as due work for the scheduler: each sent notice carries its next step
 * (`nextReminderStep`) and when it is due (`nextReminderAt`). A pass claims a due notice by
 * moving it to its following step in a conditional update — only one pass (or instance) wins —
 * and queues that step's messages in the same transaction, each with a dedupe key: a crash
 * loses nothing and a repeated pass sends nothing twice.
 *
 * `day_before` goes to those whose agency has not answered; `morning` to every expected
 * attendee and delegate. Times come from domain/notices/schedule.ts (working days apply).
 */
import type { Db, Tx } from "../../db/client.js";
import type { Translate } from "../../i18n/index.js";
import type { QueuedNotice, UpcomingEntry } from "../due-work.js";
import {
  expectedAttendees,
  followingReminder,
  nonResponders,
  reminderStillUseful,
  tallyNotice,
  type ReminderStep,
} from "../../domain/notices/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";
import type { Notifier } from "../notifications.js";
import { renderReminder } from "../render/meeting-notice.js";
import { noticeTopic, noticeViewOf, recipientFacts } from "./common.js";

export interface ReminderPass {
  notices: number;
  people: number;
  /** Who each step went to, for operators (`peygir sweep`). */
  queued: QueuedNotice[];
}

export class NoticeReminderService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** When the next reminder of any notice is due (for a scheduler that sleeps until then). */
  async nextDueAt(): Promise<Date | undefined> {
    const next = await this.db.notice.findFirst({
      where: { status: "sent", nextReminderAt: { not: null } },
      orderBy: { nextReminderAt: "asc" },
      select: { nextReminderAt: true },
    });
    return next?.nextReminderAt ?? undefined;
  }

  /** Runs every reminder due by `now` (default: the clock's); returns what it did. */
  async runDue(now: Date = this.clock.now(), limit = 50): Promise<ReminderPass> {
    const due = await this.db.notice.findMany({
      where: { status: "sent", nextReminderAt: { lte: now } },
      select: { id: true },
      orderBy: { nextReminderAt: "asc" },
      take: limit,
    });
    const pass: ReminderPass = { notices: 0, people: 0, queued: [] };
    for (const { id } of due) {
      // Several steps may be due at once after a pause: each is claimed (and maybe skipped) in turn.
      let ran = false;
      for (let sent = await this.#runOne(id, now); sent !== undefined; sent = await this.#runOne(id, now)) {
        ran = true;
        pass.people += sent.length;
        pass.queued.push(...sent);
      }
      if (ran) pass.notices++;
    }
    return pass;
  }

  /** What will fire in (from, until]: each notice's next step and whom it would reach now. */
  async upcoming(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]> {
    const notices = await this.db.notice.findMany({
      where: {
        status: "sent",
        nextReminderAt: { gt: from, lte: until },
        ...(committeeCode ? { committee: { code: committeeCode } } : {}),
      },
      include: { committee: { select: { code: true } } },
      orderBy: { nextReminderAt: "asc" },
    });
    const entries: UpcomingEntry[] = [];
    for (const n of notices) {
      const tally = tallyNotice(await recipientFacts(this.db as unknown as Tx, n.id));
      const targets = n.nextReminderStep === "day_before" ? nonResponders(tally) : expectedAttendees(tally);
      entries.push({
        at: n.nextReminderAt!,
        committee: n.committee.code,
        recipients: targets.map((r) => r.personName),
        what: `notice reminder (${n.nextReminderStep}): ${n.title}`,
      });
    }
    return entries;
  }

  async #runOne(noticeId: number, now: Date): Promise<QueuedNotice[] | undefined> {
    return this.db.$transaction(async (tx) => {
      const notice = await tx.notice.findUnique({
        where: { id: noticeId },
        include: { committee: { select: { name: true, calendar: true } } },
      });
      if (!notice || notice.status !== "sent" || !notice.nextReminderAt || !notice.nextReminderStep || !notice.meetingAt) return undefined;
      if (notice.nextReminderAt.getTime() > now.getTime()) return undefined;
      const step = notice.nextReminderStep as ReminderStep;
      const following = followingReminder(notice.meetingAt, workCalendarOf(notice.committee.calendar), step);
      const { count } = await tx.notice.updateMany({
        where: { id: noticeId, nextReminderAt: notice.nextReminderAt, nextReminderStep: step },
        data: { nextReminderAt: following?.at ?? null, nextReminderStep: following?.step ?? null },
      });
      if (count === 0) return undefined;
      if (!reminderStillUseful(step, notice.meetingAt, now)) {
        await audit(tx, { kind: "system" }, `notice.reminder.${step}.skipped`, "Notice", noticeId, { reason: "late" }, now);
        return [];
      }
      const tally = tallyNotice(await recipientFacts(tx, noticeId));
      const targets = step === "day_before" ? nonResponders(tally) : expectedAttendees(tally);
      const view = await noticeViewOf(tx, notice);
      const counts = await this.notifier.queueMany(
        tx,
        targets.map((r) => ({
          personId: r.personId,
          render: (t: Translate) => renderReminder(view, step, t, r.recipientId),
          options: {
            topic: noticeTopic(noticeId),
            dedupeKey: `notice:${noticeId}:${notice.revision}:${step}:${r.recipientId}`,
            notBefore: now,
          },
        })),
      );
      await audit(tx, { kind: "system" }, `notice.reminder.${step}`, "Notice", noticeId, { people: targets.length }, now);
      return targets.map((r, i) => ({ recipient: r.personName, kind: `notice_${step}`, summary: notice.title, messages: counts[i] ?? 0 }));
    });
  }
}
