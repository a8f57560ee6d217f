/**
 * Checkpoints the SQLite WAL from a worker thread, so the bot's thread never does.
 *
 * SQLite copies the WAL back into the database file (a checkpoint) on the commit that finds the
 * WAL past 1,000 pages: on the bot's connection that made one commit in a hundred take several
 * milliseconds (it writes and syncs the database file), the tail of the handling latency
 * (bench/inbound.ts). Here a second connection, in its own thread, checkpoints every
 * CHECKPOINT_EVERY_MS without blocking the writer (a PASSIVE checkpoint copies what no reader
 * still needs, and WAL mode lets the writer go on meanwhile). The bot's connection keeps
 * checkpointing itself only past SAFETY_NET_PAGES, should this thread fall behind or fail.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { Db } from "./client.js";
import type { Component } from "../shared/component.js";

const CHECKPOINT_EVERY_MS = 200;
/** The bot's own connection checkpoints past this many pages (16 MB of 4 KB pages); SQLite's default is 1,000. */
const SAFETY_NET_PAGES = 4_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** The worker's code: plain JavaScript (it runs from the sources and from dist/ alike), given the driver's path. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try { checkpoint.run(); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
}, workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); try { checkpoint.run(); } finally { db.close(); parentPort.close(); } });
`;

export class SqliteCheckpointer implements Component {
  readonly name = "sqlite checkpointer";
  #worker: Worker | undefined;
  #lastError: string | undefined;

  /** `file`: the database file the bot's connection `db` has open. */
  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: this.file, everyMs: CHECKPOINT_EVERY_MS } });
    worker.on("message", ({ error }: { error: string }) => {
      // A busy moment (another process's checkpoint) is not news; a new kind of failure is, once.
      if (error !== this.#lastError)
        this.logger.warn({ error }, "a WAL checkpoint failed; the bot's connection checkpoints if the WAL grows");
      this.#lastError = error;
    });
    worker.on("error", (err) => this.logger.error({ err }, "the WAL checkpointer stopped; the bot's connection checkpoints itself"));
    worker.unref();
    this.#worker = worker;
    await this.db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    await this.db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // Unreferenced while it runs (it must not keep the process alive), but its last checkpoint is awaited.
    worker.ref();
    worker.postMessage("stop");
    await exited;
  }
}
