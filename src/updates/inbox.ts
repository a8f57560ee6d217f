/**
 * The durable inbox of one bot: every update is written down before it is handled and marked
 * when handling finished. This gives two guarantees the Bot API alone does not:
 * a re-delivered update_id (Telegram/Bale retry webhooks; polling repeats unconfirmed updates)
 * is handled once, and an update that a crash interrupted is handled again on restart.
 */
import type { Update } from "grammy/types";
import type { Platform } from "../config/index.js";
import { Prisma, type Db } from "../db/client.js";
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
  ) {}

  /**
   * Stores a batch; returns the updates not seen before, in order. One statement whatever the
   * batch (insert, skipping ids already stored, and say which went in): it runs for every
   * getUpdates answer, often of one or two updates, and Prisma's cost per query is what limits
   * the bot under load (bench/inbound.ts). ON CONFLICT … DO NOTHING RETURNING reads the same on
   * SQLite and PostgreSQL, and makes two instances storing the same update harmless.
   */
  async accept(updates: readonly Update[]): Promise<Update[]> {
    const unique = dedupeById([...updates]);
    if (unique.length === 0) return [];
    const now = this.clock.now();
    const rows = unique.map((u) => Prisma.sql`(${this.platform}, ${this.botId}, ${u.update_id}, ${u as object}, ${now})`);
    const stored = await this.db.$queryRaw<{ updateId: number }[]>`
      INSERT INTO "InboundUpdate" ("platform", "botId", "updateId", "payload", "receivedAt") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("platform", "botId", "updateId") DO NOTHING
      RETURNING "updateId"`;
    const fresh = new Set(stored.map((row) => Number(row.updateId)));
    return unique.filter((u) => fresh.has(u.update_id));
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
    await this.db.$executeRaw`
      UPDATE "InboundUpdate" SET "processedAt" = ${this.clock.now()}, "payload" = NULL
      WHERE "platform" = ${this.platform} AND "botId" = ${this.botId} AND "updateId" IN (${Prisma.join(updateIds)})`;
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

function dedupeById(updates: Update[]): Update[] {
  const ids = new Set<number>();
  return updates.filter((u) => !ids.has(u.update_id) && ids.add(u.update_id));
}
