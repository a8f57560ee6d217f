/**
 * A small committee for the figures, with every status, standing and cancelled items, extended
 * deadlines, late and missing weekly reports and quotas. "Now" is Monday 1405/09/23 10:00 Tehran.
 * The expected figures are worked out by hand in test/unit/reports/figures.test.ts.
 *
 * The calendar is the Pardis one: Thursday and Friday off, 1405/09/24 closed. Azar 1405 has no
 * national holiday; 1405/09/01 is a Sunday.
 */
import { createWorkCalendar, deadlineInstant, jalaliToInstant, DAY_MS } from "../../src/domain/calendar/index.js";
import type { AssignmentRow, FiguresInput, PeriodKind, Quota } from "../../src/domain/reports/index.js";
import { periodContaining } from "../../src/domain/reports/index.js";

export const NOW = jalaliToInstant({ jy: 1405, jm: 9, jd: 23 }, { h: 10, m: 0 });
export const CALENDAR = createWorkCalendar({ thursday: "off", extraHolidays: ["1405/09/24"] });

const day = (jm: number, jd: number, jy = 1405) => ({ jy, jm, jd });
const deadline = (jm: number, jd: number) => deadlineInstant(day(jm, jd));
const at = (jm: number, jd: number, h = 11) => jalaliToInstant(day(jm, jd), { h, m: 0 });

export const AGENCIES = [
  { id: 1, code: "alef", name: "اداره الف" },
  { id: 2, code: "be", name: "اداره ب" },
  { id: 3, code: "pe", name: "اداره پ" },
];

const MEETING = { meetingNumber: "1405-08", meetingHeldOn: jalaliToInstant(day(9, 1)) };
const OLD_MEETING = { meetingNumber: "1404-11", meetingHeldOn: jalaliToInstant(day(11, 5, 1404)) };

function row(id: number, agencyId: number, fields: Partial<AssignmentRow>): AssignmentRow {
  return {
    id,
    agencyId,
    resolutionNumber: id,
    resolutionText: `مصوبه ${id}`,
    ...MEETING,
    kind: "one_off",
    status: "assigned",
    percent: 0,
    deadline: deadline(10, 30),
    extensions: 0,
    reportedDoneAt: null,
    doneAt: null,
    ...fields,
  };
}

export const ASSIGNMENTS: AssignmentRow[] = [
  // Agency الف
  row(1, 1, { status: "done", percent: 100, deadline: deadline(9, 10), reportedDoneAt: at(9, 8), doneAt: at(9, 9) }),
  row(2, 1, { status: "done", percent: 100, deadline: deadline(9, 10), reportedDoneAt: at(9, 12), doneAt: at(9, 14) }),
  row(3, 1, { status: "in_progress", percent: 40, deadline: deadline(9, 15) }),
  row(4, 1, { kind: "standing", status: "acknowledged", deadline: null }),
  row(5, 1, { status: "cancelled", percent: 30, deadline: deadline(9, 2) }),
  row(6, 1, { status: "reported_done", percent: 90, deadline: deadline(9, 5), reportedDoneAt: at(9, 7) }),
  row(7, 1, { status: "assigned", deadline: deadline(10, 15), extensions: 1 }),
  // Agency ب
  row(8, 2, { status: "blocked", percent: 20, deadline: deadline(9, 3) }),
  row(9, 2, { status: "done", percent: 100, deadline: deadline(9, 30), extensions: 2, doneAt: at(9, 18) }),
  row(10, 2, { kind: "standing", status: "acknowledged", deadline: null }),
  // Agency پ: only an item of a 1404 meeting, outside this year.
  row(11, 3, { ...OLD_MEETING, status: "done", percent: 100, deadline: deadlineInstant(day(12, 1, 1404)), doneAt: at(11, 20) }),
];

/** Cycle k was due 7k − 3 days before now (k = 0 is this week's, due in 3 days). */
export const CYCLES = Array.from({ length: 14 }, (_, k) => {
  const dueAt = new Date(NOW.getTime() - (7 * k - 3) * DAY_MS);
  return { id: 100 + k, period: `k${k}`, opensAt: new Date(dueAt.getTime() - 3 * DAY_MS), dueAt };
});

const submission = (k: number, agencyId: number, late: boolean, answers: Record<string, unknown>) => ({
  cycleId: 100 + k,
  agencyId,
  late,
  answers,
});

export const SUBMISSIONS = [
  submission(0, 1, false, { jobs_created: 100 }),
  submission(1, 1, false, { jobs_created: 10, facilities_paid: 100.5, summary: "متن" }),
  submission(2, 1, true, { jobs_created: 5 }),
  submission(3, 1, false, { _freeForm: "گزارش به صورت متن آزاد" }),
  submission(5, 1, false, { jobs_created: 7 }),
  submission(1, 2, true, { jobs_created: 3 }),
  submission(12, 2, false, { jobs_created: 20 }),
  submission(13, 2, false, { jobs_created: 1 }),
];

export const INDICATORS = [
  { key: "jobs_created", label: "اشتغال ایجادشده", unit: "نفر" },
  { key: "facilities_paid", label: "تسهیلات پرداخت‌شده", unit: "میلیون ریال" },
];

export const QUOTAS: Quota[] = [
  { indicator: "jobs_created", year: 1405, target: 1200, agencies: { alef: 400 } },
  { indicator: "facilities_paid", year: 1404, target: 10, agencies: {} },
];

export function reportFixture(period: PeriodKind = "year"): FiguresInput {
  return {
    now: NOW,
    period: periodContaining(period, NOW),
    calendar: CALENDAR,
    agencies: AGENCIES,
    assignments: ASSIGNMENTS,
    cycles: CYCLES,
    submissions: SUBMISSIONS,
    indicators: INDICATORS,
    quotas: QUOTAS,
  };
}
