/**
 * Handles stored updates with a bot: each update once, its completion recorded in the inbox.
 * An update that throws is logged and still marked (a poison update must not loop forever);
 * only a crash leaves an update unfinished, and it is handled again on the next start.
 */
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { UpdateInbox } from "./inbox.js";

export class UpdateProcessor {
  readonly #inFlight = new Set<Promise<void>>();

  constructor(
    private readonly bot: Bot<never>,
    private readonly inbox: UpdateInbox,
    private readonly logger: Logger,
  ) {}

  process(update: Update): Promise<void> {
    const task = this.#handle(update).finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
    return task;
  }

  /** Resolves when every update under way has finished (for an orderly stop). */
  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  async #handle(update: Update): Promise<void> {
    try {
      await this.bot.handleUpdate(update as never);
    } catch (err) {
      this.logger.error({ err, updateId: update.update_id }, "update handling failed");
    }
    await this.inbox.markProcessed(update.update_id);
  }

  /**
   * Re-handles what a crash interrupted, in order, before new updates are taken. With a lease
   * (a named instance on PostgreSQL, where other instances may be handling updates right now)
   * only what has waited longer than `lease.ms` is taken, and taken over so that no other
   * instance takes it too; with `lease.own` (at start) this instance's own unfinished updates too.
   */
  async recover(lease?: { ms: number; own: boolean }): Promise<number> {
    const unfinished = lease === undefined ? await this.inbox.unfinished() : await this.inbox.takeOverStale(lease.ms, lease.own);
    for (const update of unfinished) await this.process(update);
    if (unfinished.length) this.logger.info({ count: unfinished.length }, "re-handled updates interrupted by the last stop");
    return unfinished.length;
  }
}
