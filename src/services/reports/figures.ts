/**
 * Where things stand, for a committee: loads the rows the figures are computed from and hands
 * them to domain/reports. Every output (chat, chart, workbook, CLI, digest) starts here.
 *
 * Access (checked here on every call, from the database): the secretariat and the governorate of a
 * committee see all of it; an agency's head or liaison sees their own agency's figures and items
 * and the committee's overall realization, never another agency's figures.
 */
import type { Db } from "../../db/client.js";
import { figureRows, submissionFigureRows } from "../../db/sql/figure-rows.js";
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

export class ReportService {
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
    const input = await loadFiguresInput(this.db, committeeId, this.clock.now(), period);
    return { committee: input.committee, figures: computeFigures(input) };
  }
}

export async function committeeIdOf(db: Db, committeeCode: string): Promise<number> {
  const committee = await db.committee.findUnique({ where: { code: committeeCode }, select: { id: true } });
  if (!committee) throw new ReportError(`no committee with code "${committeeCode}"`);
  return committee.id;
}

/** Every row the figures of one committee are computed from. */
export async function loadFiguresInput(
  db: Db,
  committeeId: number,
  now: Date,
  period: PeriodKind | ReportPeriod,
): Promise<FiguresInput & { committee: CommitteeRef }> {
  const committee = await db.committee.findUniqueOrThrow({
    where: { id: committeeId },
    select: {
      id: true,
      code: true,
      name: true,
      calendar: true,
      weeklyReportTemplate: true,
      quotas: true,
      agencies: { select: { agency: { select: { id: true, code: true, name: true } } }, orderBy: { agencyId: "asc" } },
    },
  });
  const agencies = committee.agencies.map((a) => a.agency);
  const [assignments, cycles, submissions] = await Promise.all([
    figureRows(db, committeeId),
    db.weeklyReportCycle.findMany({
      where: { committeeId },
      select: { id: true, period: true, opensAt: true, dueAt: true },
      orderBy: { opensAt: "asc" },
    }),
    submissionFigureRows(db, committeeId),
  ]);
  const indicators: IndicatorDef[] = templateQuestions(committee.weeklyReportTemplate)
    .filter((q) => q.type === "number")
    .map((q) => ({ key: q.key, label: q.label, ...(q.unit !== undefined ? { unit: q.unit } : {}) }));
  return {
    committee: { id: committee.id, code: committee.code, name: committee.name },
    now,
    period: typeof period === "string" ? periodContaining(period, now) : period,
    calendar: workCalendarOf(committee.calendar),
    agencies,
    assignments: assignments.map((a) => ({
      ...a,
      kind: a.kind as ResolutionKind,
      status: a.status as AssignmentStatus,
    })),
    cycles,
    submissions,
    indicators,
    quotas: Array.isArray(committee.quotas) ? (committee.quotas as unknown as Quota[]) : [],
  };
}
