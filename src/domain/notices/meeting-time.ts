/**
 * What to question about a meeting's date and time before a notice goes out: a time already past,
 * a day off (Friday, Thursday, holiday, closure), a time outside office hours. None of these
 * forbids the notice (meetings do happen on Thursdays); the secretariat confirms.
 */
import { tehranClock, type DayOffReason, type WorkCalendar } from "../calendar/index.js";

export type MeetingTimeConcern =
  { kind: "past" } | { kind: "day_off"; reasons: readonly DayOffReason[]; holiday?: string } | { kind: "outside_hours" };

export function meetingTimeConcerns(meetingAt: Date, now: Date, calendar: WorkCalendar): MeetingTimeConcern[] {
  const concerns: MeetingTimeConcern[] = [];
  if (meetingAt.getTime() <= now.getTime()) concerns.push({ kind: "past" });
  const day = calendar.describeDay(tehranClock(meetingAt).date);
  if (!day.working) {
    const holiday = calendar.holidayName(day.date);
    concerns.push({ kind: "day_off", reasons: day.offReasons, ...(holiday ? { holiday } : {}) });
  } else if (!calendar.isWorkingTime(meetingAt)) concerns.push({ kind: "outside_hours" });
  return concerns;
}
