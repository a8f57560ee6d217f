/**
 * The escalation ladder, table-driven, on the pardis calendar (Thursday off, 08:00–14:00, a closure
 * on Tuesday 1405/09/24). Azar 1405 starts on a Sunday: 5, 12, 19, 26 are Thursdays, 6, 13, 20, 27 Fridays.
 * Every expected instant below was worked out by hand from that calendar, not from the code.
 */
import { describe, expect, it } from "vitest";
import { createWorkCalendar, deadlineInstant, instantAt, type WorkCalendar } from "../../../src/domain/calendar/index.js";
import {
  DEFAULT_ESCALATION_POLICY,
  decideAssignment,
  planAssignmentLadder,
  rungsThrough,
  unacknowledgedSteps,
  type LadderItem,
} from "../../../src/domain/escalation/index.js";

const PARDIS = createWorkCalendar({ thursday: "off", officeHours: { start: "08:00", end: "14:00" }, extraHolidays: ["1405/09/24"] });
const HALF_THURSDAY = createWorkCalendar({ thursday: "half", thursdayCloses: "12:00", extraHolidays: ["1405/09/24"] });
/** Tehran time on a day of Azar 1405. */
const azar = (day: number, h: number, m = 0) => instantAt({ jy: 1405, jm: 9, jd: day }, (h * 60 + m) * 60_000);
const deadline = (day: number, month = 9) => deadlineInstant({ jy: 1405, jm: month, jd: day });
const FAR = azar(30, 13);

function item(overrides: Partial<LadderItem> = {}): LadderItem {
  return {
    status: "assigned",
    kind: "one_off",
    publishedAt: azar(4, 10),
    acknowledgedAt: null,
    lastProgressAt: null,
    deadline: deadline(15),
    ...overrides,
  };
}

const schedule = (i: LadderItem, calendar: WorkCalendar = PARDIS, horizon = FAR) =>
  rungsThrough(i, DEFAULT_ESCALATION_POLICY, calendar, horizon)
    .filter((r) => r.at.getTime() <= horizon.getTime())
    .map((r) => [r.step, r.at.toISOString(), r.to.join("+")]);

describe("every rung of the default ladder", () => {
  it.each([
    [
      "published Wed 4 Azar 10:00, deadline Sun 15 Azar, nobody answers",
      item(),
      [
        ["unacknowledged+1d", azar(7, 10), "liaison"], // Thu 5 and Fri 6 are off
        ["unacknowledged+2d", azar(8, 10), "head"],
        ["deadline-3d", azar(10, 8), "liaison"], // Tue 10, Wed 11, Sat 14 before Sun 15
        ["deadline-1d", azar(14, 8), "liaison"],
        ["deadline-0d", azar(15, 8), "liaison+head"],
        ["overdue+1d", azar(16, 8), "digest"],
        ["overdue+5d", azar(22, 8), "governorate"], // 16, 17, 18, 21, 22
        ["overdue_repeat", azar(30, 8), "digest"], // 23, (24 closed), 25, 28, 29, 30
      ],
    ],
    [
      "a deadline on a Friday (20 Azar): the deadline rungs move to its last working day, Wed 18",
      item({ deadline: deadline(20), acknowledgedAt: azar(4, 11), status: "acknowledged" }),
      [
        ["deadline-3d", azar(15, 8), "liaison"],
        ["deadline-1d", azar(17, 8), "liaison"],
        ["deadline-0d", azar(18, 8), "liaison+head"],
        ["overdue+1d", azar(21, 8), "digest"],
        ["overdue+5d", azar(28, 8), "governorate"], // 21, 22, 23, 25, 28 (24 closed)
      ],
    ],
    [
      "a deadline on the committee's closure (Tue 24 Azar): its morning is Mon 23",
      item({ deadline: deadline(24), status: "in_progress", acknowledgedAt: azar(4, 11) }),
      [
        ["deadline-3d", azar(18, 8), "liaison"], // 22, 21, then Wed 18 (Thu and Fri off)
        ["deadline-1d", azar(22, 8), "liaison"],
        ["deadline-0d", azar(23, 8), "liaison+head"],
        ["overdue+1d", azar(25, 8), "digest"],
      ],
    ],
    [
      "published outside office hours (Wed 4 Azar 20:00): the days count from Sat 7 08:00",
      item({ publishedAt: azar(4, 20), deadline: null, kind: "standing" }),
      [
        ["unacknowledged+1d", azar(8, 8), "liaison"],
        ["unacknowledged+2d", azar(9, 8), "head"],
      ],
    ],
  ])("%s", (_name, i, expected) => {
    expect(schedule(i)).toEqual(expected.map(([step, at, to]) => [step, (at as Date).toISOString(), to]));
  });

  it("a half Thursday: published Wed 13:00, a working day later would be Thu 13:00, after Thursday closes at 12:00 → Sat 08:00", () => {
    const rungs = schedule(item({ publishedAt: azar(4, 13), deadline: null, kind: "standing" }), HALF_THURSDAY);
    expect(rungs[0]).toEqual(["unacknowledged+1d", azar(7, 8).toISOString(), "liaison"]);
    // On the pardis calendar (Thursday off) the same publication is reminded on Sat 13:00.
    expect(schedule(item({ publishedAt: azar(4, 13), deadline: null, kind: "standing" }))[0]).toEqual([
      "unacknowledged+1d",
      azar(7, 13).toISOString(),
      "liaison",
    ]);
  });

  it("a half Thursday is a working morning: a deadline on Thu 19 Azar has its morning that day", () => {
    const rungs = schedule(item({ deadline: deadline(19), status: "acknowledged", acknowledgedAt: azar(4, 11) }), HALF_THURSDAY);
    expect(rungs.find((r) => r[0] === "deadline-0d")).toEqual(["deadline-0d", azar(19, 8).toISOString(), "liaison+head"]);
  });
});

describe("stop and restart conditions", () => {
  const steps = (i: LadderItem) => schedule(i).map((r) => r[0]);

  it.each([
    [
      "acknowledged: the delivery ladder stops, the deadline ladder does not",
      item({ status: "acknowledged", acknowledgedAt: azar(4, 11) }),
      ["deadline-3d", "deadline-1d", "deadline-0d", "overdue+1d", "overdue+5d", "overdue_repeat"],
    ],
    [
      "in progress: same as acknowledged",
      item({ status: "in_progress", acknowledgedAt: azar(4, 11), lastProgressAt: azar(5, 9) }),
      ["deadline-3d", "deadline-1d", "deadline-0d", "overdue+1d", "overdue+5d", "overdue_repeat"],
    ],
    ["a done claim pauses it until the secretariat verifies", item({ status: "reported_done", acknowledgedAt: azar(4, 11) }), []],
    ["blocked goes to the secretariat at once and pauses the agency's ladder", item({ status: "blocked" }), []],
    ["done ends it", item({ status: "done" }), []],
    ["cancelled ends it", item({ status: "cancelled" }), []],
    ["a standing item has no deadline ladder", item({ kind: "standing", deadline: null }), ["unacknowledged+1d", "unacknowledged+2d"]],
    [
      "a standing item once acknowledged has nothing (its silence is the weekly report's)",
      item({ kind: "standing", deadline: null, status: "acknowledged", acknowledgedAt: azar(4, 11) }),
      [],
    ],
  ])("%s", (_name, i, expected) => {
    expect(steps(i)).toEqual(expected);
  });

  it("a progress report after the deadline restarts the silence clock from it", () => {
    const i = item({ status: "in_progress", acknowledgedAt: azar(4, 11), lastProgressAt: azar(17, 11) });
    expect(schedule(i).filter((r) => r[0]!.startsWith("overdue"))).toEqual([
      ["overdue+1d", azar(18, 11).toISOString(), "digest"],
      ["overdue+5d", azar(25, 11).toISOString(), "governorate"], // 18, 21, 22, 23, (24 closed), 25
    ]);
  });

  it("an extension re-plans from the new deadline", () => {
    const before = schedule(item({ status: "acknowledged", acknowledgedAt: azar(4, 11) }));
    const after = schedule(item({ status: "acknowledged", acknowledgedAt: azar(4, 11), deadline: deadline(25) }));
    expect(before.find((r) => r[0] === "deadline-0d")![1]).toBe(azar(15, 8).toISOString());
    expect(after.find((r) => r[0] === "deadline-0d")![1]).toBe(azar(25, 8).toISOString());
    // Re-planned at Sun 15 09:00 the old rungs are moot: the next is the new deadline-3d on Sat 21.
    const plan = planAssignmentLadder(
      item({ status: "acknowledged", acknowledgedAt: azar(4, 11), deadline: deadline(25) }),
      DEFAULT_ESCALATION_POLICY,
      PARDIS,
      azar(15, 9),
    );
    expect([plan.nextStep, plan.nextAt?.toISOString()]).toEqual(["deadline-3d", azar(21, 8).toISOString()]);
  });
});

describe("deciding at a moment", () => {
  it("fires the rung due now and plans the next", () => {
    const d = decideAssignment(item(), DEFAULT_ESCALATION_POLICY, PARDIS, azar(4, 10), azar(7, 10, 1));
    expect(d.fire.map((r) => r.step)).toEqual(["unacknowledged+1d"]);
    expect(d.skip).toEqual([]);
    expect([d.nextStep, d.nextAt?.toISOString(), d.cursor.toISOString()]).toEqual([
      "unacknowledged+2d",
      azar(8, 10).toISOString(),
      azar(7, 10, 1).toISOString(),
    ]);
  });

  it("fires nothing twice: asked again with the new cursor, nothing is due", () => {
    const first = decideAssignment(item(), DEFAULT_ESCALATION_POLICY, PARDIS, azar(4, 10), azar(7, 10, 1));
    const again = decideAssignment(item(), DEFAULT_ESCALATION_POLICY, PARDIS, first.cursor, azar(7, 10, 2));
    expect(again.fire).toEqual([]);
    expect(again.nextAt).toEqual(first.nextAt);
  });

  it("after a long gap (a server off for weeks) sends one catch-up per item: the latest rung, the others skipped", () => {
    const d = decideAssignment(item(), DEFAULT_ESCALATION_POLICY, PARDIS, azar(4, 10), azar(22, 9));
    expect(d.fire.map((r) => r.step)).toEqual(["overdue+5d"]);
    expect(d.skip.map((r) => r.step)).toEqual([
      "unacknowledged+1d",
      "unacknowledged+2d",
      "deadline-3d",
      "deadline-1d",
      "deadline-0d",
      "overdue+1d",
    ]);
    expect([d.nextStep, d.nextAt?.toISOString()]).toEqual(["overdue_repeat", azar(30, 8).toISOString()]);
  });

  it("rungs due at the same moment fire together (the deadline's morning goes to liaison and head)", () => {
    const d = decideAssignment(
      item({ status: "acknowledged", acknowledgedAt: azar(4, 11) }),
      DEFAULT_ESCALATION_POLICY,
      PARDIS,
      azar(14, 9),
      azar(15, 8),
    );
    expect(d.fire.map((r) => [r.step, r.to.join("+")])).toEqual([["deadline-0d", "liaison+head"]]);
  });

  it.each([
    ["at night", azar(7, 20), azar(8, 8)],
    ["on a Friday", azar(13, 10), azar(14, 8)],
    ["on the committee's closure (Tue 24 Azar)", azar(24, 10), azar(25, 8)],
    ["on a Thursday off", azar(12, 9), azar(14, 8)],
  ])("never acts outside working time: due rungs wait (%s)", (_name, now, opening) => {
    const d = decideAssignment(item(), DEFAULT_ESCALATION_POLICY, PARDIS, azar(4, 10), now);
    expect(d.fire).toEqual([]);
    expect(d.skip).toEqual([]);
    expect(d.cursor).toEqual(azar(4, 10));
    expect(d.nextAt).toEqual(opening);
  });
});

describe("unacknowledgedSteps", () => {
  it("names exactly the steps of the unacknowledged track that the ladder stores", () => {
    const stored = rungsThrough(item(), DEFAULT_ESCALATION_POLICY, PARDIS, FAR);
    const track = stored.filter((r) => r.track === "unacknowledged").map((r) => r.step);
    expect(track.length).toBeGreaterThan(0);
    expect(unacknowledgedSteps(DEFAULT_ESCALATION_POLICY)).toEqual(track);
    expect(
      stored.filter((r) => unacknowledgedSteps(DEFAULT_ESCALATION_POLICY).includes(r.step)).every((r) => r.track === "unacknowledged"),
    ).toBe(true);
  });
});
