import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  HOUR_MS,
  type JalaliDate,
  addJalaliDays,
  isValidJalali,
  jalaliMonthLength,
  jalaliToInstant,
  jalaliWeekday,
  toJalali,
} from "../../../src/domain/calendar/index.js";

/** ICU's Persian calendar: an implementation independent of jalaali-js, used as an oracle. */
const icuPersian = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

function icuJalali(utcNoon: Date): JalaliDate {
  const parts = icuPersian.formatToParts(utcNoon);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { jy: n("year"), jm: n("month"), jd: n("day") };
}

describe("Jalali ⇄ Gregorian, every day of 1300–1500", () => {
  it("round-trips, is contiguous, agrees with ICU, and weekdays cycle", () => {
    expect(icuPersian.resolvedOptions().calendar).toBe("persian");
    let previous: { instant: number; weekday: number } | undefined;
    let days = 0;
    for (let jy = 1300; jy <= 1500; jy++) {
      for (let jm = 1; jm <= 12; jm++) {
        for (let jd = 1; jd <= jalaliMonthLength(jy, jm); jd++) {
          const d = { jy, jm, jd };
          const instant = jalaliToInstant(d);
          const back = toJalali(instant);
          if (back.jy !== jy || back.jm !== jm || back.jd !== jd) expect(back).toEqual(d);
          const last = toJalali(new Date(instant.getTime() + DAY_MS - 1));
          if (last.jd !== jd) expect(last).toEqual(d);
          const oracle = icuJalali(new Date(instant.getTime() + 12 * HOUR_MS));
          if (oracle.jy !== jy || oracle.jm !== jm || oracle.jd !== jd) expect(oracle).toEqual(d);
          const weekday = jalaliWeekday(d);
          if (previous) {
            if (instant.getTime() - previous.instant !== DAY_MS) expect(instant.getTime() - previous.instant).toBe(DAY_MS);
            if (weekday !== (previous.weekday + 1) % 7) expect(weekday).toBe((previous.weekday + 1) % 7);
          }
          previous = { instant: instant.getTime(), weekday };
          days++;
        }
      }
    }
    // 201 years, 49 of them leap (the 33-year cycle puts 8 leaps in every 33 years).
    expect(days).toBeGreaterThan(73_000);
    expect(days).toBeLessThan(73_500);
  });
});

describe("properties", () => {
  const instantIn1300to1500 = fc.date({
    min: new Date("1921-03-22T00:00:00Z"),
    max: new Date("2122-03-19T00:00:00Z"),
    noInvalidDate: true,
  });

  it("every instant lies in the Tehran day toJalali names", () => {
    fc.assert(
      fc.property(instantIn1300to1500, (t) => {
        const start = jalaliToInstant(toJalali(t)).getTime();
        return start <= t.getTime() && t.getTime() < start + DAY_MS;
      }),
    );
  });

  it("adding days then their negation is the identity, and jumps n days", () => {
    const jalali = fc
      .record({ jy: fc.integer({ min: 1300, max: 1500 }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 31 }) })
      .filter(isValidJalali);
    fc.assert(
      fc.property(jalali, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const moved = addJalaliDays(d, n);
        expect(addJalaliDays(moved, -n)).toEqual(d);
        expect(jalaliToInstant(moved).getTime() - jalaliToInstant(d).getTime()).toBe(n * DAY_MS);
      }),
    );
  });
});
