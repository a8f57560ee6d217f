/**
 * The schedule of one weekly-report cycle, in the same terms as an assignment's ladder: its
 * rungs are computed from the cycle's opening and due times and the committee's calendar.
 *
 *   open             the template's opening (its next working instant): the prompt to every agency
 *   remind_day_before the morning of the working day before the due day: those who have not reported
 *   remind_due_morning the morning of the due day, if it is a working day and opens before the due time
 *   compliance       the due time (or the next working instant): digest to the secretariat and the governorate
 *   missing_head     a missing report goes to the agency head
 *   missing_digest   …and then into the governorate digest
 */
import { tehranClock, type WorkCalendar } from "../calendar/index.js";
import { type Rung, decideRungs, type Decision } from "./ladder.js";
import type { EscalationPolicy, EscalationRecipient } from "./policy.js";
import { addWorkingOffset } from "./working-time.js";

export interface CycleTimes {
  opensAt: Date;
  dueAt: Date;
}

export const CYCLE_STEPS = ["open", "remind_day_before", "remind_due_morning", "compliance", "missing_head", "missing_digest"] as const;
export type CycleStep = (typeof CYCLE_STEPS)[number];

const cycleRung = (step: CycleStep, at: Date, to: readonly EscalationRecipient[]): Rung => ({
  step,
  seq: Math.floor(at.getTime() / 60_000),
  at,
  to,
  track: "deadline",
});

export function cycleRungs(cycle: CycleTimes, policy: EscalationPolicy, calendar: WorkCalendar): Rung[] {
  const open = calendar.nextWorkingInstant(cycle.opensAt);
  const rungs: Rung[] = [cycleRung("open", open, ["liaison"])];
  const dueDay = tehranClock(cycle.dueAt).date;
  const w = policy.weeklyReport;
  if (w.remindDayBefore) {
    const dayBefore = calendar.morningOfWorkingDayBefore(dueDay);
    if (dayBefore.getTime() > open.getTime()) rungs.push(cycleRung("remind_day_before", dayBefore, ["liaison"]));
  }
  if (w.remindDueMorning && calendar.isWorkingDay(dueDay)) {
    const morning = calendar.openingOf(dueDay);
    if (morning.getTime() > open.getTime() && morning.getTime() < cycle.dueAt.getTime())
      rungs.push(cycleRung("remind_due_morning", morning, ["liaison"]));
  }
  rungs.push(cycleRung("compliance", calendar.nextWorkingInstant(cycle.dueAt), ["secretariat", "governorate"]));
  rungs.push(cycleRung("missing_head", addWorkingOffset(calendar, cycle.dueAt, w.missingToHead), ["head"]));
  rungs.push(cycleRung("missing_digest", addWorkingOffset(calendar, cycle.dueAt, w.missingToDigest), ["digest"]));
  return rungs.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * What a cycle does at `now`. Unlike an assignment's ladder, a cycle's steps are not alternatives
 * of one another (a late compliance digest still matters after the reminders are moot), so after
 * a gap the reminders that are due are skipped but the digest and the missing-report steps still go.
 */
export function decideCycle(cycle: CycleTimes, policy: EscalationPolicy, calendar: WorkCalendar, cursor: Date, now: Date): Decision {
  const rungs = cycleRungs(cycle, policy, calendar);
  const decision = decideRungs(rungs, cursor, now, calendar);
  if (decision.fire.length === 0 && decision.skip.length === 0) return decision;
  const due = [...decision.skip, ...decision.fire];
  const lastReminder = due.filter((r) => r.step.startsWith("remind") || r.step === "open").at(-1);
  const keep = (r: Rung) => !(r.step.startsWith("remind") || r.step === "open") || r === lastReminder;
  // Reminders are moot once the due time has passed; the opening prompt never is.
  const moot = (r: Rung) => r.step.startsWith("remind") && now.getTime() >= cycle.dueAt.getTime();
  return {
    ...decision,
    fire: due.filter((r) => keep(r) && !moot(r)),
    skip: due.filter((r) => !keep(r) || moot(r)),
  };
}
