/**
 * The global rate of one platform shared by several instances on one PostgreSQL database: each
 * batch of sends reserves its instants in the database (db/sql/reserve-send-slots.ts), so two
 * instances together send no faster than one would. Each instance keeps its in-memory limiter
 * too (per-chat gaps, 429 holds, the window over its own sends); this adds the instants, and
 * each chat's gap after an answered send (db/sql/space-chat-sends.ts), which the outbox claim
 * respects, so two instances together send to one chat no faster than one would.
 *
 * The instants are a gap apart plus a margin: a request reaches the platform some time after its
 * instant (a late event loop here or there, the request's own way), and two instances' requests
 * late by different amounts crowd a window. With instants (1 s + B)/rate apart, no window of one
 * second holds more than the rate while no request is later than B (LATENESS_BUDGET_MS); the
 * price is the rate × B / 1 s of the limit left unused (at 30/s with 150 ms, 26/s are used).
 * A send later than LATE_MS past its instant before it even leaves does not use it but reserves
 * again, which keeps most of that budget for the request's way.
 */
import type { Db } from "../db/client.js";
import { reserveSendSlots } from "../db/sql/reserve-send-slots.js";
import { spaceChatSends } from "../db/sql/space-chat-sends.js";
import { CHAT_MARGIN } from "./rate-limiter.js";

/** How late a request may reach the platform after its instant without crowding a window. */
export const LATENESS_BUDGET_MS = 150;
/** A reserved instant missed by more than this is not used (see above). */
export const LATE_MS = 30;

export class SharedPace {
  readonly #gapMs: number;
  readonly #chatGapMs: number;

  constructor(
    private readonly db: Db,
    private readonly platform: string,
    perSecond: number,
    perChatPerSecond: number,
  ) {
    this.#gapMs = (1000 + LATENESS_BUDGET_MS) / perSecond;
    // The in-memory limiter's chat gap, from the answer: the request arrived before it.
    this.#chatGapMs = (1000 / perChatPerSecond) * CHAT_MARGIN;
  }

  /**
   * The platform answered a send to `chatId`: no instance claims its next message for a chat
   * gap from now. Call it before the send is recorded (the record makes that message claimable).
   */
  spaceChat(chatId: string): Promise<void> {
    return spaceChatSends(this.db, { platform: this.platform, chatId, gapMs: this.#chatGapMs });
  }

  /**
   * Reserves `count` instants; returns them as performance.now() milliseconds, earliest first.
   * The database counts from its own now, so the instances' clocks need not agree.
   */
  async reserve(count: number): Promise<number[]> {
    if (count <= 0) return [];
    const startInMs = await reserveSendSlots(this.db, { platform: this.platform, count, gapMs: this.#gapMs });
    // Counted from the answer, the later bound of the database's now: never before the instant.
    const answered = performance.now();
    return Array.from({ length: count }, (_, i) => answered + startInMs + i * this.#gapMs);
  }

  /** Waits for an instant of its own: one reserved now, reserved again whenever one was missed. */
  async next(instants: number[]): Promise<void> {
    for (;;) {
      const at = instants.shift() ?? (await this.reserve(1))[0]!;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (performance.now() - at <= LATE_MS) return;
    }
  }
}
