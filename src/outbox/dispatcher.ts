/**
 * Drains the outbox of one platform through its Bot API, within its rate limits.
 *
 * Delivery guarantees:
 * - a row is claimed with a lease before its request leaves, and marked `sent` only after the
 *   API accepted it, so a crash loses nothing: an unfinished claim expires and is sent again;
 * - a row marked `sent` is never sent again, so a restart repeats nothing the API had accepted
 *   and we had recorded. The Bot API has no idempotency key: a request the API accepted in the
 *   instant before a crash, with its answer lost, is sent again (we prefer a duplicate to a loss);
 * - messages to one chat leave in the order they were queued, one at a time.
 */
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { Logger } from "pino";
import type { PlatformConfig } from "../config/index.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../shared/clock.js";
import { platformTransformer } from "../platforms/api-transformer.js";
import { PROFILES } from "../platforms/profile.js";
import { errorText, scrubSecrets } from "../logging/scrub.js";
import { isStoredUpload } from "./outbox.js";
import { RateLimiter } from "./rate-limiter.js";

export interface DispatcherOptions {
  platform: PlatformConfig;
  db: Db;
  clock: Clock;
  logger: Logger;
  instanceId: string;
  /** How long a claim protects a row from other dispatchers (must exceed the request timeout). */
  leaseMs?: number;
  /** How often the table is polled when nobody wakes the dispatcher. */
  pollMs?: number;
  maxInFlight?: number;
  maxAttempts?: number;
  requestTimeoutSeconds?: number;
  /** First backoff after a transient failure. */
  retryBaseMs?: number;
  /** Rows read per look at the table. */
  batchSize?: number;
  api?: Api;
  /** Shared with the bot, whose interactive replies count against the same limits. */
  limiter?: RateLimiter;
}

/** When due rows wait only for their chat's pace, look again this soon. */
const HELD_CHAT_RECHECK_MS = 25;

type Row = { id: number; chatId: string; method: string; payload: unknown; attempts: number; identityId: number | null };

type Outcome =
  | { kind: "sent"; messageId?: string }
  | { kind: "retry"; after: number; error: string; chatHold?: boolean; globalHold?: boolean }
  | { kind: "failed"; error: string; unreachable?: boolean };

/** Exponential backoff for transient failures: base, 2×base, … capped at 10 minutes, with jitter. */
export function backoffMs(attempt: number, baseMs = 2_000): number {
  const base = Math.min(600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * What to do after a failed send. The error text it carries is scrubbed of secrets: it is stored
 * (lastError, an identity's unreachableReason, the audit row) and logged, and network errors
 * quote the request URL, which holds the token.
 */
export function classify(error: unknown, attempts: number, maxAttempts: number, retryBaseMs = 2_000): Outcome {
  if (error instanceof GrammyError) {
    const description = scrubSecrets(`${error.error_code} ${error.description}`);
    if (error.error_code === 429) {
      const seconds = Number(error.parameters?.retry_after ?? 1);
      return { kind: "retry", after: Math.max(1, seconds) * 1000, error: description, chatHold: true };
    }
    if (error.error_code === 403) return { kind: "failed", error: description, unreachable: true };
    // 401/404 mean the bot itself is misconfigured, not this message: keep it and try later.
    if (error.error_code >= 500 || error.error_code === 401 || error.error_code === 409) {
      return attempts >= maxAttempts
        ? { kind: "failed", error: description }
        : { kind: "retry", after: backoffMs(attempts, retryBaseMs), error: description };
    }
    return { kind: "failed", error: description };
  }
  const message = error instanceof HttpError ? `network: ${errorText(error.error ?? error)}` : errorText(error);
  return attempts >= maxAttempts
    ? { kind: "failed", error: message }
    : { kind: "retry", after: backoffMs(attempts, retryBaseMs), error: message };
}

/** An edit refused because the message already has exactly that text and keyboard. */
export function isUnchangedEdit(method: string, error: unknown): boolean {
  return (
    method === "editMessageText" && error instanceof GrammyError && error.error_code === 400 && /not modified/i.test(error.description)
  );
}

export class OutboxDispatcher {
  readonly #o: Required<Omit<DispatcherOptions, "api" | "limiter">> & { api: Api };
  readonly #limiter: RateLimiter;
  readonly #inFlightChats = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  #running = false;
  #loop?: Promise<void>;
  #wakeUp?: () => void;
  #draining = false;

  constructor(options: DispatcherOptions) {
    const profile = PROFILES[options.platform.platform];
    const api =
      options.api ??
      new Api(options.platform.token, { apiRoot: options.platform.apiRoot, timeoutSeconds: options.requestTimeoutSeconds ?? 30 });
    if (!options.api) api.config.use(platformTransformer(profile));
    this.#o = {
      leaseMs: 60_000,
      pollMs: 1_000,
      maxInFlight: 16,
      maxAttempts: 12,
      requestTimeoutSeconds: 30,
      retryBaseMs: 2_000,
      batchSize: 200,
      ...options,
      api,
    };
    this.#limiter = options.limiter ?? new RateLimiter(options.platform.ratePerSecond, options.platform.ratePerChatPerSecond);
  }

  get platform() {
    return this.#o.platform.platform;
  }

  /** Releases claims this process cannot still hold (single-instance SQLite after a crash). */
  async releaseStaleClaims(): Promise<number> {
    const { count } = await this.#o.db.outboxMessage.updateMany({
      where: { platform: this.platform, status: "pending", claimedBy: { not: null } },
      data: { claimedBy: null, claimedUntil: null },
    });
    return count;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run().catch((err: unknown) => this.#o.logger.fatal({ err }, "outbox dispatcher stopped"));
  }

  /** Something was queued: look at the table now instead of at the next poll. */
  wake(): void {
    this.#wakeUp?.();
  }

  /** Stops taking new rows and waits for the sends already under way. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Sends until nothing is due now (for the CLI and tests). */
  async drain(): Promise<void> {
    this.#draining = true;
    try {
      for (;;) {
        const due = await this.#readDue();
        if (due.length === 0 && this.#inFlight.size === 0) return;
        const started = await this.#step(due);
        if (this.#inFlight.size) await Promise.race(this.#inFlight);
        else if (!started) await delay(HELD_CHAT_RECHECK_MS);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        const due = await this.#readDue();
        const started = await this.#step(due);
        if (!started) await this.#sleep(due.length ? HELD_CHAT_RECHECK_MS : await this.#untilNextDue());
      } catch (err) {
        this.#o.logger.error({ err }, "outbox pass failed; retrying");
        await this.#sleep(this.#o.pollMs);
      }
    }
  }

  /** How long until the earliest pending row falls due (at most one poll interval). */
  async #untilNextDue(): Promise<number> {
    const next = await this.#o.db.outboxMessage.findFirst({
      where: { platform: this.platform, status: "pending" },
      orderBy: { notBefore: "asc" },
      select: { notBefore: true },
    });
    if (!next) return this.#o.pollMs;
    return Math.min(this.#o.pollMs, Math.max(HELD_CHAT_RECHECK_MS, next.notBefore.getTime() - this.#o.clock.now().getTime()));
  }

  async #readDue(): Promise<Row[]> {
    const now = this.#o.clock.now();
    return this.#o.db.outboxMessage.findMany({
      where: {
        platform: this.platform,
        status: "pending",
        notBefore: { lte: now },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: this.#o.batchSize,
      select: { id: true, chatId: true, method: true, payload: true, attempts: true, identityId: true },
    });
  }

  /**
   * Starts as many sends as the limits allow from `due` (oldest first, one per chat), pacing
   * them evenly; returns how many it started.
   */
  async #step(due: Row[]): Promise<number> {
    const seenChats = new Set<string>();
    let started = 0;
    for (const row of due) {
      if (!this.#running && !this.#draining) break;
      // Only the oldest due row of a chat may go, so a chat's messages keep their order.
      if (seenChats.has(row.chatId)) continue;
      seenChats.add(row.chatId);
      if (this.#inFlightChats.has(row.chatId)) continue;
      // Pacing runs on a monotonic clock: it is about real seconds at the API, and must not jump
      // when the business clock (injected, maybe moved in tests or by NTP) does.
      let now = performance.now();
      if (!this.#limiter.chatReady(row.chatId, now)) continue;
      while (this.#inFlight.size >= this.#o.maxInFlight) await Promise.race(this.#inFlight);
      const wait = this.#limiter.globalWait(now);
      if (wait > 0) await delay(wait);
      now = performance.now();
      if (!(await this.#claim(row))) continue;
      // The chat's gap runs from when the request leaves, after the claim (which may take a while).
      this.#limiter.take(row.chatId, performance.now());
      this.#inFlightChats.add(row.chatId);
      const send = this.#send(row).finally(() => {
        this.#inFlightChats.delete(row.chatId);
        this.#inFlight.delete(send);
      });
      this.#inFlight.add(send);
      started++;
    }
    this.#limiter.prune(performance.now());
    return started;
  }

  /**
   * Claims a row for this dispatcher, unless an older row of its chat is still pending (e.g.
   * waiting out a 429): the list we picked from may be older than that row's retry.
   */
  async #claim(row: Row): Promise<boolean> {
    const db = this.#o.db;
    const older = await db.outboxMessage.count({
      where: { platform: this.platform, chatId: row.chatId, status: "pending", id: { lt: row.id } },
    });
    if (older > 0) return false;
    const now = this.#o.clock.now();
    const { count } = await db.outboxMessage.updateMany({
      where: { id: row.id, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedBy: this.#o.instanceId, claimedUntil: new Date(now.getTime() + this.#o.leaseMs) },
    });
    return count === 1;
  }

  async #send(row: Row): Promise<void> {
    const log = this.#o.logger.child({ outboxId: row.id, chatId: row.chatId });
    let outcome: Outcome;
    try {
      const params = withUploads({ ...(row.payload as Record<string, unknown>), chat_id: row.chatId });
      const result = (await this.#o.api.raw[row.method as "sendMessage"](params as never)) as { message_id?: number };
      outcome = { kind: "sent", messageId: result?.message_id !== undefined ? String(result.message_id) : undefined };
    } catch (error) {
      outcome = isUnchangedEdit(row.method, error)
        ? // The message already says this (a press redrew it first): the edit has nothing left to do.
          { kind: "sent", messageId: String((row.payload as { message_id?: unknown }).message_id ?? "") || undefined }
        : classify(error, row.attempts + 1, this.#o.maxAttempts, this.#o.retryBaseMs);
    }
    this.#limiter.answered(row.chatId, performance.now());
    try {
      await this.#record(row, outcome);
    } catch (err) {
      // The claim's lease will expire and the row be retried: better than losing it.
      log.error({ err }, "could not record the outcome of a send");
    }
    if (outcome.kind === "sent") log.debug("sent");
    else log.warn({ outcome: outcome.kind, error: outcome.error }, "send did not succeed");
  }

  async #record(row: Row, outcome: Outcome): Promise<void> {
    const db = this.#o.db;
    const now = this.#o.clock.now();
    if (outcome.kind === "sent") {
      await db.outboxMessage.update({
        where: { id: row.id },
        data: {
          status: "sent",
          sentAt: now,
          messageId: outcome.messageId ?? null,
          attempts: row.attempts + 1,
          claimedBy: null,
          claimedUntil: null,
        },
      });
      return;
    }
    if (outcome.kind === "retry") {
      const until = now.getTime() + outcome.after;
      if (outcome.chatHold) this.#limiter.holdChat(row.chatId, performance.now() + outcome.after, performance.now());
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { attempts: row.attempts + 1, notBefore: new Date(until), lastError: outcome.error, claimedBy: null, claimedUntil: null },
      });
      return;
    }
    await db.$transaction(async (tx) => {
      await tx.outboxMessage.update({
        where: { id: row.id },
        data: { status: "failed", attempts: row.attempts + 1, lastError: outcome.error, claimedBy: null, claimedUntil: null },
      });
      if (outcome.unreachable) {
        // The user blocked the bot: everything else queued for that chat would fail the same way.
        await tx.outboxMessage.updateMany({
          where: { platform: this.platform, chatId: row.chatId, status: "pending" },
          data: { status: "failed", lastError: outcome.error },
        });
        await tx.chatIdentity.updateMany({
          where: { platform: this.platform, chatId: row.chatId },
          data: { reachable: false, unreachableReason: outcome.error, unreachableAt: now },
        });
        await tx.auditLog.create({
          data: {
            actorKind: "system",
            platform: this.platform,
            action: "identity.unreachable",
            entity: "ChatIdentity",
            entityId: row.chatId,
            data: { reason: outcome.error },
          },
        });
      }
    });
    this.#o.logger.warn(
      {
        event: "delivery.failed",
        outboxId: row.id,
        chatId: row.chatId,
        error: outcome.error,
        unreachable: !!outcome.unreachable,
      },
      "delivery failed",
    );
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A row's stored uploads (a chart's bytes) as files grammY sends as multipart. */
function withUploads(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params))
    out[key] = isStoredUpload(value) ? new InputFile(Buffer.from(value.upload, "base64"), value.fileName) : value;
  return out;
}
