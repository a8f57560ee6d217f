// Flood limits as sliding windows: a send is admitted only if every window it falls in has room.
// Telegram's numbers (30/s per bot, 1/s per chat, 20/min per group) are the usual configuration;
// Bale does not publish its limits, so tests pick theirs. Nothing is limited unless configured.
import { tooManyRequests } from "./errors.js";
import type { RateLimitOptions } from "./types.js";

export const DEFAULT_LIMITED_METHODS: readonly string[] = [
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "editMessageText",
  "editMessageCaption",
  "editMessageReplyMarkup",
];

/** Timestamps of admitted sends per key, oldest first; at most `limit` are kept per key. */
class SlidingWindow {
  private readonly stamps = new Map<string, number[]>();
  private checks = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the key has room again (0: room now). */
  waitMs(key: string, now: number): number {
    const stamps = this.stamps.get(key);
    if (!stamps || stamps.length < this.limit) return 0;
    return Math.max(0, stamps[stamps.length - this.limit]! + this.windowMs - now);
  }

  record(key: string, now: number): void {
    let stamps = this.stamps.get(key);
    if (!stamps) this.stamps.set(key, (stamps = []));
    stamps.push(now);
    if (stamps.length > this.limit) stamps.shift();
    if (++this.checks % 10_000 === 0) this.forgetIdle(now);
  }

  /** Keeps memory flat over long benchmarks: keys whose window passed are forgotten. */
  private forgetIdle(now: number): void {
    for (const [key, stamps] of this.stamps) {
      if (stamps[stamps.length - 1]! + this.windowMs <= now) this.stamps.delete(key);
    }
  }
}

export interface SendTarget {
  token: string;
  chatId: number;
  isGroup: boolean;
}

export class RateLimiter {
  private readonly global?: SlidingWindow;
  private readonly perChat?: SlidingWindow;
  private readonly perGroup?: SlidingWindow;
  private readonly methods: ReadonlySet<string>;

  constructor(options: RateLimitOptions = {}) {
    if (options.globalPerSecond) this.global = new SlidingWindow(options.globalPerSecond, 1000);
    if (options.perChatPerSecond) this.perChat = new SlidingWindow(options.perChatPerSecond, 1000);
    if (options.perGroupPerMinute) this.perGroup = new SlidingWindow(options.perGroupPerMinute, 60_000);
    this.methods = new Set(options.methods ?? DEFAULT_LIMITED_METHODS);
  }

  counts(method: string): boolean {
    return this.methods.has(method);
  }

  /** Admits the send or throws 429 with the whole seconds until every window has room. */
  admit(target: SendTarget, now: number): void {
    const windows: [SlidingWindow | undefined, string][] = [
      [this.global, target.token],
      [this.perChat, `${target.token}:${target.chatId}`],
      [target.isGroup ? this.perGroup : undefined, `${target.token}:${target.chatId}`],
    ];
    let wait = 0;
    for (const [window, key] of windows) if (window) wait = Math.max(wait, window.waitMs(key, now));
    if (wait > 0) throw tooManyRequests(Math.max(1, Math.ceil(wait / 1000)));
    for (const [window, key] of windows) window?.record(key, now);
  }
}
