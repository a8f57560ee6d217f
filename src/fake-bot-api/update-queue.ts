// One bot's pending updates, with getUpdates' confirmation rules and a single long-poll waiter
// (telegram-bot-api Client::do_get_updates: confirming by offset, negative offsets, one poller at a time).
import type { Update } from "grammy/types";
import type { ApiError } from "./errors.js";

interface Entry {
  update: Update;
  /** A re-delivery: served once whatever the offset, like an update the bot never confirmed. */
  forced: boolean;
}

export type WaitResult = "ready" | "timeout" | "closed" | ApiError;

interface Waiter {
  finish(result: WaitResult): void;
}

const HISTORY_CAP = 10_000;

export class UpdateQueue {
  private entries: Entry[] = [];
  private nextId: number;
  private waiter: Waiter | undefined;
  private wakeScheduled = false;
  /** Recent updates by id, so a test can re-deliver one. */
  private readonly history = new Map<number, Update>();
  /** Called after every push (webhook delivery listens here). */
  onPush: (() => void) | undefined;

  constructor(firstId: number) {
    this.nextId = firstId;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Gives the update the next id and queues it. */
  push<T extends Omit<Update, "update_id">>(body: T): Update {
    const update = { update_id: this.nextId++, ...body } as Update;
    this.remember(update);
    this.enqueue({ update, forced: false });
    return update;
  }

  /** Queues an update again with its original id (a duplicate delivery). */
  redeliver(updateId: number): Update | undefined {
    const update = this.history.get(updateId);
    if (update) this.enqueue({ update, forced: true });
    return update;
  }

  /** Applies getUpdates' offset: positive confirms everything below it; negative keeps the last -offset. */
  confirm(offset: number): void {
    if (offset < 0) {
      const keep = -offset;
      if (this.entries.length > keep) this.entries = this.entries.slice(this.entries.length - keep);
    } else if (offset > 0 && this.entries.some((e) => e.update.update_id < offset && !e.forced)) {
      this.entries = this.entries.filter((e) => e.forced || e.update.update_id >= offset);
    }
  }

  /** Up to `limit` updates without removing them; re-deliveries first. */
  peek(limit: number): Update[] {
    const out: Update[] = [];
    for (const entry of this.entries) {
      if (out.length >= limit) break;
      if (entry.forced) {
        out.push(entry.update);
        entry.forced = false;
      }
    }
    for (const entry of this.entries) {
      if (out.length >= limit) break;
      if (!out.includes(entry.update)) out.push(entry.update);
    }
    return out;
  }

  /** The update a webhook sends next: a re-delivery first, else the oldest. */
  first(): Update | undefined {
    return (this.entries.find((e) => e.forced) ?? this.entries[0])?.update;
  }

  /** Removes one delivered update (webhook acknowledged it). */
  remove(update: Update): void {
    let index = this.entries.findIndex((e) => e.update === update && e.forced);
    if (index < 0) index = this.entries.findIndex((e) => e.update === update);
    if (index >= 0) this.entries.splice(index, 1);
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * Waits for an update. A previous waiter is finished with `superseded` (Telegram answers the older
   * getUpdates with 409 when a newer one starts waiting).
   */
  wait(timeoutMs: number, superseded: ApiError, signal: AbortSignal): Promise<WaitResult> {
    this.finishWaiter(superseded);
    return new Promise<WaitResult>((resolve) => {
      const finish = (result: WaitResult) => {
        if (this.waiter !== waiter) return;
        this.waiter = undefined;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      };
      const waiter: Waiter = { finish };
      const onAbort = () => finish("closed");
      const timer = setTimeout(() => finish("timeout"), timeoutMs);
      signal.addEventListener("abort", onAbort);
      this.waiter = waiter;
    });
  }

  /** Ends a pending long poll (setWebhook, close). */
  finishWaiter(result: WaitResult): void {
    this.waiter?.finish(result);
  }

  private enqueue(entry: Entry): void {
    this.entries.push(entry);
    this.scheduleWake();
    this.onPush?.();
  }

  /** Wakes the poller on the next turn, so updates pushed together are answered together. */
  private scheduleWake(): void {
    if (!this.waiter || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.finishWaiter("ready");
    });
  }

  private remember(update: Update): void {
    this.history.set(update.update_id, update);
    if (this.history.size > HISTORY_CAP) {
      const oldest = this.history.keys().next();
      if (!oldest.done) this.history.delete(oldest.value);
    }
  }
}
