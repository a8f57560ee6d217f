import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CalendarConfig,
  addJalaliDays,
  compareJalali,
  createWorkCalendar,
  jalaliToInstant,
  toJalali,
} from "../../../src/domain/calendar/index.js";

const config: fc.Arbitrary<CalendarConfig> = fc.record({
  thursday: fc.constantFrom("off", "half", "working"),
  thursdayCloses: fc.constantFrom("10:00", "12:00", "13:30"),
  officeHours: fc.constantFrom({ start: "08:00", end: "14:00" }, { start: "07:30", end: "14:30" }, { start: "07:00", end: "15:00" }),
  extraHolidays: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 }).map((offsets) =>
    offsets.map((n) => {
      const d = addJalaliDays({ jy: 1404, jm: 1, jd: 1 }, n);
      return `${d.jy}/${d.jm}/${d.jd}`;
    }),
  ),
});

/** Any instant from 1404 to the end of 1406: official and estimated holiday years. */
const instant = fc.date({
  min: jalaliToInstant({ jy: 1404, jm: 1, jd: 1 }),
  max: jalaliToInstant({ jy: 1406, jm: 12, jd: 1 }),
  noInvalidDate: true,
});
const count = fc.integer({ min: 0, max: 40 });

describe("N working days after T", () => {
  it("is working time (so never on a day off) and not before T", () => {
    fc.assert(
      fc.property(config, instant, count, (cfg, t, n) => {
        const c = createWorkCalendar(cfg);
        const r = c.addWorkingDays(t, n);
        expect(c.isWorkingDay(toJalali(r))).toBe(true);
        expect(c.isWorkingTime(r)).toBe(true);
        expect(r.getTime()).toBeGreaterThanOrEqual(t.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("strictly increases with N", () => {
    fc.assert(
      fc.property(config, instant, count, (cfg, t, n) => {
        const c = createWorkCalendar(cfg);
        expect(c.addWorkingDays(t, n + 1).getTime()).toBeGreaterThan(c.addWorkingDays(t, n).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("lands N working days later: workingDaysBetween inverts it", () => {
    fc.assert(
      fc.property(config, instant, count, (cfg, t, n) => {
        const c = createWorkCalendar(cfg);
        expect(c.workingDaysBetween(t, c.addWorkingDays(t, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it("is on the N-th working day after the day it starts from", () => {
    fc.assert(
      fc.property(config, instant, fc.integer({ min: 1, max: 40 }), (cfg, t, n) => {
        const c = createWorkCalendar(cfg);
        const start = toJalali(c.nextWorkingInstant(t));
        const target = c.addWorkingDaysToDate(start, n);
        const r = toJalali(c.addWorkingDays(t, n));
        // The target day itself, or the next working day when the time of day is past its (half-day) closing.
        expect(compareJalali(r, target) === 0 || compareJalali(r, c.addWorkingDaysToDate(target, 1)) === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("windows", () => {
  it("the next window start is an opening, at or after T, with only days off in between", () => {
    fc.assert(
      fc.property(config, instant, (cfg, t) => {
        const c = createWorkCalendar(cfg);
        const s = c.nextWorkingWindowStart(t);
        const d = toJalali(s);
        expect(s.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(s).toEqual(c.openingOf(d));
        for (let x = addJalaliDays(toJalali(t), 1); compareJalali(x, d) < 0; x = addJalaliDays(x, 1)) {
          expect(c.isWorkingDay(x)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("isWorkingTime agrees with opening and closing", () => {
    fc.assert(
      fc.property(config, instant, (cfg, t) => {
        const c = createWorkCalendar(cfg);
        const d = toJalali(t);
        const inside = c.isWorkingDay(d) && c.openingOf(d) <= t && t < c.closingOf(d);
        expect(c.isWorkingTime(t)).toBe(inside);
      }),
      { numRuns: 300 },
    );
  });
});
