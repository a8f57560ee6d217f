/**
 * One governorate digest per recipient (and committee) per scheduler pass, however many sources
 * and batches contribute to it (the ladder's overdue items, the weekly cycles' missing reports).
 *
 * Each source still queues its digest in its own transaction — so a crash loses nothing — but
 * holds it: the outbox rows carry a claim named after the pass and the recipient, so no dispatcher
 * sends them, and the pass remembers the entries. After every source ran, `flush` turns each
 * recipient's held rows into one message: a single contribution is released as it is; several are
 * deleted and replaced by one digest of all their entries, in one transaction. If the pass dies
 * before flushing, the hold is an ordinary claim: it lapses with the lease (and SQLite's
 * dispatcher releases every claim at start), and the held digests go out as they were.
 *
 * A dry run gathers the digests the same way (each source's transaction is rolled back, but what
 * it would have held is remembered), and `flush` describes the merged message in a transaction it
 * rolls back too: the dry run reports what the pass would send, one message per recipient.
 */
import type { Platform } from "../../config/index.js";
import type { Db, DbProvider } from "../../db/client.js";
import { DryRunRollback, type QueuedNotice } from "../due-work.js";
import type { Notifier } from "../notifications.js";
import type { DigestEntry } from "../render/digest.js";
import { BundleBook } from "./bundles.js";
import type { Contact } from "./directory.js";

interface Held {
  contact: Contact;
  committeeId: number;
  committee: string;
  entries: DigestEntry[];
  /** Outbox rows held for this recipient, over every contribution. */
  rows: number;
  contributions: number;
}

export class PassDigests {
  readonly #held = new Map<string, Held>();

  constructor(
    /** Names this pass in the holds: another pass's held rows are never touched. */
    private readonly passKey: string,
    /** Until when a hold protects the rows (the pass's lease). */
    readonly holdUntil: Date,
    /** A dry run's: describe the merged digests, write nothing. */
    private readonly dryRun = false,
  ) {}

  /** The claim a held digest's rows carry. */
  holdOf(personId: number, committeeId: number): string {
    return `digest-hold:${this.passKey}:person:${personId}:committee:${committeeId}`;
  }

  /** Records a digest a source queued (held) in its transaction. */
  add(contact: Contact, committeeId: number, committee: string, entries: readonly DigestEntry[], rows: number): void {
    const key = this.holdOf(contact.personId, committeeId);
    const held = this.#held.get(key) ?? { contact, committeeId, committee, entries: [], rows: 0, contributions: 0 };
    held.entries.push(...entries);
    held.rows += rows;
    held.contributions++;
    this.#held.set(key, held);
  }

  /**
   * Releases or merges every held digest; returns the merged messages queued. A merge whose held
   * rows are no longer all there (the hold lapsed and a dispatcher took some) is undone, and what
   * is left is released: those parts go out as they were, nothing twice.
   */
  async flush(db: Db, notifier: Notifier, now: Date, provider: DbProvider): Promise<QueuedNotice[]> {
    const queued: QueuedNotice[] = [];
    if (this.dryRun) {
      for (const held of this.#held.values())
        if (held.contributions > 1 && held.rows > 0) queued.push(...(await this.#describeMerged(db, notifier, now, held)));
      this.#held.clear();
      return queued;
    }
    for (const [hold, held] of this.#held) {
      if (held.contributions > 1 && held.rows > 0) {
        try {
          queued.push(
            ...(await db.$transaction(async (tx) => {
              const { count } = await tx.outboxMessage.deleteMany({ where: { claimedBy: hold, status: "pending" } });
              if (count !== held.rows) throw new HoldLapsed();
              const book = new BundleBook();
              for (const entry of held.entries) book.digest(held.contact, held.committeeId, held.committee, entry);
              return book.queue(tx, notifier, now, provider);
            })),
          );
          continue;
        } catch (error) {
          if (!(error instanceof HoldLapsed)) throw error;
        }
      }
      const rows = await db.outboxMessage.findMany({ where: { claimedBy: hold, status: "pending" }, select: { platform: true } });
      await db.outboxMessage.updateMany({ where: { claimedBy: hold, status: "pending" }, data: { claimedBy: null, claimedUntil: null } });
      for (const platform of new Set(rows.map((r) => r.platform as Platform))) notifier.wake(platform);
    }
    this.#held.clear();
    return queued;
  }

  /** What the merged digest would queue, from a transaction rolled back. */
  async #describeMerged(db: Db, notifier: Notifier, now: Date, held: Held): Promise<QueuedNotice[]> {
    try {
      await db.$transaction(async (tx) => {
        const book = new BundleBook();
        for (const entry of held.entries) book.digest(held.contact, held.committeeId, held.committee, entry);
        throw new DryRunRollback(JSON.stringify(await book.queue(tx, notifier, now)));
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return JSON.parse(error.message) as QueuedNotice[];
      throw error;
    }
    return [];
  }
}

class HoldLapsed extends Error {
  override name = "HoldLapsed";
}
