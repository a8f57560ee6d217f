/**
 * Wakes this process's dispatchers when another process (a second instance, the CLI) queued
 * messages: LISTEN on a dedicated PostgreSQL connection, reconnecting with a backoff when it
 * drops, and waking every dispatcher after a reconnect (a notification may have been missed).
 * Off on SQLite, whose other processes are found by the dispatchers' safety poll. The notifying
 * side is `announce`, run after the commit that queued the rows.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import { PLATFORMS, type Platform } from "../config/index.js";
import type { Db, DbProvider } from "../db/client.js";
import { notifyOutbox, OUTBOX_CHANNEL } from "../db/sql/notify-outbox.js";
import type { Component } from "../shared/component.js";

export interface WakeChannelOptions {
  db: Db;
  provider: DbProvider;
  /** The database URL, for the listening connection (PostgreSQL only). */
  url: string;
  logger: Logger;
  /** Wakes this process's dispatcher of `platform`. */
  wake: (platform: Platform) => void;
}

const MAX_RECONNECT_MS = 30_000;

export class OutboxWakeChannel implements Component {
  readonly name = "outbox wake channel";
  /** Tells this process's own notifications from others' (it wakes its dispatchers directly). */
  readonly #sender = randomUUID();
  readonly #o: WakeChannelOptions;
  #client?: pg.Client;
  #stopped = false;
  #attempt = 0;
  #retry?: NodeJS.Timeout;
  readonly #announcing = new Set<Platform>();

  constructor(options: WakeChannelOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    if (this.#o.provider !== "postgres") return;
    this.#stopped = false;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  /**
   * Rows were queued for `platform` and committed: wake its dispatcher here at once and, on
   * PostgreSQL, the other processes' (one NOTIFY per platform for all the rows of a moment).
   */
  announce(platform: Platform): void {
    this.#o.wake(platform);
    if (this.#o.provider !== "postgres" || this.#announcing.has(platform)) return;
    this.#announcing.add(platform);
    setImmediate(() => {
      this.#announcing.delete(platform);
      notifyOutbox(this.#o.db, platform, this.#sender).catch((err: unknown) =>
        this.#o.logger.warn({ err }, "outbox NOTIFY failed; other instances find the rows at their poll"),
      );
    });
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#o.url });
    client.on("notification", (message) => {
      const [platform, sender] = (message.payload ?? "").split(" ");
      if (sender !== this.#sender && PLATFORMS.includes(platform as Platform)) this.#o.wake(platform as Platform);
    });
    client.on("error", (err) => {
      this.#o.logger.warn({ err }, "outbox LISTEN connection failed; reconnecting");
      this.#reconnect(client);
    });
    client.on("end", () => this.#reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      this.#o.logger.warn({ err }, "cannot LISTEN for queued outbox rows yet; retrying (the safety poll runs meanwhile)");
      this.#reconnect(client);
      return;
    }
    if (this.#stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    if (this.#attempt > 0) for (const platform of PLATFORMS) this.#o.wake(platform);
    this.#attempt = 0;
  }

  /** Drops `client` (once) and connects again after a backoff, unless stopping. */
  #reconnect(client: pg.Client): void {
    if (this.#client === client) this.#client = undefined;
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    if (this.#stopped || this.#retry) return;
    const wait = Math.min(MAX_RECONNECT_MS, 500 * 2 ** this.#attempt++);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.#connect();
    }, wait);
    this.#retry.unref();
  }
}
