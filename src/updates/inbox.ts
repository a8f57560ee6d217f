/**
 * The durable inbox of one bot: every update is written down before it is handled and marked
 * when handling finished. This gives two guarantees the Bot API alone does not:
 * a re-delivered update_id (Telegram/Bale retry webhooks; polling repeats unconfirmed updates)
 * is handled once, and an update that a crash interrupted is handled again on restart.
 */
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import { insertInboundUpdates } from "../db/sql/insert-inbound-updates.js";
import { markUpdatesProcessed } from "../db/sql/mark-updates-processed.js";
import { takeOverStaleUpdates } from "../db/sql/take-over-stale-updates.js";
import { briefError } from "../logging/scrub.js";
import { audit } from "../services/audit.js";
import type { Clock } from "../shared/clock.js";

export class UpdateInbox {
  /** Updates handled since the last write, marked together (see markProcessed). */
  #toMark: number[] = [];
  #marking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly platform: Platform,
    private readonly botId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** This process's instance id, written on each update it stores or takes over. */
    private readonly instanceId: string,
  ) {}

  /**
   * Stores a batch; returns the updates not seen before, in order, as stored. One statement
   * whatever the batch (insert, skipping ids already stored, and say which went in): it runs
   * for every getUpdates answer, often of one or two updates, and Prisma's cost per query is
   * what limits the bot under load (bench/inbound.ts). ON CONFLICT … DO NOTHING RETURNING reads
   * the same on SQLite and PostgreSQL, and makes two instances storing the same update harmless.
   *
   * Text the databases refuse (a lone UTF-16 surrogate, a NUL) is cleaned first. Should the batch
   * still fail, its updates are stored one by one and the one that cannot be is set aside (see
   * #setAside), so one bad update can never stop intake. It throws only when nothing can be
   * written at all (the database is away): the caller retries the batch.
   */
  async accept(updates: readonly Update[]): Promise<Update[]> {
    const unique = dedupeById(updates.map(sanitiseUpdate));
    if (unique.length === 0) return [];
    try {
      return await this.#insert(unique);
    } catch (batchError) {
      if (unique.length === 1) return (await this.#acceptAlone(unique[0]!, batchError)) ? unique : [];
      const fresh: Update[] = [];
      for (const update of unique) if (await this.#acceptAlone(update)) fresh.push(update);
      return fresh;
    }
  }

  async #insert(updates: readonly Update[]): Promise<Update[]> {
    const now = this.clock.now();
    const fresh = await insertInboundUpdates(
      this.db,
      updates.map((u) => ({
        platform: this.platform,
        botId: this.botId,
        updateId: u.update_id,
        payload: u as object,
        receivedAt: now,
        instanceId: this.instanceId,
      })),
    );
    return updates.filter((u) => fresh.has(u.update_id));
  }

  /** Stores one update; true when it is new. One that cannot be stored is set aside (false). */
  async #acceptAlone(update: Update, knownError?: unknown): Promise<boolean> {
    let error = knownError;
    if (error === undefined) {
      try {
        return (await this.#insert([update])).length === 1;
      } catch (e) {
        error = e;
      }
    }
    await this.#setAside(update, error);
    return false;
  }

  /**
   * An update no database write could take: one log line and an audit row, both without the
   * payload (it may be huge, and it is what the database refused), and it is not handled. A
   * failure to write the audit row means the database itself is away: that is thrown, so the
   * batch is retried later instead of being set aside.
   */
  async #setAside(update: Update, error: unknown): Promise<void> {
    const facts = { updateId: update.update_id, kinds: Object.keys(update).filter((k) => k !== "update_id"), reason: briefError(error) };
    await audit(
      this.db,
      { kind: "system", platform: this.platform },
      "update.set_aside",
      "InboundUpdate",
      update.update_id,
      facts,
      this.clock.now(),
    );
    this.logger.error({ ...facts, platform: this.platform }, "update set aside: it cannot be stored");
  }

  /**
   * Records that an update was handled; resolves once that is written. Updates finishing in the
   * same turn of the event loop are marked by one statement (a group commit): this runs for
   * every update, and one write per update was a large share of the bot's cost under load
   * (bench/inbound.ts). It is plain SQL for the same reason.
   */
  markProcessed(updateId: number): Promise<void> {
    this.#toMark.push(updateId);
    this.#marking ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const ids = this.#toMark;
        this.#toMark = [];
        this.#marking = undefined;
        this.#markAll(ids).then(resolve, reject);
      });
    });
    return this.#marking;
  }

  async #markAll(updateIds: number[]): Promise<void> {
    await markUpdatesProcessed(this.db, { platform: this.platform, botId: this.botId }, updateIds, this.clock.now());
  }

  /** Updates received but never finished (the process died while handling them), oldest first. */
  async unfinished(): Promise<Update[]> {
    const rows = await this.db.inboundUpdate.findMany({
      where: { platform: this.platform, botId: this.botId, processedAt: null },
      orderBy: { updateId: "asc" },
      select: { payload: true },
    });
    return rows.map((r) => r.payload as unknown as Update);
  }

  /**
   * Updates another instance stored more than `leaseMs` ago and never finished (it died while
   * handling them, so the platform's retry, wherever it went, found them stored), taken over by
   * this one, oldest first. With `own` (at start) also those this instance stored or took and
   * left unfinished, whatever their age: it restarted, so nobody is handling them. Each is taken
   * by one instance only (db/sql/take-over-stale-updates.ts).
   */
  takeOverStale(leaseMs: number, own = false): Promise<Update[]> {
    const now = this.clock.now();
    return takeOverStaleUpdates(this.db, {
      platform: this.platform,
      botId: this.botId,
      now,
      staleBefore: new Date(now.getTime() - leaseMs),
      instanceId: this.instanceId,
      own,
    });
  }

  /** The offset to resume polling from: one past the highest update stored. */
  async nextOffset(): Promise<number> {
    const last = await this.db.inboundUpdate.findFirst({
      where: { platform: this.platform, botId: this.botId },
      orderBy: { updateId: "desc" },
      select: { updateId: true },
    });
    return last ? last.updateId + 1 : 0;
  }

  /** Forgets handled updates older than `before` (the platforms re-deliver for at most a day). */
  async prune(before: Date): Promise<number> {
    const { count } = await this.db.inboundUpdate.deleteMany({
      where: { platform: this.platform, botId: this.botId, processedAt: { lt: before } },
    });
    return count;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NUL = "\u0000";

/**
 * The update with every string (keys included) made storable on both databases: a lone UTF-16
 * surrogate becomes U+FFFD (PostgreSQL's jsonb and many JSON codecs refuse it) and NUL is dropped
 * (jsonb refuses it; no text we keep needs it). The same object comes back when nothing needed it.
 */
export function sanitiseUpdate<T>(value: T): T {
  // Almost no update needs it: look first without allocating (the copy below allocated an array
  // per object of every update, 4% of the bot's allocations under load, bench/inbound.ts).
  return needsCleaningDeep(value) ? (clean(value) as T) : value;
}

function needsCleaningDeep(value: unknown): boolean {
  if (typeof value === "string") return needsCleaning(value);
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(needsCleaningDeep);
  for (const key in value) if (needsCleaning(key) || needsCleaningDeep((value as Record<string, unknown>)[key])) return true;
  return false;
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return needsCleaning(value) ? value.replace(LONE_SURROGATE, "\uFFFD").replaceAll(NUL, "") : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map(clean);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const [ck, cv] = [clean(k) as string, clean(v)];
    if (ck !== k || cv !== v) changed = true;
    return [ck, cv] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}

function needsCleaning(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

function dedupeById(updates: Update[]): Update[] {
  const ids = new Set<number>();
  return updates.filter((u) => !ids.has(u.update_id) && ids.add(u.update_id));
}
