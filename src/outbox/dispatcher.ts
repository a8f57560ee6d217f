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
import type { Db, DbProvider } from "../db/client.js";
import { identitiesChanged } from "../db/identity-changes.js";
import { claimOutboxBatch, type ClaimedOutboxRow } from "../db/sql/claim-outbox-batch.js";
import { markOutboxSent } from "../db/sql/mark-outbox-sent.js";
import type { Clock } from "../shared/clock.js";
import { KeyedLock } from "../shared/keyed-lock.js";
import type { Component } from "../shared/component.js";
import { releaseStale, type StaleClaims } from "../shared/stale-claims.js";
import { platformTransformer } from "../platforms/api-transformer.js";
import { PROFILES } from "../platforms/profile.js";
import { errorText, scrubSecrets } from "../logging/scrub.js";
import { isStoredFileRef, isStoredUpload } from "./outbox.js";
import { RateLimiter } from "./rate-limiter.js";
import type { SharedPace } from "./shared-pace.js";

export interface DispatcherOptions {
  platform: PlatformConfig;
  db: Db;
  provider: DbProvider;
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
  /** Rows claimed at most per statement (also bounded by the room left in flight). */
  batchSize?: number;
  api?: Api;
  /** Shared with the bot, whose interactive replies count against the same limits. */
  limiter?: RateLimiter;
  /** The global rate shared with other instances (PostgreSQL); none: this process alone sends. */
  pace?: SharedPace;
  /** Whose claims `start` takes back first (default none; see shared/stale-claims.ts). */
  staleClaims?: StaleClaims;
}

/** When due rows wait only for their chat's pace, look again this soon. */
const HELD_CHAT_RECHECK_MS = 25;
/** How far ahead of their sending rows are claimed (see the limit in #step). */
const CLAIM_AHEAD_MS = 100;
/** Chats left out of one claim by name; beyond this a claimed row of a paced chat is given back. */
const MAX_SKIPPED_CHATS = 500;

type Row = ClaimedOutboxRow;

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

export class OutboxDispatcher implements Component {
  readonly #o: Required<Omit<DispatcherOptions, "api" | "limiter" | "pace">> & { api: Api };
  readonly #limiter: RateLimiter;
  readonly #pace?: SharedPace;
  readonly #inFlightChats = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  /** Held, per stored file's key, while its first upload is under way: its other sends wait for the file id. */
  readonly #uploads = new KeyedLock();
  #running = false;
  #loop?: Promise<void>;
  #wakeUp?: () => void;
  #woken = false;
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
      staleClaims: { kind: "none" },
      ...options,
      api,
    };
    this.#limiter = options.limiter ?? new RateLimiter(options.platform.ratePerSecond, options.platform.ratePerChatPerSecond);
    this.#pace = options.pace;
  }

  get platform() {
    return this.#o.platform.platform;
  }

  get name() {
    return `${this.platform} outbox`;
  }

  /** Releases claims a crashed process left: `owner`'s, or every one when no owner is given. */
  async releaseStaleClaims(owner?: string): Promise<number> {
    const { count } = await this.#o.db.outboxMessage.updateMany({
      where: { platform: this.platform, status: "pending", claimedBy: owner ?? { not: null } },
      data: { claimedBy: null, claimedUntil: null },
    });
    return count;
  }

  /** Takes back the claims a crashed run left (as `staleClaims` allows), then sends until stopped. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await releaseStale(this.#o.staleClaims, (owner) => this.releaseStaleClaims(owner));
    this.#loop = this.#run().catch((err: unknown) => this.#o.logger.fatal({ err }, "outbox dispatcher stopped"));
  }

  /** Something was queued: look at the table now instead of at the next poll. */
  wake(): void {
    this.#woken = true;
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
        const { started, paced } = await this.#step();
        if (started) continue;
        if (this.#inFlight.size) await Promise.race(this.#inFlight);
        else if (paced) await delay(HELD_CHAT_RECHECK_MS);
        else if (!(await this.#anyDue())) return;
        else await delay(HELD_CHAT_RECHECK_MS);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        // A wake from here on is for rows this step may not see: the sleep after it returns at once.
        this.#woken = false;
        const { started, paced } = await this.#step();
        if (!started) await this.#sleep(paced ? HELD_CHAT_RECHECK_MS : await this.#untilNextDue());
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

  /** True while some pending row is due and not claimed (its chat's turn may still be coming). */
  async #anyDue(): Promise<boolean> {
    const now = this.#o.clock.now();
    const row = await this.#o.db.outboxMessage.findFirst({
      where: {
        platform: this.platform,
        status: "pending",
        notBefore: { lte: now },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      select: { id: true },
    });
    return row !== null;
  }

  /**
   * Claims, in one statement, as many due rows as there is room for in flight (the oldest first,
   * only the head of each chat's queue, no chat with a send under way or waiting out its pace),
   * then starts them, pacing them evenly. Returns how many it started, and whether chats were
   * left out for their pace (their rows may be due).
   */
  async #step(): Promise<{ started: number; paced: boolean }> {
    if (this.#inFlight.size >= this.#o.maxInFlight) await Promise.race(this.#inFlight);
    // Pacing runs on a monotonic clock: it is about real seconds at the API, and must not jump
    // when the business clock (injected, maybe moved in tests or by NTP) does.
    this.#limiter.prune(performance.now());
    const pacedChats = this.#limiter.waitingChats(performance.now());
    const skipChats = [...new Set([...this.#inFlightChats, ...pacedChats])].slice(0, MAX_SKIPPED_CHATS);
    const now = this.#o.clock.now();
    const rows = await claimOutboxBatch(this.#o.db, this.#o.provider, {
      platform: this.platform,
      now,
      owner: this.#o.instanceId,
      leaseUntil: new Date(now.getTime() + this.#o.leaseMs),
      // No more than can leave within a moment at the global pace (sends behind its schedule
      // included): a claimed row is no longer re-rendered or replaced (a card that changed, a
      // newer edit), so it should not wait long.
      limit: Math.min(
        this.#o.batchSize,
        this.#o.maxInFlight - this.#inFlight.size,
        this.#limiter.dueWithin(performance.now(), CLAIM_AHEAD_MS),
      ),
      skipChats,
      // Other instances send to these chats too: each chat's gap is kept in the database.
      sharedChatPace: this.#pace !== undefined,
    });
    let started = 0;
    const unsent: number[] = [];
    // Other instances send too: this batch's instants are reserved at once, in the database.
    const instants = this.#pace
      ? await this.#pace.reserve(rows.filter((r) => this.#limiter.chatReady(r.chatId, performance.now())).length)
      : [];
    for (const row of rows) {
      // Stopping, or a chat past the skip list's length that is not ready: give the claim back.
      if ((!this.#running && !this.#draining) || !this.#limiter.chatReady(row.chatId, performance.now())) {
        unsent.push(row.id);
        continue;
      }
      // Asked again after each wait: a window full of unanswered sends is known only when they are.
      for (let wait; (wait = this.#limiter.globalWait(performance.now())) > 0;) await delay(wait);
      if (this.#pace) await this.#pace.next(instants);
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
    if (unsent.length) await this.#release(unsent);
    return { started, paced: pacedChats.length > 0 };
  }

  /** Gives back claims this dispatcher took but will not send now. */
  async #release(ids: number[]): Promise<void> {
    await this.#o.db.outboxMessage.updateMany({
      where: { id: { in: ids }, claimedBy: this.#o.instanceId, status: "pending" },
      data: { claimedBy: null, claimedUntil: null },
    });
  }

  async #send(row: Row): Promise<void> {
    const log = this.#o.logger.child({ outboxId: row.id, chatId: row.chatId });
    let outcome: Outcome;
    let firstUpload: { key: string; field: string; done: () => void } | undefined;
    try {
      const files = await this.#storedFiles(row.payload as Record<string, unknown>);
      firstUpload = files.firstUpload;
      const params = withUploads({ ...files.payload, chat_id: row.chatId });
      const result = (await this.#o.api.raw[row.method as "sendMessage"](params as never)) as SentResult;
      outcome = { kind: "sent", messageId: result?.message_id !== undefined ? String(result.message_id) : undefined };
      if (firstUpload) await this.#keepFileId(firstUpload.key, fileIdOf(result, firstUpload.field));
    } catch (error) {
      outcome = isUnchangedEdit(row.method, error)
        ? // The message already says this (a press redrew it first): the edit has nothing left to do.
          { kind: "sent", messageId: String((row.payload as { message_id?: unknown }).message_id ?? "") || undefined }
        : classify(error, row.attempts + 1, this.#o.maxAttempts, this.#o.retryBaseMs);
    } finally {
      firstUpload?.done();
    }
    this.#limiter.answered(row.chatId, performance.now());
    try {
      // Before the record, which makes the chat's next message claimable by any instance.
      await this.#pace?.spaceChat(row.chatId);
    } catch (err) {
      // Only another instance could send to the chat too soon (a 429 then, and a retry).
      log.warn({ err }, "could not keep the chat's pace in the database");
    }
    try {
      await this.#record(row, outcome);
    } catch (err) {
      // The claim's lease will expire and the row be retried: better than losing it.
      log.error({ err }, "could not record the outcome of a send");
    }
    if (outcome.kind === "sent") log.debug("sent");
    else log.warn({ outcome: outcome.kind, error: outcome.error }, "send did not succeed");
  }

  /**
   * The payload with each stored file it names (OutgoingStoredFile) as the file id this platform
   * returned for it, or else as its bytes to upload: then this send is the file's first upload
   * here, and other sends of it wait for it to end (and send the id it leaves).
   */
  async #storedFiles(payload: Record<string, unknown>): Promise<{
    payload: Record<string, unknown>;
    firstUpload?: { key: string; field: string; done: () => void };
  }> {
    const entry = Object.entries(payload).find(([, value]) => isStoredFileRef(value));
    if (!entry) return { payload };
    const [field, ref] = entry as [string, { stored: string }];
    // Taken before the file is read, so that a second send cannot read it too and upload again.
    const done = await this.#uploads.acquire(ref.stored);
    const file = await this.#o.db.outboxFile.findUnique({ where: { key: ref.stored } }).catch((err: unknown) => {
      done();
      throw err;
    });
    const fileId = (file?.fileIds as Record<string, string> | null)?.[this.platform];
    if (!file || fileId) done();
    if (!file) throw new Error(`stored file ${ref.stored} is missing`);
    if (fileId) return { payload: { ...payload, [field]: fileId } };
    const upload = { upload: Buffer.from(file.bytes).toString("base64"), fileName: file.fileName };
    return { payload: { ...payload, [field]: upload }, firstUpload: { key: ref.stored, field, done } };
  }

  /** Keeps the file id this platform returned for a stored file's first upload, for its other sends. */
  async #keepFileId(key: string, fileId: string | undefined): Promise<void> {
    if (!fileId) return;
    try {
      const file = await this.#o.db.outboxFile.findUnique({ where: { key }, select: { fileIds: true } });
      const fileIds = { ...((file?.fileIds as Record<string, string> | null) ?? {}), [this.platform]: fileId };
      await this.#o.db.outboxFile.update({ where: { key }, data: { fileIds } });
    } catch (err) {
      // The message went out; without the id the next send uploads the bytes again, no worse.
      this.#o.logger.warn({ err, key }, "could not keep a stored file's id");
    }
  }

  async #record(row: Row, outcome: Outcome): Promise<void> {
    const db = this.#o.db;
    const now = this.#o.clock.now();
    if (outcome.kind === "sent") {
      await markOutboxSent(db, row, outcome.messageId ?? null, now);
      return;
    }
    if (outcome.kind === "retry") {
      const until = now.getTime() + outcome.after;
      if (outcome.chatHold) this.#limiter.holdChat(row.chatId, performance.now() + outcome.after);
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
        // A remembered caller who wrote again must be marked reachable again (IdentityService.touch).
        identitiesChanged(tx);
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
    if (this.#woken) return Promise.resolve();
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

/** What a send method returns, as far as the dispatcher reads it. */
interface SentResult {
  message_id?: number;
  document?: { file_id: string };
  photo?: { file_id: string }[];
}

/** The file id the platform gave a file sent as `field` (document, or photo: its largest size). */
function fileIdOf(result: SentResult, field: string): string | undefined {
  if (field === "photo") return result.photo?.at(-1)?.file_id;
  return field === "document" ? result.document?.file_id : undefined;
}

/** A row's stored uploads (a chart's bytes) as files grammY sends as multipart. */
function withUploads(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params))
    out[key] = isStoredUpload(value) ? new InputFile(Buffer.from(value.upload, "base64"), value.fileName) : value;
  return out;
}
