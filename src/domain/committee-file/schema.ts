/**
 * The shape of each part of a committee file, and the rules inside one part (a resolution's kind
 * and deadline, a role's scope). Rules across parts (references, duplicates) are in cross-checks.ts.
 *
 * Agencies, people, roles, meetings and resolutions are parsed one by one (see parse.ts), so these
 * are separate schemas rather than one for the whole file.
 */
import { z } from "zod";
import { DEFAULT_CALENDAR_CONFIG, createWorkCalendar, jalaliKey } from "../calendar/index.js";
import {
  code,
  jalaliDate,
  jalaliYearNumber,
  label,
  listOf,
  officeHours,
  oneOf,
  optional,
  phone,
  positiveInteger,
  positiveNumber,
  questionKey,
  text,
  weekdayAndTime,
} from "./fields.js";
import { duplicates, located } from "./duplicates.js";
import { escalationSchema } from "./escalation.js";
import { COMMITTEE_FILE_LIMITS as LIMITS } from "./limits.js";
import type { Path, Problem } from "./locate.js";
import { record } from "./strict-record.js";
import {
  type AgencyEntry,
  type CommitteeCalendar,
  type CommitteeEntry,
  type Lead,
  type MeetingEntry,
  type PersonEntry,
  type QuotaEntry,
  type ResolutionEntry,
  type ResolutionKind,
  type RoleEntry,
  type WeeklyReportQuestion,
  type WeeklyReportTemplate,
  AGENCY_KINDS,
  AGENCY_ROLES,
  COMMITTEE_ROLES,
  GENDERS,
  QUESTION_TYPES,
} from "./types.js";

function addIssueAt(ctx: z.core.$RefinementCtx, path: Path, message: string): void {
  ctx.addIssue({ code: "custom", path: [...path], message });
}

function addIssues(ctx: z.core.$RefinementCtx, problems: readonly Problem[]): void {
  for (const problem of problems) addIssueAt(ctx, problem.path, problem.message);
}

const DEFAULT_CALENDAR: CommitteeCalendar = {
  thursday: DEFAULT_CALENDAR_CONFIG.thursday,
  officeHours: DEFAULT_CALENDAR_CONFIG.officeHours,
  extraHolidays: [],
  removedHolidays: [],
};

const calendarSchema = record({
  thursday: optional(oneOf(["off", "half", "working"] as const)),
  officeHours: optional(officeHours()),
  holidays: optional(listOf(jalaliDate(), LIMITS.holidays)),
}).transform((c, ctx): CommitteeCalendar => {
  const calendar: CommitteeCalendar = {
    thursday: c.thursday ?? DEFAULT_CALENDAR.thursday,
    officeHours: c.officeHours ?? DEFAULT_CALENDAR.officeHours,
    extraHolidays: (c.holidays ?? []).map(jalaliKey),
    removedHolidays: [],
  };
  addIssues(
    ctx,
    duplicates(located(calendar.extraHolidays, ["holidays"]), (d) => d, [], "the holiday"),
  );
  // The work calendar has rules of its own (e.g. a half Thursday must fit in office hours): ask it.
  try {
    createWorkCalendar(calendar);
  } catch (error) {
    addIssueAt(ctx, [], (error as Error).message);
  }
  return calendar;
});

const questionSchema = record({
  key: questionKey(),
  label: text(),
  type: oneOf(QUESTION_TYPES),
  unit: optional(text()),
  optional: optional(z.boolean()),
}).transform((q, ctx): WeeklyReportQuestion => {
  if (q.unit !== undefined && q.type !== "number") addIssueAt(ctx, ["unit"], "a unit only makes sense for a number question");
  return { key: q.key, label: q.label, type: q.type, ...(q.unit !== undefined ? { unit: q.unit } : {}), optional: q.optional ?? false };
});

const weeklyReportSchema = record({
  opens: weekdayAndTime(),
  due: weekdayAndTime(),
  questions: z.array(questionSchema).min(1).max(LIMITS.questions),
}).transform((w, ctx): WeeklyReportTemplate => {
  addIssues(
    ctx,
    duplicates(located(w.questions, ["questions"]), (q) => q.key, ["key"], "the question key"),
  );
  return w;
});

const quotaSchema = record({
  indicator: questionKey(),
  year: jalaliYearNumber(),
  target: positiveNumber(),
  agencies: optional(z.record(z.string(), positiveNumber())),
}).transform((q): QuotaEntry => ({ indicator: q.indicator, year: q.year, target: q.target, agencies: q.agencies ?? {} }));

/** A quota counts the answers of one number question: it must name one. Agency codes are cross-checked. */
function checkQuotas(ctx: z.core.$RefinementCtx, quotas: readonly QuotaEntry[], weeklyReport: WeeklyReportTemplate | undefined): void {
  const numbers = (weeklyReport?.questions ?? []).filter((q) => q.type === "number").map((q) => q.key);
  quotas.forEach((quota, i) => {
    if (!numbers.includes(quota.indicator)) {
      const known = numbers.length > 0 ? `one of ${numbers.join(", ")}` : "a number question, and weeklyReport has none";
      addIssueAt(ctx, ["quotas", i, "indicator"], `"${quota.indicator}" is not a number question of weeklyReport: expected ${known}`);
    }
  });
  addIssues(
    ctx,
    duplicates(located(quotas, ["quotas"]), (q) => `${q.indicator} in ${q.year}`, ["indicator"], "the quota"),
  );
}

export const committeeSchema = record({
  code: code(),
  name: text(),
  county: optional(text()),
  province: optional(text()),
  calendar: optional(calendarSchema),
  weeklyReport: optional(weeklyReportSchema),
  /** The committee's escalation ladder; absent = design.md's (DEFAULT_ESCALATION_POLICY). */
  escalation: optional(escalationSchema),
  quotas: optional(z.array(quotaSchema)),
  /** Joining asks for the person's contact and binds only on a matching phone (default true). */
  verifyContact: optional(z.boolean()),
}).transform((c, ctx): CommitteeEntry => {
  checkQuotas(ctx, c.quotas ?? [], c.weeklyReport);
  return {
    code: c.code,
    name: c.name,
    county: c.county ?? null,
    province: c.province ?? null,
    calendar: c.calendar ?? DEFAULT_CALENDAR,
    weeklyReport: c.weeklyReport ?? null,
    escalation: c.escalation ?? null,
    quotas: c.quotas ?? [],
    verifyContact: c.verifyContact ?? true,
  };
});

export const agencySchema = record({
  code: code(),
  name: text(),
  kind: optional(oneOf(AGENCY_KINDS)),
}).transform((a): AgencyEntry => ({ code: a.code, name: a.name, kind: a.kind ?? "office" }));

export const roleSchema = record({
  role: oneOf([...COMMITTEE_ROLES, ...AGENCY_ROLES] as const),
  committee: optional(code()),
  agency: optional(code()),
  title: optional(text()),
}).transform((r, ctx): RoleEntry => {
  const title = r.title ?? null;
  if (r.role === "governorate" || r.role === "secretariat") {
    if (r.agency !== undefined) addIssueAt(ctx, ["agency"], `a ${r.role} role belongs to a committee, not an agency`);
    if (r.committee === undefined) addIssueAt(ctx, ["committee"], `is required for the ${r.role} role`);
    return { role: r.role, committee: r.committee ?? "", title };
  }
  if (r.committee !== undefined) addIssueAt(ctx, ["committee"], `a ${r.role} role belongs to an agency, not a committee`);
  if (r.agency === undefined) addIssueAt(ctx, ["agency"], `is required for the ${r.role} role`);
  return { role: r.role, agency: r.agency ?? "", title };
});

/** A person without their roles, which are parsed one by one (see parse.ts). */
export const personSchema = record({
  name: text(),
  phone: optional(phone()),
  gender: optional(oneOf(GENDERS)),
  roles: z.array(z.unknown()).min(1).max(LIMITS.rolesPerPerson),
}).transform((p): Omit<PersonEntry, "roles"> => ({ name: p.name, phone: p.phone ?? null, gender: p.gender ?? null }));

/** A meeting without its resolutions, which are parsed one by one (see parse.ts); here only their list is checked. */
export const meetingSchema = record({
  number: label(),
  date: jalaliDate(),
  title: optional(text()),
  chair: optional(text()),
  resolutions: optional(z.array(z.unknown()).max(LIMITS.resolutionsPerMeeting)),
}).transform((m): Omit<MeetingEntry, "resolutions"> => ({
  number: m.number,
  date: m.date,
  title: m.title ?? null,
  chair: m.chair ?? null,
}));

/** The file's `one-off` is the database's `one_off`. */
const KIND_IN_FILE: Readonly<Record<string, ResolutionKind>> = { "one-off": "one_off", recurring: "recurring", standing: "standing" };

const leadSchema = code().transform((c): Lead => (c === "all" ? { kind: "all" } : { kind: "agency", code: c }));

export const resolutionSchema = record({
  number: positiveInteger(),
  text: text(LIMITS.resolutionMessage),
  lead: leadSchema,
  co: optional(listOf(code(), LIMITS.coAgencies)),
  deadline: optional(jalaliDate()),
  kind: optional(oneOf(Object.keys(KIND_IN_FILE))),
  reportTo: optional(text()),
}).transform((r, ctx): ResolutionEntry => {
  const kind = KIND_IN_FILE[r.kind ?? "one-off"] ?? "one_off";
  const co = r.co ?? [];
  if (kind === "standing" && r.deadline !== undefined) addIssueAt(ctx, ["deadline"], "a standing resolution has no deadline");
  if (kind !== "standing" && r.deadline === undefined) addIssueAt(ctx, ["deadline"], "is required (only a standing resolution has none)");
  if (r.lead.kind === "all" && co.length > 0) addIssueAt(ctx, ["co"], "with `lead: all` every agency already takes part; remove co");
  return { number: r.number, text: r.text, lead: r.lead, co, kind, deadline: r.deadline ?? null, reportTo: r.reportTo ?? null };
});

export const fileSchema = record({
  committee: z.unknown(),
  agencies: optional(z.array(z.unknown()).max(LIMITS.agencies)),
  people: optional(z.array(z.unknown()).max(LIMITS.people)),
  meetings: optional(z.array(z.unknown()).max(LIMITS.meetings)),
});
