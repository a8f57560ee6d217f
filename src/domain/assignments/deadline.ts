/**
 * Where an assignment stands against its deadline, in working days of its committee's calendar.
 * Derived whenever it is shown; never stored (an overdue item is not a status).
 *
 * Counting rule (what a secretary would say on the phone):
 *  - "N working days left": the working days after today up to and including the deadline day;
 *  - "due today": the deadline day is today;
 *  - "overdue by N working days": the working days after the deadline day up to and including today
 *    (N may be 0 on the weekend right after the deadline: late, but no working day lost yet).
 */
import { addJalaliDays, compareJalali, toJalali, type DayOffReason, type JalaliDate, type WorkCalendar } from "../calendar/index.js";

/**
 * A deadline day the committee does not work (a Friday, an off Thursday, a holiday): readers are
 * told so, with the first working day after it, so nobody finds an office closed on the last day.
 */
export interface DeadlineDayOff {
  reasons: readonly DayOffReason[];
  /** The holiday's (or closure's) name, when the day is one. */
  holiday?: string;
  nextWorkingDay: JalaliDate;
}

export type DeadlineStanding =
  | { kind: "standing" }
  | { kind: "left"; workingDays: number; deadline: JalaliDate; dayOff?: DeadlineDayOff }
  | { kind: "today"; deadline: JalaliDate; dayOff?: DeadlineDayOff }
  | { kind: "overdue"; workingDays: number; deadline: JalaliDate };

/** Working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysAfter(calendar: WorkCalendar, from: JalaliDate, to: JalaliDate): number {
  let count = 0;
  for (let day = addJalaliDays(from, 1); compareJalali(day, to) <= 0; day = addJalaliDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count++;
  }
  return count;
}

/**
 * The Tehran day a deadline belongs to. Deadlines are stored as the end of their day; reading the
 * instant just before it gives the right day whether "end" was written as 23:59:59.999 or as the
 * next midnight.
 */
export function deadlineDay(deadline: Date): JalaliDate {
  return toJalali(new Date(deadline.getTime() - 1));
}

export function deadlineStanding(deadline: Date | null, now: Date, calendar: WorkCalendar): DeadlineStanding {
  if (!deadline) return { kind: "standing" };
  const due = deadlineDay(deadline);
  const today = toJalali(now);
  const order = compareJalali(today, due);
  if (order > 0) return { kind: "overdue", workingDays: workingDaysAfter(calendar, due, today), deadline: due };
  const off = dayOffOf(calendar, due);
  const dayOff = off ? { dayOff: off } : {};
  if (order === 0) return { kind: "today", deadline: due, ...dayOff };
  return { kind: "left", workingDays: workingDaysAfter(calendar, today, due), deadline: due, ...dayOff };
}

/** Why the deadline day is off and which working day follows it; undefined on a working day. */
export function dayOffOf(calendar: WorkCalendar, day: JalaliDate): DeadlineDayOff | undefined {
  const info = calendar.describeDay(day);
  if (info.working) return undefined;
  const holiday = calendar.holidayName(day);
  return { reasons: info.offReasons, ...(holiday !== undefined ? { holiday } : {}), nextWorkingDay: calendar.addWorkingDaysToDate(day, 0) };
}

/**
 * Most urgent first: overdue (the latest first, i.e. the earliest deadline), then the nearest
 * deadline, standing items last; ties by meeting date and resolution number, so a list is stable.
 */
export function compareUrgency(
  a: { deadline: Date | null; meetingHeldOn: Date; resolutionNumber: number },
  b: { deadline: Date | null; meetingHeldOn: Date; resolutionNumber: number },
): number {
  const da = a.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.meetingHeldOn.getTime() - b.meetingHeldOn.getTime() || a.resolutionNumber - b.resolutionNumber;
}
