/**
 * The `escalation:` part of a committee file (under `committee:`, beside `calendar:` and
 * `weeklyReport:`): the committee's ladder. Every part is optional; a missing part keeps the
 * default of design.md (DEFAULT_ESCALATION_POLICY).
 *
 *   escalation:
 *     unacknowledged:                 # from publication, until acknowledged
 *       - { after: 1d, to: liaison }
 *       - { after: 2d, to: head }
 *     beforeDeadline:                 # working days before the deadline's working day; 0 = its morning
 *       - { before: 3, to: liaison }
 *       - { before: 0, to: [liaison, head] }
 *     overdue:                        # after the deadline (or the last progress after it)
 *       - { after: 1d, to: digest }
 *       - { after: 5d, to: governorate }
 *     repeatOverdue: { every: 5d, to: digest }   # or `never`
 *     weeklyReport: { missingToHead: 1d, missingToDigest: 2d, remindDayBefore: true, remindDueMorning: true }
 *
 * Offsets are working days (`1d`, or a bare number) and optionally working hours (`4h`, `1d 4h`).
 * Recipients: liaison, head, secretariat, governorate (the governor, in the digest), digest.
 */
import { z } from "zod";
import { normaliseDigits } from "../text/index.js";
import {
  DEFAULT_ESCALATION_POLICY,
  ESCALATION_RECIPIENTS,
  parseWorkingOffset,
  type EscalationPolicy,
  type EscalationRecipient,
  type WorkingOffset,
} from "../escalation/policy.js";
import { listOf, oneOf, optional } from "./fields.js";
import { describeValue } from "./messages.js";
import { record } from "./strict-record.js";

type Ctx = z.core.$RefinementCtx;

function offset(): z.ZodType<WorkingOffset, unknown> {
  return z.unknown().transform((value, ctx): WorkingOffset => {
    if (value === undefined) return reject(ctx, "is required");
    const parsed = parseWorkingOffset(typeof value === "string" ? normaliseDigits(value) : value);
    return parsed ?? reject(ctx, `expected working days and hours like "1d", "4h" or "1d 4h", got ${describeValue(value)}`);
  });
}

function wholeNumber(): z.ZodType<number, unknown> {
  return z.unknown().transform((value, ctx): number => {
    const n =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^\s*[\d۰-۹٠-٩]+\s*$/.test(value)
          ? Number(normaliseDigits(value))
          : NaN;
    return Number.isInteger(n) && n >= 0 && n <= 60
      ? n
      : reject(ctx, `expected a whole number of working days from 0 to 60, got ${describeValue(value)}`);
  });
}

function reject(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

const recipients = (): z.ZodType<EscalationRecipient[], unknown> =>
  listOf(oneOf(ESCALATION_RECIPIENTS)).refine((list) => list.length > 0, "name at least one recipient");

const afterRung = record({ after: offset(), to: recipients() });
const beforeRung = record({ before: wholeNumber(), to: recipients() });

/**
 * A list whose offsets must strictly grow: a ladder goes up. Checked even when other rungs of the
 * list are wrong (every mistake is listed at once); a rung that did not parse is left out of it.
 */
function ascending<T>(item: z.ZodType<T, unknown>, key: (t: T) => number, field: string) {
  const keyOf = (rung: unknown): number | undefined => {
    try {
      const k = key(rung as T);
      return Number.isFinite(k) ? k : undefined;
    } catch {
      return undefined;
    }
  };
  return z.array(item).check(
    z.superRefine<T[]>(
      (rungs, ctx) => {
        let previous: number | undefined;
        rungs.forEach((rung, i) => {
          const k = keyOf(rung);
          if (k === undefined) return;
          if (previous !== undefined && !(k > previous))
            ctx.addIssue({
              code: "custom",
              path: [i, field],
              message: `must come after the rung before it (${field} must grow down the list)`,
            });
          previous = k;
        });
      },
      // Run beside the rungs' own errors (the list itself is an array: that is its first check).
      { when: (payload) => Array.isArray(payload.value) },
    ),
  );
}

const hoursOf = (o: WorkingOffset) => o.days * 100 + o.hours;

export const escalationSchema = record({
  unacknowledged: optional(ascending(afterRung, (r) => hoursOf(r.after), "after")),
  beforeDeadline: optional(ascending(beforeRung, (r) => -r.before, "before")),
  overdue: optional(ascending(afterRung, (r) => hoursOf(r.after), "after")),
  repeatOverdue: optional(
    z.union([z.literal("never"), record({ every: offset(), to: recipients() })]).refine((v) => v === "never" || hoursOf(v.every) > 0, {
      message: "every must be at least one working hour",
      path: ["every"],
    }),
  ),
  weeklyReport: optional(
    record({
      remindDayBefore: optional(z.boolean()),
      remindDueMorning: optional(z.boolean()),
      missingToHead: optional(offset()),
      missingToDigest: optional(offset()),
    }),
  ),
}).transform((e): EscalationPolicy => {
  const d = DEFAULT_ESCALATION_POLICY;
  const w: Partial<NonNullable<typeof e.weeklyReport>> = e.weeklyReport ?? {};
  return {
    unacknowledged: e.unacknowledged ?? d.unacknowledged,
    beforeDeadline: e.beforeDeadline ?? d.beforeDeadline,
    overdue: e.overdue ?? d.overdue,
    repeatOverdue: e.repeatOverdue === "never" ? null : (e.repeatOverdue ?? d.repeatOverdue),
    weeklyReport: {
      remindDayBefore: w.remindDayBefore ?? d.weeklyReport.remindDayBefore,
      remindDueMorning: w.remindDueMorning ?? d.weeklyReport.remindDueMorning,
      missingToHead: w.missingToHead ?? d.weeklyReport.missingToHead,
      missingToDigest: w.missingToDigest ?? d.weeklyReport.missingToDigest,
    },
  };
});
