/**
 * Due work: anything that must happen at a time (a reminder, an escalation, a weekly cycle's
 * opening, a notice's reminder) is a row in the database with its next action time, and a
 * `DueWorkSource` that claims its own due rows and acts on them. The scheduler (src/scheduler/)
 * only keeps time: each tick runs every source's pass once.
 *
 * Adding a source (e.g. notice reminders, issue 12):
 *
 * ```ts
 * // src/services/notices/reminder-source.ts
 * export class NoticeReminderSource implements DueWorkSource {
 *   readonly name = "notice-reminders";
 *   constructor(private readonly db: Db, private readonly notifier: Notifier) {}
 *   async runPass(pass: PassContext): Promise<SourcePassResult> {
 *     // 1. claim due rows with one statement (a lease: claimedBy = pass.instanceId, claimedUntil = pass.leaseUntil;
 *     //    FOR UPDATE SKIP LOCKED on PostgreSQL) — see src/db/sql/claim-due-assignments.ts;
 *     // 2. ask the pure policy what each row needs at pass.now;
 *     // 3. in ONE transaction per batch: queue the outbox messages, record what fired, store each row's
 *     //    next action time and release its lease — guarded so a row another pass already advanced is skipped;
 *     //    when pass.dryRun, describe what would be queued and write nothing (pass.rollback does it for you).
 *     return { claimed, acted, queued };
 *   }
 * }
 * // src/app.ts — the sources are composed where the scheduler is built:
 * //   sources: [...createEscalationSources(...), new NoticeReminderSource(db, services.notifier)]
 * ```
 * A source must be safe to run in two processes at once (two instances on one PostgreSQL
 * database) and after a crash at any point: nothing twice, nothing skipped.
 */
import type { DbProvider } from "../db/client.js";
import type { PassDigests } from "./escalation/pass-digests.js";

export interface PassContext {
  /** The instant the pass acts at: the clock, or `peygir sweep --at`. */
  now: Date;
  /** Describe what would be queued, write nothing. */
  dryRun: boolean;
  /** Names this process in leases. */
  instanceId: string;
  /** Until when a claim made in this pass holds. */
  leaseUntil: Date;
  provider: DbProvider;
  /**
   * The pass's governorate digests, merged into one per recipient when the pass ends (in a dry run,
   * described as merged).
   */
  digests?: PassDigests;
}

/** One message a pass queued (or, in a dry run, would queue). */
export interface QueuedNotice {
  /** Person the message is for, by name (for operators: `peygir sweep` prints these). */
  recipient: string;
  /** What it is: "reminder", "digest", "weekly_report:compliance"… */
  kind: string;
  /** One line on what it says. */
  summary: string;
  /** Messages queued for the person (one per reachable chat; 0 = unreachable). */
  messages: number;
}

export interface SourcePassResult {
  /** Rows claimed (due) in this pass. */
  claimed: number;
  /** Rows acted on (something fired or was skipped). */
  acted: number;
  queued: QueuedNotice[];
}

/** What a source will do in a window of time, from the same policy (`peygir upcoming`). */
export interface UpcomingEntry {
  at: Date;
  committee: string;
  recipients: string[];
  what: string;
}

export interface DueWorkSource {
  readonly name: string;
  /** One pass at `pass.now`: claims this source's due rows and acts on them. */
  runPass(pass: PassContext): Promise<SourcePassResult>;
  /** What will happen in (from, until], optionally for one committee. */
  upcoming?(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]>;
  /** Releases leases a crashed process left: `owner`'s, or every one when no owner is given. */
  releaseStaleClaims?(owner?: string): Promise<void>;
  /** After every source ran: sends what the pass held back to bundle (its digests); returns what that queued. */
  finishPass?(pass: PassContext): Promise<QueuedNotice[]>;
}

/** Thrown inside a dry run's transaction to undo it after describing it. */
export class DryRunRollback extends Error {
  override name = "DryRunRollback";
}

/**
 * The loop every claiming source runs: claim a batch, act on it, again, until a claim comes back
 * empty. A short batch does not mean none is left: on PostgreSQL another instance's locks
 * (SKIP LOCKED) may have hidden rows it then leaves. A dry run reads the due rows once.
 */
export async function runClaimedBatches(
  pass: PassContext,
  next: { dryRun: () => Promise<number[]>; claim: () => Promise<number[]> },
  runBatch: (ids: number[]) => Promise<{ acted: number; queued: QueuedNotice[] }>,
): Promise<SourcePassResult> {
  const result: SourcePassResult = { claimed: 0, acted: 0, queued: [] };
  for (;;) {
    const ids = pass.dryRun ? await next.dryRun() : await next.claim();
    if (ids.length === 0) break;
    result.claimed += ids.length;
    const batch = await runBatch(ids);
    result.acted += batch.acted;
    result.queued.push(...batch.queued);
    if (pass.dryRun) break;
  }
  return result;
}
