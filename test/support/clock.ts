/** Clocks for tests and benchmarks that move through dates. */
import type { Clock } from "../../src/shared/clock.js";

/**
 * A clock set to a chosen instant that then runs at real speed, and can be moved. A frozen
 * ManualClock would freeze the outbox's pacing too (a chat's next send is "now + gap"), so the
 * tests that move through dates use this one.
 */
export class TravelClock implements Clock {
  #offsetMs: number;
  constructor(start: Date) {
    this.#offsetMs = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }
  set(t: Date): void {
    this.#offsetMs = t.getTime() - Date.now();
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}

/**
 * The minute an instant falls in. A TravelClock runs on after `set`, so what a pass stamps "now"
 * can be a few milliseconds past the instant the test chose: compare minutes, not milliseconds.
 */
export const toMinute = (t: Date | null): Date | null => (t ? new Date(Math.floor(t.getTime() / 60_000) * 60_000) : null);
