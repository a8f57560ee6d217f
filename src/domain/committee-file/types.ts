/**
 * A committee file after validation: every value normalised (ASCII digits, +989… phones, Persian
 * text cleaned, Jalali dates as dates, kinds in the database's vocabulary), every reference checked.
 */
import type { JalaliDate, ThursdayMode } from "../calendar/index.js";
import type { EscalationPolicy } from "../escalation/policy.js";

export const AGENCY_KINDS = ["office", "bank", "company", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

import type { AgencyRole, CommitteeRole, Gender, ResolutionKind } from "../vocabulary.js";

export {
  AGENCY_ROLES,
  COMMITTEE_ROLES,
  GENDERS,
  RESOLUTION_KINDS,
  type AgencyRole,
  type CommitteeRole,
  type Gender,
  type ResolutionKind,
} from "../vocabulary.js";

export const QUESTION_TYPES = ["text", "number"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Stored as Committee.calendar; the shape createWorkCalendar reads (CalendarConfig). */
export interface CommitteeCalendar {
  readonly thursday: ThursdayMode;
  readonly officeHours: { readonly start: string; readonly end: string };
  /** "1405/09/24": Latin digits, zero-padded, in file order. */
  readonly extraHolidays: readonly string[];
  readonly removedHolidays: readonly string[];
}

export interface WeeklyReportQuestion {
  readonly key: string;
  readonly label: string;
  readonly type: QuestionType;
  readonly unit?: string;
  readonly optional: boolean;
}

/** Stored as Committee.weeklyReportTemplate. `opens`/`due` are "saturday 08:00": lower-case weekday, HH:MM. */
export interface WeeklyReportTemplate {
  readonly opens: string;
  readonly due: string;
  readonly questions: readonly WeeklyReportQuestion[];
}

/** `quotas:` in the committee: a yearly target of a number question of the weekly report. */
export interface QuotaEntry {
  /** The key of a number question of weeklyReport. */
  readonly indicator: string;
  /** The Jalali year the target is for. */
  readonly year: number;
  /** The committee's target. */
  readonly target: number;
  /** Optional targets per agency code (they need not add up to the committee's). */
  readonly agencies: Readonly<Record<string, number>>;
}

export interface CommitteeEntry {
  readonly code: string;
  readonly name: string;
  readonly county: string | null;
  readonly province: string | null;
  readonly calendar: CommitteeCalendar;
  readonly weeklyReport: WeeklyReportTemplate | null;
  /**
   * The file's `escalation:` section, completed with the defaults of the parts it leaves out; null
   * when the file has none (stored as null: the committee follows DEFAULT_ESCALATION_POLICY).
   */
  readonly escalation: EscalationPolicy | null;
  /** Stored as Committee.quotas; empty when the file sets none. */
  readonly quotas: readonly QuotaEntry[];
  /** Whether joining checks the shared contact against the invited person's phone. */
  readonly verifyContact: boolean;
}

export interface AgencyEntry {
  readonly code: string;
  readonly name: string;
  readonly kind: AgencyKind;
}

export type RoleEntry =
  | { readonly role: CommitteeRole; readonly committee: string; readonly title: string | null }
  | { readonly role: AgencyRole; readonly agency: string; readonly title: string | null };

export interface PersonEntry {
  readonly name: string;
  /** +989XXXXXXXXX, or null: a person without a phone is identified by name. */
  readonly phone: string | null;
  /** male | female, or null: «جناب آقای / سرکار خانم» only where it is known. */
  readonly gender: Gender | null;
  readonly roles: readonly RoleEntry[];
}

/** `lead: all` assigns every agency of the committee; otherwise one agency leads. */
export type Lead = { readonly kind: "all" } | { readonly kind: "agency"; readonly code: string };

export interface ResolutionEntry {
  readonly number: number;
  readonly text: string;
  readonly lead: Lead;
  /** Co-operating agency codes; always empty when the lead is `all`. */
  readonly co: readonly string[];
  readonly kind: ResolutionKind;
  /** Null exactly for standing resolutions. */
  readonly deadline: JalaliDate | null;
  readonly reportTo: string | null;
}

export interface MeetingEntry {
  readonly number: string;
  readonly date: JalaliDate;
  readonly title: string | null;
  readonly chair: string | null;
  readonly resolutions: readonly ResolutionEntry[];
}

export interface CommitteeFile {
  readonly committee: CommitteeEntry;
  readonly agencies: readonly AgencyEntry[];
  readonly people: readonly PersonEntry[];
  readonly meetings: readonly MeetingEntry[];
}

/** One thing wrong with a file, for an operator: `people[2].phone` and the line it is on. */
export interface CommitteeFileError {
  /** Where in the document, as `meetings[0].resolutions[3].lead` (list positions count from 0); "" for the file as a whole. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
}
