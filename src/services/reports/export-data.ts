/**
 * Everything the Excel workbook shows of a committee, loaded for a period: each assignment with
 * its full history (status changes, progress, deadline changes, reminders and escalations), the
 * weekly reports with every answer (and the missing ones), the notices with RSVP, and the figures.
 * People's names appear here: the workbook goes only to the secretariat, in a private chat, or to
 * an operator's file.
 */
import type { Db } from "../../db/client.js";
import { exportAssignmentRows } from "../../db/sql/export-assignment-rows.js";
import { exportAuditRows } from "../../db/sql/export-audit-rows.js";
import { exportEscalationRows } from "../../db/sql/export-escalation-rows.js";
import { exportProgressRows } from "../../db/sql/export-progress-rows.js";
import { type ExportSubmissionRow, exportSubmissionRows } from "../../db/sql/export-submission-rows.js";
import type { AssignmentStatus, ResolutionKind } from "../../domain/assignments/status.js";
import type { WeeklyReportQuestion, WeeklyReportTemplate } from "../../domain/committee-file/index.js";
import type { Delivery } from "../../domain/notices/index.js";
import { type CommitteeFigures, type ReportPeriod, computeFigures, inPeriod } from "../../domain/reports/index.js";
import { recipientFacts } from "../notices/common.js";
import { type CommitteeRef, type FigureRows, figuresInputOf, loadFigureRows } from "./figures.js";

export interface ExportAssignment {
  id: number;
  meetingNumber: string;
  meetingHeldOn: Date;
  resolutionNumber: number;
  resolutionText: string;
  kind: ResolutionKind;
  agency: string;
  role: string;
  status: AssignmentStatus;
  percent: number;
  deadline: Date | null;
  extensions: number;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  reportedDoneAt: Date | null;
  doneAt: Date | null;
  cancelledAt: Date | null;
  lastProgressAt: Date | null;
  blockedReason: string | null;
}

export type HistoryKind = "status" | "update" | "deadline" | "escalation";

export interface HistoryEvent {
  assignmentId: number;
  at: Date;
  kind: HistoryKind;
  /** status: "from→to"; update: the ProgressUpdate kind; escalation: the ladder step; deadline: "". */
  what: string;
  by: string | null;
  text: string | null;
  percent: number | null;
  /** A deadline change's previous and next deadline. */
  previous?: Date | null;
  next?: Date | null;
}

export interface ExportReport {
  period: string;
  dueAt: Date;
  agency: string;
  /** Undefined: the report is missing. */
  submission?: { submittedAt: Date; late: boolean; edited: boolean; by: string | null; answers: Record<string, unknown> };
}

export interface ExportNotice {
  title: string;
  meetingAt: Date | null;
  location: string | null;
  createdAt: Date;
  person: string;
  delivery: Delivery;
  rsvp: string | null;
  delegateName: string | null;
  rsvpAt: Date | null;
}

export interface ExportData {
  committee: CommitteeRef;
  figures: CommitteeFigures;
  assignments: ExportAssignment[];
  history: HistoryEvent[];
  questions: readonly WeeklyReportQuestion[];
  reports: ExportReport[];
  notices: ExportNotice[];
}

/**
 * Each row is read once: the figures are computed from the same assignments and reports the
 * sheets list (read here with the sheets' columns too), not from a second reading of them.
 */
export async function loadExportData(db: Db, committeeId: number, now: Date, period: ReportPeriod): Promise<ExportData> {
  const range = period.from === null ? {} : { gte: period.from, lt: period.to };
  const [figureRows, agencies, assignments, submissions, allUpdates, allEscalations, deadlineChanges, audits, people] = await Promise.all([
    loadFigureRows(db, committeeId),
    db.agency.findMany({ select: { id: true, name: true } }),
    exportAssignmentRows(db, committeeId),
    exportSubmissionRows(db, committeeId),
    exportProgressRows(db, committeeId),
    exportEscalationRows(db, committeeId),
    // By relation, not by a list of ids: 20,000 ids exceed what a statement may carry (P2029).
    db.deadlineChange.findMany({ where: { resolution: { meeting: { committeeId, heldOn: range } } }, orderBy: { at: "asc" } }),
    exportAuditRows(db, committeeId),
    db.person.findMany({ select: { id: true, name: true } }),
  ]);
  const input = figuresInputOf(figureRows, { assignments, submissions }, now, period);
  const figures = computeFigures(input);
  const resolutionOf = figureRows.resolutionOf;
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  // Each resolution read once and shared by its agencies' rows; by meeting date, resolution number
  // and agency. The resolutions are put in order (4,000), then the rows by their resolution's place.
  const resolutions = [...resolutionOf.values()].sort(
    (x, y) => x.meeting.heldOn.getTime() - y.meeting.heldOn.getTime() || x.number - y.number,
  );
  const place = new Map<number, number>();
  resolutions.forEach((r, i) => {
    const previous = resolutions[i - 1];
    const tied = previous && previous.meeting.heldOn.getTime() === r.meeting.heldOn.getTime() && previous.number === r.number;
    place.set(r.id, tied ? place.get(previous.id)! : i);
  });
  const rows = assignments
    .filter((a) => inPeriod(period, resolutionOf.get(a.resolutionId)!.meeting.heldOn))
    .sort((x, y) => place.get(x.resolutionId)! - place.get(y.resolutionId)! || x.agencyId - y.agencyId || x.id - y.id);
  const ids = rows.map((r) => r.id);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const history: HistoryEvent[] = [];
  const byResolution = new Map<number, number[]>();
  for (const r of rows) {
    const list = byResolution.get(r.resolutionId);
    if (list) list.push(r.id);
    else byResolution.set(r.resolutionId, [r.id]);
  }
  const extensions = new Map<number, number>();
  for (const change of deadlineChanges) {
    // A change for one agency belongs to its assignment; one for the resolution to each of its agencies.
    for (const assignmentId of change.assignmentId !== null ? [change.assignmentId] : (byResolution.get(change.resolutionId) ?? [])) {
      extensions.set(assignmentId, (extensions.get(assignmentId) ?? 0) + 1);
      history.push({
        assignmentId,
        at: change.at,
        kind: "deadline",
        what: "",
        by: change.byPersonId !== null ? (nameOf.get(change.byPersonId) ?? null) : null,
        text: change.reason,
        percent: null,
        previous: change.previous,
        next: change.next,
      });
    }
  }
  const exported = new Set(ids);
  for (const audit of audits) {
    if (!exported.has(audit.assignmentId)) continue;
    const data = (audit.data ?? {}) as { from?: unknown; to?: unknown };
    if (typeof data.from !== "string" || typeof data.to !== "string" || data.from === data.to) continue;
    history.push({
      assignmentId: audit.assignmentId,
      at: audit.at,
      kind: "status",
      what: `${data.from}→${data.to}`,
      by: audit.actorKind === "person" && audit.actorId !== null ? (nameOf.get(audit.actorId) ?? null) : null,
      text: null,
      percent: null,
    });
  }
  for (const u of allUpdates) {
    if (!exported.has(u.assignmentId)) continue;
    history.push({
      assignmentId: u.assignmentId,
      at: u.createdAt,
      kind: "update",
      what: u.kind,
      by: u.personId !== null ? (nameOf.get(u.personId) ?? null) : null,
      text: u.text,
      percent: u.percent,
    });
  }
  for (const e of allEscalations) {
    if (!exported.has(e.assignmentId)) continue;
    history.push({
      assignmentId: e.assignmentId,
      at: e.firedAt,
      kind: "escalation",
      what: e.step,
      by: null,
      text: e.outcome,
      percent: null,
    });
  }
  // At one instant, what was said comes before the status change it caused.
  const rank: Record<HistoryKind, number> = { update: 0, status: 1, deadline: 2, escalation: 3 };
  history.sort((a, b) => a.assignmentId - b.assignmentId || a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);

  return {
    committee: input.committee,
    figures,
    assignments: rows.map((a): ExportAssignment => {
      const r = resolutionOf.get(a.resolutionId)!;
      return {
        id: a.id,
        meetingNumber: r.meeting.number,
        meetingHeldOn: r.meeting.heldOn,
        resolutionNumber: r.number,
        resolutionText: r.text,
        kind: r.kind as ResolutionKind,
        agency: agencyName.get(a.agencyId) ?? "",
        role: a.role,
        status: a.status as AssignmentStatus,
        percent: a.percent,
        deadline: a.deadline,
        extensions: extensions.get(a.id) ?? 0,
        publishedAt: a.publishedAt,
        acknowledgedAt: a.acknowledgedAt,
        reportedDoneAt: a.reportedDoneAt,
        doneAt: a.doneAt,
        cancelledAt: a.cancelledAt,
        lastProgressAt: a.lastProgressAt,
        blockedReason: a.blockedReason,
      };
    }),
    history,
    ...reportsOf(figureRows, submissions, period, input.agencies, nameOf),
    notices: await loadNotices(db, committeeId, period),
  };
}

/** Every present agency's report of each cycle of the period, a missing one included. */
function reportsOf(
  { committee, cycles: allCycles }: FigureRows,
  submissions: readonly ExportSubmissionRow[],
  period: ReportPeriod,
  agencies: readonly { id: number; name: string }[],
  nameOf: ReadonlyMap<number, string>,
): { questions: readonly WeeklyReportQuestion[]; reports: ExportReport[] } {
  const template = committee.weeklyReportTemplate as WeeklyReportTemplate | null;
  const byCycle = new Map<number, Map<number, (typeof submissions)[number]>>();
  for (const s of submissions) {
    let cycle = byCycle.get(s.cycleId);
    if (!cycle) byCycle.set(s.cycleId, (cycle = new Map()));
    cycle.set(s.agencyId, s);
  }
  const reports: ExportReport[] = [];
  for (const cycle of allCycles.filter((c) => inPeriod(period, c.opensAt))) {
    const byAgency = byCycle.get(cycle.id);
    for (const agency of agencies) {
      const s = byAgency?.get(agency.id);
      reports.push({
        period: cycle.period,
        dueAt: cycle.dueAt,
        agency: agency.name,
        ...(s
          ? {
              submission: {
                submittedAt: s.submittedAt,
                late: s.late,
                edited: s.edited,
                by: s.personId !== null ? (nameOf.get(s.personId) ?? null) : null,
                answers: (s.answers ?? {}) as Record<string, unknown>,
              },
            }
          : {}),
      });
    }
  }
  return { questions: Array.isArray(template?.questions) ? template.questions : [], reports };
}

async function loadNotices(db: Db, committeeId: number, period: ReportPeriod): Promise<ExportNotice[]> {
  const notices = await db.notice.findMany({
    where: { committeeId, ...(period.from === null ? {} : { createdAt: { gte: period.from, lt: period.to } }) },
    orderBy: { createdAt: "asc" },
  });
  // Delivery and the latest answer are read the way the notice's own tracking view reads them.
  const rows: ExportNotice[] = [];
  for (const n of notices) {
    for (const r of await recipientFacts(db, n.id)) {
      rows.push({
        title: n.title,
        meetingAt: n.meetingAt,
        location: n.location,
        createdAt: n.createdAt,
        person: r.personName,
        delivery: r.delivery,
        rsvp: r.answer?.answer ?? null,
        delegateName: r.answer?.delegateName ?? null,
        rsvpAt: r.answer?.at ?? null,
      });
    }
  }
  return rows;
}
