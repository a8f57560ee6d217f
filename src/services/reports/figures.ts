/**
 * Where things stand, for a committee: loads the rows the figures are computed from and hands
 * them to domain/reports. Every output (chat, chart, workbook, CLI, digest) starts here.
 *
 * Access (checked here on every call, from the database): the secretariat and the governorate of a
 * committee see all of it; an agency's head or liaison sees their own agency's figures and items
 * and the committee's overall realization, never another agency's figures.
 */
import type { Db, Prisma } from "../../db/client.js";
import { type FigureAssignmentRow, figureAssignmentRows } from "../../db/sql/figure-assignment-rows.js";
import { figureSubmissionRows } from "../../db/sql/figure-submission-rows.js";
import { figureRowsOfCommittee } from "../../db/sql/figure-rows.js";
import { figuresFingerprint } from "../../db/sql/figures-fingerprint.js";
import type { AssignmentStatus, ResolutionKind } from "../../domain/assignments/status.js";
import type { WeeklyReportTemplate } from "../../domain/committee-file/index.js";
import {
  type AgencyFigures,
  type CommitteeFigures,
  type FiguresInput,
  type IndicatorDef,
  type OverdueItem,
  type PeriodKind,
  type Quota,
  type ReportPeriod,
  computeFigures,
  periodContaining,
} from "../../domain/reports/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";

export interface CommitteeRef {
  id: number;
  code: string;
  name: string;
}

export interface CommitteeReport {
  committee: CommitteeRef;
  figures: CommitteeFigures;
}

/** What one person may see of a committee's standing. */
export type StatusView =
  | { scope: "committee"; committee: CommitteeRef; figures: CommitteeFigures }
  | {
      scope: "agency";
      committee: CommitteeRef;
      /** The committee's realization as a whole, for comparison; no other agency's figures. */
      committeeRealization: number | null;
      agency: AgencyFigures;
      overdue: readonly OverdueItem[];
      figures: Pick<CommitteeFigures, "now" | "period" | "indicators">;
    };

export class ReportError extends Error {
  override name = "ReportError";
}

const templateQuestions = (json: unknown): WeeklyReportTemplate["questions"] => {
  const questions = (json as WeeklyReportTemplate | null)?.questions;
  return Array.isArray(questions) ? questions : [];
};

/** Committees × periods whose latest figures are kept (a deployment has a handful of committees). */
const CACHED_REPORTS = 16;
const MINUTE_MS = 60_000;

interface CachedReport {
  fingerprint: string;
  minute: number;
  report: Promise<CommitteeReport>;
}

export class ReportService {
  /**
   * The figures last computed for each committee and period, served again within the same minute
   * of the clock while the committee's fingerprint (db/sql/figures-fingerprint.ts) is unchanged:
   * a write that changes any figure changes the fingerprint, so the next read recomputes. Within a
   * minute only the pro-rata quota expectation can move (days, deadlines and report due times all
   * fall on whole minutes), by less than a minute's share of the year.
   */
  readonly #cache = new Map<string, CachedReport>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** For operators (CLI) and the digest: every figure of a committee, no access check. */
  async committeeReport(committeeCode: string, period: PeriodKind | ReportPeriod = "year"): Promise<CommitteeReport> {
    return this.#report(await committeeIdOf(this.db, committeeCode), period);
  }

  /** The committees whose standing a person may see, secretariat and governorate ones first. */
  async visibleCommittees(personId: number): Promise<{ committee: CommitteeRef; agencyIds: number[] | "all" }[]> {
    const memberships = await this.db.membership.findMany({
      where: { personId, active: true },
      select: {
        role: true,
        committee: { select: { id: true, code: true, name: true } },
        agency: { select: { id: true, committees: { select: { committee: { select: { id: true, code: true, name: true } } } } } },
      },
      orderBy: { id: "asc" },
    });
    const visible = new Map<number, { committee: CommitteeRef; agencyIds: number[] | "all" }>();
    for (const m of memberships) {
      if ((m.role === "secretariat" || m.role === "governorate") && m.committee)
        visible.set(m.committee.id, { committee: m.committee, agencyIds: "all" });
    }
    for (const m of memberships) {
      if ((m.role !== "head" && m.role !== "liaison") || !m.agency) continue;
      for (const { committee } of m.agency.committees) {
        const entry = visible.get(committee.id) ?? { committee, agencyIds: [] };
        if (entry.agencyIds !== "all" && !entry.agencyIds.includes(m.agency.id)) entry.agencyIds.push(m.agency.id);
        visible.set(committee.id, entry);
      }
    }
    return [...visible.values()];
  }

  /**
   * The standing a person may see in a committee (the first they may see when none is given),
   * or undefined when they may see none. An agency member of several agencies sees the first;
   * `agencyId` picks another of theirs.
   */
  async statusFor(
    personId: number,
    options: { committeeId?: number; agencyId?: number; period?: PeriodKind } = {},
  ): Promise<StatusView | undefined> {
    const visible = await this.visibleCommittees(personId);
    const entry = options.committeeId === undefined ? visible[0] : visible.find((v) => v.committee.id === options.committeeId);
    if (!entry) return undefined;
    const { committee, figures } = await this.#report(entry.committee.id, options.period ?? "year");
    if (entry.agencyIds === "all") return { scope: "committee", committee, figures };
    const agencyId = options.agencyId !== undefined && entry.agencyIds.includes(options.agencyId) ? options.agencyId : entry.agencyIds[0];
    const agency = figures.agencies.find((a) => a.agency.id === agencyId);
    if (!agency) return undefined;
    return {
      scope: "agency",
      committee,
      committeeRealization: figures.committee.realization,
      agency,
      overdue: figures.overdue.filter((o) => o.agency.id === agencyId),
      figures: { now: figures.now, period: figures.period, indicators: figures.indicators },
    };
  }

  /** True when the person is on the committee's secretariat (who may export its records). */
  async isSecretariat(personId: number, committeeId: number): Promise<boolean> {
    const found = await this.db.membership.findFirst({
      where: { personId, committeeId, role: "secretariat", active: true },
      select: { id: true },
    });
    return found !== null;
  }

  /**
   * Whether a governorate member also gets the weekly digest in their private chats: `on` sets it
   * (on every committee they serve as governorate), undefined only reads it. Undefined when the
   * person is no committee's governorate member.
   */
  async weeklyDigest(personId: number, on?: boolean): Promise<{ on: boolean } | undefined> {
    const where = { personId, role: "governorate", active: true };
    const memberships = await this.db.membership.findMany({ where, select: { id: true, weeklyDigest: true } });
    if (memberships.length === 0) return undefined;
    if (on === undefined) return { on: memberships.some((m) => m.weeklyDigest) };
    const now = this.clock.now();
    await this.db.$transaction(async (tx) => {
      await tx.membership.updateMany({ where, data: { weeklyDigest: on } });
      for (const m of memberships.filter((m) => m.weeklyDigest !== on))
        await audit(tx, { kind: "person", personId }, "membership.weekly_digest", "Membership", m.id, { on }, now);
    });
    return { on };
  }

  async #report(committeeId: number, period: PeriodKind | ReportPeriod): Promise<CommitteeReport> {
    const now = this.clock.now();
    // Read before the rows: a write in between leaves the fingerprint older than the rows, never newer.
    const fingerprint = await figuresFingerprint(this.db, committeeId);
    const key = `${committeeId} ${typeof period === "string" ? period : JSON.stringify(period)}`;
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    const cached = this.#cache.get(key);
    if (cached && cached.fingerprint === fingerprint && cached.minute === minute) return cached.report;
    const report = loadFiguresInput(this.db, committeeId, now, period).then((input) => ({
      committee: input.committee,
      figures: computeFigures(input),
    }));
    this.#cache.delete(key);
    this.#cache.set(key, { fingerprint, minute, report });
    if (this.#cache.size > CACHED_REPORTS) this.#cache.delete(this.#cache.keys().next().value!);
    // A failed load is not kept.
    report.catch(() => {
      if (this.#cache.get(key)?.report === report) this.#cache.delete(key);
    });
    return report;
  }
}

export async function committeeIdOf(db: Db, committeeCode: string): Promise<number> {
  const committee = await db.committee.findUnique({ where: { code: committeeCode }, select: { id: true } });
  if (!committee) throw new ReportError(`no committee with code "${committeeCode}"`);
  return committee.id;
}

/**
 * The rows of one committee the figures are computed from, other than its assignments and reports
 * (which the export reads with more columns, once for both): the committee with its agencies, the
 * resolutions by id (each read once, shared by its agencies' rows), the deadline changes counted
 * and the cycles, in one statement (db/sql/figure-rows.ts).
 */
export async function loadFigureRows(db: Db, committeeId: number) {
  const rows = await figureRowsOfCommittee(db, committeeId);
  if (!rows) throw new ReportError(`no committee with id ${committeeId}`);
  const { committee, resolutions, deadlineChanges, cycles } = rows;
  return { committee, resolutionOf: new Map(resolutions.map((r) => [r.id, r])), deadlineChanges, cycles };
}

export type FigureRows = Awaited<ReturnType<typeof loadFigureRows>>;

/** The columns of a weekly report the figures read. */
export interface FigureSubmission {
  cycleId: number;
  agencyId: number;
  late: boolean;
  answers: Prisma.JsonValue;
}

/** The rows the figures read that the export reads with more columns. */
export interface FigureItems {
  /** The columns of db/sql/figure-assignment-rows.ts's FIGURE_ASSIGNMENT_COLUMNS (its resolution's come from loadFigureRows), however many more a caller loaded. */
  assignments: readonly FigureAssignmentRow[];
  /** Every report of the committee's cycles; the figures keep those of its present agencies. */
  submissions: readonly FigureSubmission[];
}

/**
 * Every row the figures of one committee are computed from: the committee's rows first, for the
 * numeric questions whose answers the reports are read with; each set one JSON value built by the
 * database (db/sql/figure-rows.ts, figure-assignment-rows.ts, figure-submission-rows.ts), where Prisma's per-row handling of 40,000
 * rows cost most of the figures' time.
 */
export async function loadFiguresInput(
  db: Db,
  committeeId: number,
  now: Date,
  period: PeriodKind | ReportPeriod,
): Promise<FiguresInput & { committee: CommitteeRef }> {
  const [[rows, submissions], assignments] = await Promise.all([
    loadFigureRows(db, committeeId).then(async (rows) => {
      const keys = indicatorsOf(rows.committee.weeklyReportTemplate).map((i) => i.key);
      return [rows, await figureSubmissionRows(db, committeeId, keys)] as const;
    }),
    figureAssignmentRows(db, committeeId),
  ]);
  return figuresInputOf(rows, { assignments, submissions }, now, period);
}

/** The numeric questions of a weekly-report template: the indicators added up. */
function indicatorsOf(template: unknown): IndicatorDef[] {
  return templateQuestions(template)
    .filter((q) => q.type === "number")
    .map((q) => ({ key: q.key, label: q.label, ...(q.unit !== undefined ? { unit: q.unit } : {}) }));
}

/** The figures' input from the rows loaded (pure). */
export function figuresInputOf(
  rows: FigureRows,
  { assignments, submissions }: FigureItems,
  now: Date,
  period: PeriodKind | ReportPeriod,
): FiguresInput & { committee: CommitteeRef } {
  const { committee, resolutionOf, deadlineChanges, cycles } = rows;
  // A change for one agency counts for its assignment; one for the whole resolution, for each of its agencies.
  const byAssignment = new Map<number, number>();
  const byResolution = new Map<number, number>();
  for (const e of deadlineChanges) {
    if (e.assignmentId === null) byResolution.set(e.resolutionId, e.changes);
    else byAssignment.set(e.assignmentId, (byAssignment.get(e.assignmentId) ?? 0) + e.changes);
  }
  const indicators = indicatorsOf(committee.weeklyReportTemplate);
  const agencies = committee.agencies;
  // Only the committee's agencies' reports (an agency that left keeps its rows but is no longer counted).
  const present = new Set(agencies.map((a) => a.id));
  return {
    committee: { id: committee.id, code: committee.code, name: committee.name },
    now,
    period: typeof period === "string" ? periodContaining(period, now) : period,
    calendar: workCalendarOf(committee.calendar),
    agencies,
    assignments: assignments.map((a) => {
      const r = resolutionOf.get(a.resolutionId)!;
      return {
        id: a.id,
        agencyId: a.agencyId,
        status: a.status as AssignmentStatus,
        percent: a.percent,
        deadline: a.deadline,
        reportedDoneAt: a.reportedDoneAt,
        doneAt: a.doneAt,
        resolutionNumber: r.number,
        resolutionText: r.text,
        kind: r.kind as ResolutionKind,
        meetingNumber: r.meeting.number,
        meetingHeldOn: r.meeting.heldOn,
        extensions: (byAssignment.get(a.id) ?? 0) + (byResolution.get(a.resolutionId) ?? 0),
      };
    }),
    cycles,
    submissions: submissions
      .filter((s) => present.has(s.agencyId))
      .map((s) => ({
        cycleId: s.cycleId,
        agencyId: s.agencyId,
        late: s.late,
        answers:
          s.answers !== null && typeof s.answers === "object" && !Array.isArray(s.answers) ? (s.answers as Record<string, unknown>) : {},
      })),
    indicators,
    quotas: Array.isArray(committee.quotas) ? (committee.quotas as unknown as Quota[]) : [],
  };
}
