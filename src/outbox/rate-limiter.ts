/**
 * Send pacing for one platform: a global rate (messages per second, evenly spaced so that no
 * one-second window ever holds more than the limit) and a per-chat rate, plus holds imposed by
 * 429 answers. Pure bookkeeping over monotonic milliseconds (performance.now()), never the
 * business clock, which tests and NTP may move. The dispatcher asks and waits; the bot's
 * interactive replies are recorded too, since the platform counts them against the same limits.
 *
 * Gaps carry a small margin: requests leave at our pace but arrive with network jitter, and
 * the platform measures arrivals. A chat's next notification also waits a full gap after the
 * answer to its last one (`answered`, from the dispatcher and after interactive replies): the
 * request arrived before its answer came back, so however late it travelled (a loaded machine, a
 * slow network), the platform sees the two a gap apart. Interactive replies themselves wait only
 * the plain gap before they leave, so as not to hold the handler.
 */
const MARGIN = 1.03;

export class RateLimiter {
  readonly #globalGapMs: number;
  readonly #chatGapMs: number;
  #nextGlobalAt = 0;
  #heldUntil = 0;
  readonly #nextChatAt = new Map<string, number>();

  constructor(perSecond: number, perChatPerSecond: number) {
    this.#globalGapMs = (1000 / perSecond) * MARGIN;
    this.#chatGapMs = (1000 / perChatPerSecond) * MARGIN;
  }

  /** Milliseconds until any message may leave (0 = now). */
  globalWait(now: number): number {
    return Math.max(0, this.#nextGlobalAt - now, this.#heldUntil - now);
  }

  chatReady(chatId: string, now: number): boolean {
    return (this.#nextChatAt.get(chatId) ?? 0) <= now;
  }

  /** Records a send to `chatId` at `now`; the caller checked globalWait and chatReady. */
  take(chatId: string, now: number): void {
    // Keep to the schedule when a send leaves a little late (the claim took a millisecond or
    // two); only after a real pause does the schedule restart from now.
    const onSchedule = this.#nextGlobalAt >= now - this.#globalGapMs;
    this.#nextGlobalAt = (onSchedule ? Math.max(this.#nextGlobalAt, now - this.#globalGapMs / 2) : now) + this.#globalGapMs;
    this.#nextChatAt.set(chatId, now + this.#chatGapMs);
  }

  /** Milliseconds until `chatId` may get its next message (0 = now), 429 holds included. */
  chatWait(chatId: string, now: number): number {
    return Math.max(0, (this.#nextChatAt.get(chatId) ?? 0) - now);
  }

  /** The API answered a send to `chatId` at `now`: its next message waits a gap from here too. */
  answered(chatId: string, now: number): void {
    this.#nextChatAt.set(chatId, Math.max(this.#nextChatAt.get(chatId) ?? 0, now + this.#chatGapMs));
  }

  /** A send made elsewhere (an interactive reply): counted; its sender decides whether to wait (send-recorder.ts). */
  record(chatId: string, now: number): void {
    this.take(chatId, now);
  }

  /**
   * A 429 for one chat: nothing more to that chat until `until`. The refused send delivered
   * nothing, so its slot in the global pace is given back to the other chats.
   */
  holdChat(chatId: string, until: number, now: number): void {
    this.#nextChatAt.set(chatId, Math.max(until, this.#nextChatAt.get(chatId) ?? 0));
    this.#nextGlobalAt = Math.max(now, this.#nextGlobalAt - this.#globalGapMs);
  }

  /** A flood signal for the whole bot: nothing at all until `until`. */
  holdAll(until: number): void {
    this.#heldUntil = Math.max(this.#heldUntil, until);
  }

  /** The chats that must wait before their next message (their gap or a 429 hold has not passed). */
  waitingChats(now: number): string[] {
    const chats: string[] = [];
    for (const [chat, at] of this.#nextChatAt) if (at > now) chats.push(chat);
    return chats;
  }

  /** Forgets chats whose gap has passed, so the map stays as small as the active chats. */
  prune(now: number): void {
    for (const [chat, at] of this.#nextChatAt) if (at <= now) this.#nextChatAt.delete(chat);
  }
}
