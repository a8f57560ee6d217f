/**
 * The reporting week of a committee: which Jalali week an instant is in, and when that week's
 * report opens and is due, from the template's "saturday 08:00" / "tuesday 14:00".
 */
import {
  addJalaliDays,
  jalaliToInstant,
  jalaliWeekKey,
  parseJalaliWeekKey,
  startOfJalaliWeek,
  toJalali,
  type JalaliDate,
} from "../calendar/index.js";
import { normaliseDigits } from "../text/digits.js";

/** Index 0 = Saturday, the first day of the Iranian week. */
const WEEKDAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"] as const;

export interface CycleWindow {
  /** Jalali week key, e.g. "1405-W37". */
  period: string;
  opensAt: Date;
  dueAt: Date;
}

interface WeekMoment {
  day: number;
  h: number;
  m: number;
}

/** "tuesday 14:00" → day 3, 14:00; throws on anything else (templates are validated on import). */
export function parseWeekMoment(text: string): WeekMoment {
  const m = /^([a-z]+) (\d{2}):(\d{2})$/.exec(text.trim().toLowerCase());
  const day = m ? WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]) : -1;
  if (!m || day < 0) throw new RangeError(`expected a weekday and a time like "saturday 08:00", got "${text}"`);
  return { day, h: Number(m[2]), m: Number(m[3]) };
}

function at(weekStart: JalaliDate, moment: WeekMoment, weekOffset = 0): Date {
  return jalaliToInstant(addJalaliDays(weekStart, moment.day + 7 * weekOffset), { h: moment.h, m: moment.m });
}

/**
 * The cycle of the week (Saturday–Friday, Tehran) containing `now`. A due moment earlier in the
 * week than the opening (opens Wednesday, due Saturday) falls in the following week.
 */
export function cycleWindow(template: { opens: string; due: string }, now: Date): CycleWindow {
  return windowOfWeek(template, startOfJalaliWeek(toJalali(now)));
}

function windowOfWeek(template: { opens: string; due: string }, weekStart: JalaliDate): CycleWindow {
  const opens = parseWeekMoment(template.opens);
  const due = parseWeekMoment(template.due);
  const opensAt = at(weekStart, opens);
  let dueAt = at(weekStart, due);
  if (dueAt.getTime() <= opensAt.getTime()) dueAt = at(weekStart, due, 1);
  return { period: jalaliWeekKey(weekStart), opensAt, dueAt };
}

/**
 * Which cycle "open the cycle" means at `now`: this week's while its report is not yet due, else
 * next week's (a week whose due time has passed cannot be reported on time any more). A `period`
 * ("1405-W37", digits in any script) names one explicitly, past or future.
 */
export type CycleChoice =
  | { ok: true; window: CycleWindow; why: "current" | "requested" }
  | { ok: true; window: CycleWindow; why: "next"; passedDueAt: Date }
  | { ok: false; error: "bad_period" };

export function chooseCycle(template: { opens: string; due: string }, now: Date, period?: string): CycleChoice {
  if (period !== undefined) {
    const weekStart = parseJalaliWeekKey(normaliseDigits(period.trim()).toUpperCase());
    return weekStart ? { ok: true, window: windowOfWeek(template, weekStart), why: "requested" } : { ok: false, error: "bad_period" };
  }
  const current = cycleWindow(template, now);
  if (now.getTime() < current.dueAt.getTime()) return { ok: true, window: current, why: "current" };
  const next = windowOfWeek(template, addJalaliDays(startOfJalaliWeek(toJalali(now)), 7));
  return { ok: true, window: next, why: "next", passedDueAt: current.dueAt };
}
