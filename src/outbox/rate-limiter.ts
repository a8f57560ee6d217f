/**
 * Send pacing for one platform: a global rate (messages per second) and a per-chat rate, plus
 * holds imposed by 429 answers. Pure bookkeeping over monotonic milliseconds (performance.now()),
 * never the business clock, which tests and NTP may move. The dispatcher asks and waits; the
 * bot's interactive replies are recorded too, since the platform counts them against the same
 * limits.
 *
 * The global rate is kept two ways at once:
 * - a schedule of send instants, evenly spaced: a send that leaves late (a timer firing late, a
 *   claim that took a while, a loaded machine) does not push the later instants back, so the
 *   sends after it catch up, at twice the pace (never closer than half a gap: no bursts) and by
 *   at most CATCH_UP_MS' worth; only after an idle window does the schedule restart from now;
 * - a sliding window, the platform's own rule: no more than N sends in any window. The platform
 *   counts arrivals, which we do not see, and a loaded machine delays a request by any amount
 *   before it arrives; but it arrived before its answer came back. So a send counts as long as it
 *   is unanswered, and once answered, until a window after its answer less the part of a round
 *   trip spent travelling back (estimated by the fastest of the last ROUND_TRIPS_KEPT round trips, less
 *   ARRIVAL_SLACK_MS: the new request travels there as long). On the in-process fake the round
 *   trip is all processing and the window runs from the answer; on a real link it runs from about
 *   the arrival. Either way a delay in travel or a stalled event loop can no longer make the
 *   platform see more than N in its window. A send the platform refused (429) delivered nothing
 *   and is not counted there: its place is given back.
 *
 * A chat's next notification also waits a full gap after the answer to its last one (`answered`,
 * from the dispatcher and after interactive replies): the request arrived before its answer came
 * back, so however late it travelled, the platform sees the two a gap apart. Interactive replies
 * themselves wait only the plain gap before they leave, so as not to hold the handler.
 */
/** A chat's gap is this much longer than 1 s / its rate: the platform's clock and ours differ a little. */
export const CHAT_MARGIN = 1.03;
/** Round trips the travel-back estimate is taken over: many, so that a stall's slow ones do not make it. */
const ROUND_TRIPS_KEPT = 200;
/** How soon to look again when the window is full of sends still unanswered. */
export const IN_FLIGHT_RECHECK_MS = 5;
/** Of the fastest round trip, this much is taken for processing rather than travel back. */
export const ARRIVAL_SLACK_MS = 10;
/** How far behind its schedule the global pace may catch up (sends that left late). */
export const CATCH_UP_MS = 250;

/** One send in the global window: when it left and, once the API answered, when. */
interface Stamp {
  chatId: string;
  sentAt: number;
  answeredAt?: number;
}

export class RateLimiter {
  /** Sends allowed per window, and the window's length: 30/s is 30 per 1000 ms, 0.5/s is 1 per 2000 ms. */
  readonly #windowCount: number;
  readonly #windowMs: number;
  readonly #globalGapMs: number;
  readonly #chatGapMs: number;
  /** The sends that may still count in a window, oldest first. */
  #stamps: Stamp[] = [];
  /** The schedule's next send instant. */
  #nextSlot = -Infinity;
  /** Half a gap after the last send: catching up never bunches sends closer. */
  #notBefore = 0;
  #heldUntil = 0;
  readonly #nextChatAt = new Map<string, number>();
  /** The latest round trips, whose fastest estimates how long an answer travels back. */
  readonly #roundTrips: number[] = [];

  constructor(perSecond: number, perChatPerSecond: number) {
    this.#windowCount = Math.max(1, Math.floor(perSecond));
    this.#windowMs = (1000 * this.#windowCount) / perSecond;
    this.#globalGapMs = 1000 / perSecond;
    this.#chatGapMs = (1000 / perChatPerSecond) * CHAT_MARGIN;
  }

  /** Milliseconds until any message may leave (0 = now), or until it is worth asking again. */
  globalWait(now: number): number {
    return Math.max(0, this.#slotAt(now) - now, this.#notBefore - now, this.#windowFreeAt(now) - now, this.#heldUntil - now);
  }

  /**
   * How many sends the global pace lets leave from now until `now + horizonMs` (at least 1), so
   * that no more is claimed than can leave soon. Sends behind schedule count as due now.
   */
  dueWithin(now: number, horizonMs: number): number {
    const horizon = now + horizonMs;
    if (this.#windowFreeAt(now) > horizon) return 1;
    const start = Math.max(this.#slotAt(now), this.#heldUntil);
    const bySchedule = Math.floor((horizon - start) / this.#globalGapMs) + 1;
    const bySpacing = Math.floor((horizon - Math.max(now, this.#notBefore)) / (this.#globalGapMs / 2)) + 1;
    return Math.max(1, Math.min(this.#windowCount, bySchedule, bySpacing));
  }

  chatReady(chatId: string, now: number): boolean {
    return (this.#nextChatAt.get(chatId) ?? 0) <= now;
  }

  /** Records a send to `chatId` at `now`; the caller checked globalWait and chatReady. */
  take(chatId: string, now: number): void {
    this.#nextSlot = this.#slotAt(now) + this.#globalGapMs;
    this.#notBefore = now + this.#globalGapMs / 2;
    // An answered send stops mattering a window after its answer.
    this.#stamps = this.#stamps.filter((s) => s.answeredAt === undefined || s.answeredAt > now - this.#windowMs);
    this.#stamps.push({ chatId, sentAt: now });
    this.#nextChatAt.set(chatId, now + this.#chatGapMs);
  }

  /** Milliseconds until `chatId` may get its next message (0 = now), 429 holds included. */
  chatWait(chatId: string, now: number): number {
    return Math.max(0, (this.#nextChatAt.get(chatId) ?? 0) - now);
  }

  /** The API answered a send to `chatId` at `now`: its next message waits a gap from here too. */
  answered(chatId: string, now: number): void {
    this.#nextChatAt.set(chatId, Math.max(this.#nextChatAt.get(chatId) ?? 0, now + this.#chatGapMs));
    const stamp = this.#lastStamp(chatId);
    if (stamp && stamp.answeredAt === undefined) {
      stamp.answeredAt = Math.max(now, stamp.sentAt);
      this.#roundTrips.push(stamp.answeredAt - stamp.sentAt);
      if (this.#roundTrips.length > ROUND_TRIPS_KEPT) this.#roundTrips.shift();
    }
  }

  /** A send made elsewhere (an interactive reply): counted; its sender decides whether to wait (send-recorder.ts). */
  record(chatId: string, now: number): void {
    this.take(chatId, now);
  }

  /**
   * A 429 for one chat: nothing more to that chat until `until`. The refused send delivered
   * nothing, so its place in the global window is given back to the other chats.
   */
  holdChat(chatId: string, until: number): void {
    this.#nextChatAt.set(chatId, Math.max(until, this.#nextChatAt.get(chatId) ?? 0));
    const stamp = this.#lastStamp(chatId);
    if (!stamp) return;
    this.#stamps = this.#stamps.filter((s) => s !== stamp);
    this.#nextSlot -= this.#globalGapMs;
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

  /** The schedule's instant for a send at `now`: no further behind than CATCH_UP_MS, restarted after an idle window. */
  #slotAt(now: number): number {
    const last = this.#stamps.at(-1);
    if (!last || last.sentAt <= now - this.#windowMs) return Math.max(this.#nextSlot, now);
    return Math.max(this.#nextSlot, now - CATCH_UP_MS);
  }

  /**
   * When the window has room for one more send: fewer than #windowCount sends count after that
   * instant minus the window. Answers come back in any order, so this is over every send still
   * counting, not only the latest few.
   */
  #windowFreeAt(now: number): number {
    const travelBack = this.#roundTrips.length ? Math.max(0, Math.min(...this.#roundTrips) - ARRIVAL_SLACK_MS) : 0;
    const counting = this.#stamps
      .map((s) => (s.answeredAt === undefined ? Infinity : s.answeredAt - travelBack))
      .filter((at) => at > now - this.#windowMs)
      .sort((a, b) => a - b);
    if (counting.length < this.#windowCount) return 0;
    const oldest = counting[counting.length - this.#windowCount]!;
    // Full of unanswered sends: nothing is known until one is answered.
    return Number.isFinite(oldest) ? oldest + this.#windowMs : now + IN_FLIGHT_RECHECK_MS;
  }

  #lastStamp(chatId: string): Stamp | undefined {
    for (let i = this.#stamps.length - 1; i >= 0; i--) if (this.#stamps[i]!.chatId === chatId) return this.#stamps[i];
    return undefined;
  }
}
