/**
 * When a notice's reminders fall due, in working time:
 * - `day_before`: those who have not answered, at the opening of the working day before the
 *   meeting's day (so never on a Friday or a holiday);
 * - `morning`: every attendee and delegate, at the opening of the meeting's day; for an early
 *   meeting (starting less than two hours after opening) two hours before it instead, but never
 *   before QUIET_UNTIL (the night is quiet).
 * A step whose time has already passed when the notice is sent (or moved) is skipped: the notice
 * itself has just arrived.
 */
import { HOUR_MS, tehranClock, instantAt, type WorkCalendar } from "../calendar/index.js";

export const REMINDER_STEPS = ["day_before", "morning"] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

export const EARLY_MEETING_LEAD_MS = 2 * HOUR_MS;
/** Tehran time of day before which no reminder leaves, even for an early meeting. */
export const QUIET_UNTIL_MS = 7 * HOUR_MS;

export interface ScheduledReminder {
  step: ReminderStep;
  at: Date;
}

/** Office opening on `meetingAt`'s day (the day's opening hour even on a day off: the meeting is that day). */
function openingOnMeetingDay(meetingAt: Date, calendar: WorkCalendar): Date {
  const { date } = tehranClock(meetingAt);
  if (calendar.isWorkingDay(date)) return calendar.openingOf(date);
  // A meeting on a day off (a Thursday, say): the opening hour of a working day, on that date.
  const ref = calendar.nextWorkingWindowStart(meetingAt);
  return instantAt(date, tehranClock(ref).msOfDay);
}

export function reminderTimes(meetingAt: Date, calendar: WorkCalendar): Record<ReminderStep, Date> {
  const { date } = tehranClock(meetingAt);
  const dayBefore = calendar.morningOfWorkingDayBefore(date);
  let morning = openingOnMeetingDay(meetingAt, calendar);
  if (meetingAt.getTime() - morning.getTime() < EARLY_MEETING_LEAD_MS) {
    const quietEnd = instantAt(date, QUIET_UNTIL_MS).getTime();
    morning = new Date(Math.max(meetingAt.getTime() - EARLY_MEETING_LEAD_MS, quietEnd));
  }
  return { day_before: dayBefore, morning };
}

/** The step after `step` (in order, whatever the time now), or undefined after the last. */
export function followingReminder(meetingAt: Date, calendar: WorkCalendar, step: ReminderStep): ScheduledReminder | undefined {
  const times = reminderTimes(meetingAt, calendar);
  const next = REMINDER_STEPS[REMINDER_STEPS.indexOf(step) + 1];
  return next && times[next].getTime() < meetingAt.getTime() ? { step: next, at: times[next] } : undefined;
}

/**
 * A step claimed late (the process was down) is sent only while it still makes sense: the day
 * before's reminder until the meeting's day begins, the morning's until the meeting starts.
 */
export function reminderStillUseful(step: ReminderStep, meetingAt: Date, now: Date): boolean {
  const meetingDayStart = instantAt(tehranClock(meetingAt).date, 0);
  return step === "day_before" ? now.getTime() < meetingDayStart.getTime() : now.getTime() < meetingAt.getTime();
}

/** The first reminder still to come after `now`, or undefined when none is left. */
export function nextReminder(meetingAt: Date, now: Date, calendar: WorkCalendar, after?: ReminderStep): ScheduledReminder | undefined {
  const times = reminderTimes(meetingAt, calendar);
  const from = after ? REMINDER_STEPS.indexOf(after) + 1 : 0;
  for (const step of REMINDER_STEPS.slice(from)) {
    const at = times[step];
    if (at.getTime() > now.getTime() && at.getTime() < meetingAt.getTime()) return { step, at };
  }
  return undefined;
}
