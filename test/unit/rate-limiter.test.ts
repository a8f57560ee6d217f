import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/outbox/rate-limiter.js";

describe("RateLimiter", () => {
  it("spaces sends evenly so no one-second window exceeds the global rate", () => {
    const limiter = new RateLimiter(30, 1);
    const sends: number[] = [];
    let now = 0;
    for (let chat = 0; sends.length < 90;) {
      const wait = limiter.globalWait(now);
      now += wait;
      if (!limiter.chatReady(String(chat), now)) throw new Error("fresh chat should be ready");
      limiter.take(String(chat++), now);
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
    limiter.holdChat("a", 10_000, 2000);
    expect(limiter.chatWait("a", 2000)).toBe(8000);
  });

  it("obeys holds from 429 answers, per chat and for everything", () => {
    const limiter = new RateLimiter(30, 1);
    limiter.holdChat("a", 5000, 0);
    expect(limiter.chatReady("a", 4999)).toBe(false);
    expect(limiter.chatReady("a", 5000)).toBe(true);
    limiter.holdAll(2000);
    expect(limiter.globalWait(500)).toBe(1500);
  });

  it("gives a refused send's global slot back", () => {
    const limiter = new RateLimiter(10, 1);
    limiter.take("a", 0);
    limiter.take("b", 0);
    expect(limiter.globalWait(0)).toBeCloseTo(206, 0);
    limiter.holdChat("b", 1000, 0);
    expect(limiter.globalWait(0)).toBeCloseTo(103, 0);
  });

  it("forgets chats whose gap has passed", () => {
    const limiter = new RateLimiter(30, 1);
    limiter.take("a", 0);
    limiter.prune(2000);
    expect(limiter.chatReady("a", 0)).toBe(true);
  });
});
