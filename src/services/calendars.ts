/**
 * A committee's working calendar from its stored configuration. Building one parses dates and
 * times, so calendars are kept per distinct configuration (a handful per process).
 */
import { createWorkCalendar, type CalendarConfig, type WorkCalendar } from "../domain/calendar/index.js";

const cache = new Map<string, WorkCalendar>();

export function workCalendarOf(config: unknown): WorkCalendar {
  const key = JSON.stringify(config ?? {});
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = createWorkCalendar((config ?? {}) as CalendarConfig);
    cache.set(key, calendar);
  }
  return calendar;
}
