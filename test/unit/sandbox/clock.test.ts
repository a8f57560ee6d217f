/** The sandbox's clock moves: on the pardis-like calendar (Thursday off, 08:00–14:00), forward only. */
import { describe, expect, it } from "vitest";
import { HOUR_MS, createWorkCalendar, instantAt, toJalali } from "../../../src/domain/calendar/index.js";
import { SandboxClock, targetOf } from "../../../src/sandbox/clock.js";

const calendar = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" } });
// Wednesday 1405/09/11, 10:00 Tehran.
const wednesday = instantAt({ jy: 1405, jm: 9, jd: 11 }, 10 * HOUR_MS);

describe("sandbox clock moves", () => {
  it("goes to the next working morning, skipping Thursday and Friday", () => {
    expect(targetOf({ kind: "next-working-morning" }, wednesday, calendar)).toEqual(instantAt({ jy: 1405, jm: 9, jd: 14 }, 8 * HOUR_MS));
  });

  it("adds one working day at the same time of day", () => {
    expect(targetOf({ kind: "working-day" }, wednesday, calendar)).toEqual(instantAt({ jy: 1405, jm: 9, jd: 14 }, 10 * HOUR_MS));
  });

  it("adds a week, and goes to a Jalali date (a Friday: 08:00)", () => {
    expect(toJalali(targetOf({ kind: "week" }, wednesday, calendar)!)).toEqual({ jy: 1405, jm: 9, jd: 18 });
    expect(targetOf({ kind: "date", date: { jy: 1405, jm: 9, jd: 20 } }, wednesday, calendar)).toEqual(
      instantAt({ jy: 1405, jm: 9, jd: 20 }, 8 * HOUR_MS),
    );
  });

  it("never goes back", () => {
    expect(targetOf({ kind: "date", date: { jy: 1405, jm: 9, jd: 1 } }, wednesday, calendar)).toBeUndefined();
    const clock = new SandboxClock();
    const before = clock.now().getTime();
    expect(clock.moveTo(new Date(before - 86_400_000))).toBe(false);
    expect(clock.moveTo(new Date(before + 86_400_000))).toBe(true);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before + 86_400_000);
  });
});
