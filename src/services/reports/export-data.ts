/**
 * Everything the Excel workbook shows of a committee, loaded for a period: each assignment with
 * its full history (status changes, progress, deadline changes, reminders and escalations), the
 * weekly reports with every answer (and the missing ones), the notices with RSVP, and the figures.
 * People's names appear here: the workbook goes only to the secretariat, in a private chat, or to
 * an operator's file.
 */
import type { Db } from "../../db/client.js";
import { exportAssignmentRows, exportEscalationRows, exportUpdateRows } from "../../db/sql/export-rows.js";
import type { AssignmentStatus, ResolutionKind } from "../../domain/assignments/status.js";
import type { WeeklyReportQuestion, WeeklyReportTemplate } from "../../domain/committee-file/index.js";
import type { Delivery } from "../../domain/notices/index.js";
import { type CommitteeFigures, type ReportPeriod, computeFigures, inPeriod } from "../../domain/reports/index.js";
import { recipientFacts } from "../notices/common.js";
import { type CommitteeRef, loadFiguresInput } from "./figures.js";

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

export async function loadExportData(db: Db, committeeId: number, now: Date, period: ReportPeriod): Promise<ExportData> {
  const input = await loadFiguresInput(db, committeeId, now, period);
  const figures = computeFigures(input);
  const range = period.from === null ? {} : { gte: period.from, lt: period.to };
  const inRange = (r: { meetingHeldOn: Date }) => inPeriod(period, r.meetingHeldOn);
  const [allRows, allUpdates, allEscalations] = await Promise.all([
    exportAssignmentRows(db, committeeId),
    exportUpdateRows(db, committeeId),
    exportEscalationRows(db, committeeId),
  ]);
  const rows = allRows.filter(inRange);
  const ids = rows.map((r) => r.id);
  const [deadlineChanges, audits, people] = await Promise.all([
    // By relation, not by a list of ids: 20,000 ids exceed what a statement may carry (P2029).
    db.deadlineChange.findMany({ where: { resolution: { meeting: { committeeId, heldOn: range } } }, orderBy: { at: "asc" } }),
    auditRowsOf(db, ids),
    db.person.findMany({ select: { id: true, name: true } }),
  ]);
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
  for (const audit of audits) {
    const data = (audit.data ?? {}) as { from?: unknown; to?: unknown };
    if (typeof data.from !== "string" || typeof data.to !== "string" || data.from === data.to) continue;
    history.push({
      assignmentId: Number(audit.entityId),
      at: audit.at,
      kind: "status",
      what: `${data.from}→${data.to}`,
      by: audit.actorKind === "person" && audit.actorId !== null ? (nameOf.get(audit.actorId) ?? null) : null,
      text: null,
      percent: null,
    });
  }
  const exported = new Set(ids);
  for (const u of allUpdates) {
    if (!exported.has(u.assignmentId)) continue;
    history.push({
      assignmentId: u.assignmentId,
      at: u.createdAt,
      kind: "update",
      what: u.kind,
      by: u.person,
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
    assignments: rows.map(({ resolutionId: _, ...r }) => ({
      ...r,
      kind: r.kind as ResolutionKind,
      status: r.status as AssignmentStatus,
      extensions: extensions.get(r.id) ?? 0,
    })),
    history,
    ...(await loadReports(db, committeeId, period, input.agencies)),
    notices: await loadNotices(db, committeeId, period),
  };
}

async function loadReports(
  db: Db,
  committeeId: number,
  period: ReportPeriod,
  agencies: readonly { id: number; name: string }[],
): Promise<{ questions: readonly WeeklyReportQuestion[]; reports: ExportReport[] }> {
  const committee = await db.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { weeklyReportTemplate: true } });
  const template = committee.weeklyReportTemplate as WeeklyReportTemplate | null;
  const cycles = (
    await db.weeklyReportCycle.findMany({
      where: { committeeId },
      include: { submissions: { include: { person: { select: { name: true } } } } },
      orderBy: { opensAt: "asc" },
    })
  ).filter((c) => inPeriod(period, c.opensAt));
  const reports: ExportReport[] = [];
  for (const cycle of cycles) {
    const byAgency = new Map(cycle.submissions.map((s) => [s.agencyId, s]));
    for (const agency of agencies) {
      const s = byAgency.get(agency.id);
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
                by: s.person?.name ?? null,
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

/** Audit rows point at their entity by id in a string column (no relation): fetched in slices of ids, oldest first. */
async function auditRowsOf(db: Db, assignmentIds: readonly number[]) {
  const SLICE = 500;
  const slices = [];
  for (let i = 0; i < assignmentIds.length; i += SLICE) {
    const entityIds = assignmentIds.slice(i, i + SLICE).map(String);
    slices.push(await db.auditLog.findMany({ where: { entity: "Assignment", entityId: { in: entityIds } }, orderBy: { at: "asc" } }));
  }
  return slices.flat().sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
}
