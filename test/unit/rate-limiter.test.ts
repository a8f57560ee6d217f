import { describe, expect, it } from "vitest";
import { CATCH_UP_MS, IN_FLIGHT_RECHECK_MS, RateLimiter } from "../../src/outbox/rate-limiter.js";

describe("RateLimiter", () => {
  it("spaces sends evenly so no one-second window exceeds the global rate", () => {
    const limiter = new RateLimiter(30, 1);
    const sends: number[] = [];
    let now = 0;
    for (let chat = 0; sends.length < 90;) {
      const wait = limiter.globalWait(now);
      now += wait;
      if (!limiter.chatReady(String(chat), now)) throw new Error("fresh chat should be ready");
      limiter.take(String(chat), now);
      limiter.answered(String(chat++), now + 3);
      sends.push(now);
    }
    for (let i = 0; i + 30 < sends.length; i++) expect(sends[i + 30]! - sends[i]!).toBeGreaterThanOrEqual(999.9);
    // …yet reaches at least 95% of it.
    expect(sends.at(-1)!).toBeLessThan(3000 / 0.95);
  });

  it("keeps one chat to its own rate", () => {
    const limiter = new RateLimiter(30, 1);
    limiter.take("a", 0);
    expect(limiter.chatReady("a", 999)).toBe(false);
    expect(limiter.chatReady("b", 999)).toBe(true);
    expect(limiter.chatReady("a", 1030)).toBe(true);
  });

  it("says how long a chat must wait, so a reply can wait out the gap after the previous one", () => {
    const limiter = new RateLimiter(30, 1);
    expect(limiter.chatWait("a", 0)).toBe(0);
    limiter.record("a", 0);
    expect(limiter.chatWait("a", 400)).toBeCloseTo(630);
    expect(limiter.chatWait("a", 2000)).toBe(0);
    limiter.holdChat("a", 10_000);
    expect(limiter.chatWait("a", 2000)).toBe(8000);
  });

  it("obeys holds from 429 answers, per chat and for everything", () => {
    const limiter = new RateLimiter(30, 1);
    limiter.holdChat("a", 5000);
    expect(limiter.chatReady("a", 4999)).toBe(false);
    expect(limiter.chatReady("a", 5000)).toBe(true);
    limiter.holdAll(2000);
    expect(limiter.globalWait(500)).toBe(1500);
  });

  it("gives a refused send's global slot back", () => {
    const limiter = new RateLimiter(10, 1);
    limiter.take("a", 0);
    limiter.take("b", 0);
    expect(limiter.globalWait(0)).toBeCloseTo(200, 0);
    limiter.holdChat("b", 1000);
    expect(limiter.globalWait(0)).toBeCloseTo(100, 0);
  });

  it("keeps to its schedule of send instants: sends after a late one catch up, at twice the pace", () => {
    const limiter = new RateLimiter(10, 1);
    limiter.take("a", 0);
    // The next instant was 100; this send left at 160 (a timer fired late): the next may leave at 210.
    expect(limiter.globalWait(160)).toBe(0);
    limiter.take("b", 160);
    expect(limiter.globalWait(160)).toBeCloseTo(50, 5);
    // Stalled until 900: the instants 100…800 are missed; CATCH_UP_MS of them are made up, half a gap apart.
    const late = new RateLimiter(10, 1);
    late.take("a", 0);
    const sends: number[] = [];
    for (let now = 900, chat = 0; sends.length < 8; chat++) {
      now += late.globalWait(now);
      late.take(`c${chat}`, now);
      late.answered(`c${chat}`, now);
      sends.push(Math.round(now));
    }
    expect(CATCH_UP_MS).toBe(250);
    expect(sends).toEqual([900, 950, 1000, 1050, 1100, 1150, 1250, 1350]);
  });

  it("restarts its schedule from now after an idle window, without a burst", () => {
    const limiter = new RateLimiter(10, 1);
    limiter.take("a", 0);
    limiter.take("b", 10_000);
    expect(limiter.globalWait(10_000)).toBeCloseTo(100, 5);
  });

  it("counts a send in its window until a window after its answer, and an unanswered one as long as it is", () => {
    const answered = new RateLimiter(2, 1);
    answered.take("a", 0);
    answered.answered("a", 5);
    answered.take("b", 500);
    answered.answered("b", 505);
    // Two sends per 1000 ms: the third waits for the window, counted from the first answer.
    expect(answered.globalWait(500)).toBeCloseTo(505, 5);
    // Unanswered, a send may arrive any time: the window waits for its answer.
    const silent = new RateLimiter(2, 1);
    silent.take("a", 0);
    silent.take("b", 500);
    expect(silent.globalWait(1000)).toBe(IN_FLIGHT_RECHECK_MS);
    silent.answered("a", 700);
    // The fastest round trip known (700 ms) is taken as mostly travel back: a counts from 10 ms.
    expect(silent.globalWait(1000)).toBeCloseTo(10, 5);
    // On a link of 400 ms round trips (200 each way), the window runs from about the arrival.
    const far = new RateLimiter(1, 1);
    far.take("a", 0);
    far.answered("a", 400);
    expect(far.globalWait(400)).toBeCloseTo(1000 - 400 + 10, 5);
  });

  it("says how many sends may leave within a horizon, catching up what is behind", () => {
    const limiter = new RateLimiter(30, 1);
    expect(limiter.dueWithin(0, 120)).toBe(4);
    limiter.take("a", 0);
    expect(limiter.dueWithin(0, 120)).toBe(3);
    // 200 ms later, six instants were missed: they are due now, and leave half a gap apart.
    expect(limiter.dueWithin(200, 120)).toBe(8);
  });

  it("forgets chats whose gap has passed", () => {
    const limiter = new RateLimiter(30, 1);
    limiter.take("a", 0);
    limiter.prune(2000);
    expect(limiter.chatReady("a", 0)).toBe(true);
  });
});
