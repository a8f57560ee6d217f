/** Offsets in working time on top of the committee's work calendar (days, then hours inside office windows). */
import { tehranClock, type WorkCalendar } from "../calendar/index.js";
import type { WorkingOffset } from "./policy.js";

const HOUR = 3_600_000;

/** t + whole working hours: time only runs inside working windows. */
export function addWorkingHours(calendar: WorkCalendar, t: Date, hours: number): Date {
  let at = calendar.nextWorkingInstant(t);
  let left = hours * HOUR;
  while (left > 0) {
    const close = calendar.closingOf(tehranClock(at).date).getTime();
    const room = close - at.getTime();
    if (left < room) return new Date(at.getTime() + left);
    left -= room;
    at = calendar.nextWorkingWindowStart(new Date(close));
  }
  return at;
}

/** t + offset: working days as the calendar counts them, then working hours. Always working time. */
export function addWorkingOffset(calendar: WorkCalendar, t: Date, offset: WorkingOffset): Date {
  return addWorkingHours(calendar, calendar.addWorkingDays(t, offset.days), offset.hours);
}
