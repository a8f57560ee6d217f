/**
 * TimeSlice (src/shared/time-slice.ts): long work gives timers their turn once its slice is over,
 * and costs no turn within it.
 */
import { describe, expect, it } from "vitest";
import { TimeSlice } from "../../../src/shared/time-slice.js";

const busy = (ms: number) => {
  for (const until = performance.now() + ms; performance.now() < until;);
};

describe("TimeSlice", () => {
  it("lets a due timer fire once the slice is over, and keeps the thread within it", async () => {
    const slice = new TimeSlice();
    let fired = false;
    setTimeout(() => (fired = true), 0);
    busy(2);
    await slice.yield();
    // Within the slice: no turn was given, so the due timer has not run.
    expect(fired).toBe(false);
    // Past it, twice (a turn given from the poll phase may come before the timers' phase).
    for (let i = 0; i < 2 && !fired; i++) {
      busy(15);
      await slice.yield();
    }
    expect(fired).toBe(true);
  });
});
