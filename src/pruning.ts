/**
 * Hourly housekeeping, one component of src/app.ts: forgets handled updates older than a week (the
 * platforms re-deliver an update for a day at most), deletes the stored files whose sends ended
 * more than the retention ago, and, on PostgreSQL, the chats' shared pace rows long past. Each
 * pass logs its own failure and the next hour tries again.
 */
import type { Logger } from "pino";
import { providerOfClient, type Db } from "./db/client.js";
import { deletePastChatPace } from "./db/sql/delete-past-chat-pace.js";
import { deleteSentOutboxFiles } from "./db/sql/delete-sent-outbox-files.js";
import { DAY_MS, HOUR_MS } from "./domain/calendar/index.js";
import type { Clock } from "./shared/clock.js";
import type { Component } from "./shared/component.js";
import type { UpdateInbox } from "./updates/inbox.js";

const INBOX_RETENTION_MS = 7 * DAY_MS;
const EVERY_MS = HOUR_MS;

export interface PruningOptions {
  /** The inboxes of the platforms' intakes (read at each pass: they exist once the intakes started). */
  inboxes: () => UpdateInbox[];
  db: Db;
  /** How long a stored file is kept after its sends ended. */
  fileRetentionMs: number;
  clock: Clock;
  logger: Logger;
}

export class Pruning implements Component {
  readonly name = "pruning";
  #timer: NodeJS.Timeout | undefined;
  /** The pass under way, so a stop waits for it before the database closes. */
  #pass: Promise<void> = Promise.resolve();

  constructor(private readonly o: PruningOptions) {}

  async start(): Promise<void> {
    this.#run();
    this.#timer = setInterval(() => this.#run(), EVERY_MS).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#pass;
  }

  #run(): void {
    this.#pass = this.#pass.then(() => this.#prune());
  }

  async #prune(): Promise<void> {
    const { db, logger } = this.o;
    const now = this.o.clock.now().getTime();
    await this.#inboxes(new Date(now - INBOX_RETENTION_MS)).catch((err: unknown) => logger.warn({ err }, "pruning handled updates failed"));
    await deleteSentOutboxFiles(db, new Date(now - this.o.fileRetentionMs)).then(
      (files) => {
        if (files > 0) logger.info({ files }, "deleted stored files whose sends ended");
      },
      (err: unknown) => logger.warn({ err }, "deleting stored files whose sends ended failed"),
    );
    if (providerOfClient(db) === "postgres")
      await deletePastChatPace(db).catch((err: unknown) => logger.warn({ err }, "forgetting past chat paces failed"));
  }

  async #inboxes(before: Date): Promise<void> {
    await Promise.all(this.o.inboxes().map((inbox) => inbox.prune(before)));
  }
}
