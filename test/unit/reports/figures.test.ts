/**
 * The figures against values worked out by hand on test/support/report-fixture.ts
 * (now: Monday 1405/09/23 10:00; Thursday, Friday and 1405/09/24 off).
 */
import { describe, expect, it } from "vitest";
import { computeFigures, periodContaining } from "../../../src/domain/reports/index.js";
import { jalaliToInstant } from "../../../src/domain/calendar/index.js";
import { NOW, reportFixture } from "../../support/report-fixture.js";

const year = computeFigures(reportFixture("year"));
const agency = (code: string) => year.agencies.find((a) => a.agency.code === code)!;

describe("per agency, this year", () => {
  it("counts assignments by status, cancelled and standing apart", () => {
    const alef = agency("alef");
    expect(alef.byStatus).toEqual({ assigned: 1, acknowledged: 1, in_progress: 1, reported_done: 1, done: 2, blocked: 0, cancelled: 1 });
    expect([alef.total, alef.cancelled, alef.standing, alef.countable, alef.done]).toEqual([7, 1, 1, 5, 2]);
    const be = agency("be");
    expect(be.byStatus).toEqual({ assigned: 0, acknowledged: 1, in_progress: 0, reported_done: 0, done: 1, blocked: 1, cancelled: 0 });
    expect([be.total, be.cancelled, be.standing, be.countable, be.done]).toEqual([3, 0, 1, 2, 1]);
  });

  it("realization = done ÷ (all − cancelled − standing); average progress over the same items, done = 100", () => {
    expect(agency("alef").realization).toBe(2 / 5);
    // 100 + 100 + 40 (in progress) + 90 (claimed) + 0 (assigned); the cancelled 30% does not count.
    expect(agency("alef").averageProgress).toBe(330 / 5);
    expect(agency("be").realization).toBe(1 / 2);
    expect(agency("be").averageProgress).toBe((20 + 100) / 2);
    // پ has nothing this year: no realization rather than 0%.
    expect(agency("pe")).toMatchObject({ total: 0, countable: 0, realization: null, averageProgress: null });
  });

  it("overdue: open and not claimed done, past the deadline day; lateness in working days", () => {
    // #3 due 09/15: 16, 17, 18, 21, 22, 23 → 6. #6 (due 09/05) is claimed done: not overdue.
    expect(agency("alef")).toMatchObject({ overdue: 1, worstLateness: 6 });
    // #8 due 09/03: 4, 7–11, 14–18, 21–23 → 14 (Thursdays and Fridays off).
    expect(agency("be")).toMatchObject({ overdue: 1, worstLateness: 14 });
  });

  it("on time: the done claim (or the verification when there was no claim) by the deadline; extensions counted", () => {
    expect(agency("alef")).toMatchObject({ doneOnTime: 1, onTimeShare: 1 / 2, extended: 1 });
    expect(agency("be")).toMatchObject({ doneOnTime: 1, onTimeShare: 1, extended: 1 });
  });

  it("weekly-report compliance over the cycles due in the last 4 and 12 weeks; this week's is not due yet", () => {
    expect(agency("alef").compliance4).toEqual({ due: 4, onTime: 2, late: 1, missing: 1, onTimeShare: 2 / 4 });
    expect(agency("alef").compliance12).toEqual({ due: 12, onTime: 3, late: 1, missing: 8, onTimeShare: 3 / 12 });
    expect(agency("be").compliance4).toEqual({ due: 4, onTime: 0, late: 1, missing: 3, onTimeShare: 0 });
    // Cycle 13 was due 88 days ago: outside the 12 weeks.
    expect(agency("be").compliance12).toEqual({ due: 12, onTime: 1, late: 1, missing: 10, onTimeShare: 1 / 12 });
    expect(agency("pe").compliance4).toEqual({ due: 4, onTime: 0, late: 0, missing: 4, onTimeShare: 0 });
  });

  it("indicator totals over the year's reports (a free-text report adds nothing)", () => {
    expect(agency("alef").indicatorTotals).toEqual({ jobs_created: 100 + 10 + 5 + 7, facilities_paid: 100.5 });
    expect(agency("be").indicatorTotals).toEqual({ jobs_created: 3 + 20 + 1, facilities_paid: 0 });
  });

  it("worst first: lowest realization, an agency with nothing countable last", () => {
    expect(year.agencies.map((a) => a.agency.code)).toEqual(["alef", "be", "pe"]);
  });
});

describe("the committee", () => {
  const c = year.committee;

  it("pools every agency's items", () => {
    expect([c.total, c.cancelled, c.standing, c.countable, c.done]).toEqual([10, 1, 2, 7, 3]);
    expect(c.realization).toBe(3 / 7);
    expect(c.averageProgress).toBe((330 + 120) / 7);
    expect([c.overdue, c.worstLateness, c.doneOnTime, c.extended]).toEqual([2, 14, 2, 2]);
    expect(c.onTimeShare).toBe(2 / 3);
  });

  it("compliance counts every agency's reports per due cycle", () => {
    expect(c.compliance4).toEqual({ due: 12, onTime: 2, late: 2, missing: 8, onTimeShare: 2 / 12 });
    expect(c.compliance12).toEqual({ due: 36, onTime: 4, late: 2, missing: 30, onTimeShare: 4 / 36 });
  });

  it("lists the overdue items, the latest first", () => {
    expect(year.overdue.map((o) => [o.assignmentId, o.agency.code, o.workingDaysLate])).toEqual([
      [8, "be", 14],
      [3, "alef", 6],
    ]);
  });
});

describe("quotas", () => {
  // 1405 is a common year of 365 days; 1405/09/23 10:00 is 6×31 + 2×30 + 22 days and 10 hours into it.
  const elapsedDays = 268 + 10 / 24;
  const weeksLeft = Math.ceil((365 - elapsedDays) / 7); // 96.58 days → 14 weeks

  it("the committee's target against the year's total, with the pace left", () => {
    const [jobs, facilities] = year.committee.quotas;
    expect(weeksLeft).toBe(14);
    expect(jobs).toMatchObject({ indicator: "jobs_created", year: 1405, target: 1200, achieved: 146, remaining: 1054, weeksLeft: 14 });
    expect(jobs!.share).toBeCloseTo(146 / 1200, 12);
    expect(jobs!.expectedByNow).toBeCloseTo((1200 * elapsedDays) / 365, 9);
    expect(jobs!.pacePerWeek).toBeCloseTo(1054 / 14, 12);
    // 1404 is over with nothing reported for it: missed, no pace can reach it.
    expect(facilities).toMatchObject({
      year: 1404,
      target: 10,
      achieved: 0,
      remaining: 10,
      weeksLeft: 0,
      pacePerWeek: null,
      expectedByNow: 10,
    });
  });

  it("an agency's own target, only where the file gives one", () => {
    expect(agency("alef").quotas).toEqual([
      expect.objectContaining({ indicator: "jobs_created", target: 400, achieved: 122, remaining: 278, weeksLeft: 14 }),
    ]);
    expect(agency("alef").quotas[0]!.pacePerWeek).toBeCloseTo(278 / 14, 12);
    expect(agency("be").quotas).toEqual([]);
  });

  it("a quota counts its whole year whatever the report's period", () => {
    const month = computeFigures(reportFixture("month"));
    expect(month.committee.quotas[0]!.achieved).toBe(146);
  });
});

describe("periods", () => {
  it("this month: the reports of the weeks opened in Azar; the items of its meeting", () => {
    const month = computeFigures(reportFixture("month"));
    // Cycles 0–3 opened on 09/23, 09/16, 09/09 and 09/02; cycle 4 on 08/25.
    expect(month.agencies.find((a) => a.agency.code === "alef")!.indicatorTotals.jobs_created).toBe(100 + 10 + 5);
    expect(month.committee.indicatorTotals).toEqual({ jobs_created: 118, facilities_paid: 100.5 });
    expect(month.committee.total).toBe(10);
  });

  it("everything: the 1404 meeting's item comes in, and پ is no longer last", () => {
    const all = computeFigures(reportFixture("all"));
    expect(all.committee).toMatchObject({ total: 11, countable: 8, done: 4 });
    expect(all.agencies.map((a) => [a.agency.code, a.realization])).toEqual([
      ["alef", 0.4],
      ["be", 0.5],
      ["pe", 1],
    ]);
  });

  it("month, season and year ranges in Tehran midnights", () => {
    expect(periodContaining("month", NOW)).toMatchObject({
      from: jalaliToInstant({ jy: 1405, jm: 9, jd: 1 }),
      to: jalaliToInstant({ jy: 1405, jm: 10, jd: 1 }),
    });
    expect(periodContaining("season", NOW)).toMatchObject({
      season: 3,
      from: jalaliToInstant({ jy: 1405, jm: 7, jd: 1 }),
      to: jalaliToInstant({ jy: 1405, jm: 10, jd: 1 }),
    });
    expect(periodContaining("year", NOW)).toMatchObject({
      from: jalaliToInstant({ jy: 1405, jm: 1, jd: 1 }),
      to: jalaliToInstant({ jy: 1406, jm: 1, jd: 1 }),
    });
  });
});
