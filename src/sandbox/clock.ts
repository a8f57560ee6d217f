/**
 * The sandbox's clock: real time plus an offset that only grows. It runs like a wall clock (so
 * retries and rate limits behave as in production) and the clock control moves it forward by
 * working-calendar steps; every component reads it through the injected Clock.
 */
import { jalaliToInstant, type JalaliDate, type WorkCalendar } from "../domain/calendar/index.js";
import type { Clock } from "../shared/clock.js";

const WEEK_MS = 7 * 86_400_000;

export type ClockMove = { kind: "next-working-morning" } | { kind: "working-day" } | { kind: "week" } | { kind: "date"; date: JalaliDate };

export class SandboxClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Moves to `t` if it is later than now; the clock never goes back (due times already passed stay passed). */
  moveTo(t: Date): boolean {
    const delta = t.getTime() - this.now().getTime();
    if (delta <= 0) return false;
    this.#offsetMs += delta;
    return true;
  }
}

/**
 * Where a move takes the clock on a committee's calendar: the next working window's opening, the
 * same time one working day later, seven days later, or a Jalali date's opening (08:00 when the
 * day is off). Undefined when the target is not after now.
 */
export function targetOf(move: ClockMove, now: Date, calendar: WorkCalendar): Date | undefined {
  let target: Date;
  switch (move.kind) {
    case "next-working-morning":
      target = calendar.nextWorkingWindowStart(new Date(now.getTime() + 1));
      break;
    case "working-day":
      target = calendar.addWorkingDays(now, 1);
      break;
    case "week":
      target = new Date(now.getTime() + WEEK_MS);
      break;
    case "date":
      target = calendar.isWorkingDay(move.date) ? calendar.openingOf(move.date) : jalaliToInstant(move.date, { h: 8, m: 0 });
      break;
  }
  return target.getTime() > now.getTime() ? target : undefined;
}
