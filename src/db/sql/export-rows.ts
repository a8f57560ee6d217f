/**
 * The rows of a committee's workbook that are many (an assignment per agency and resolution, and
 * each one's updates and escalations), each in one query. Prisma's nested includes built an object
 * graph of every assignment with its relations and took seconds for a county's year of records.
 */
import { Prisma, type Tx } from "../client.js";

/** A date column as the driver returns it (a Date, epoch milliseconds or an ISO string). */
const asDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : typeof v === "number" ? new Date(v) : new Date(String(v));

export interface ExportAssignmentRow {
  id: number;
  resolutionId: number;
  agency: string;
  role: string;
  status: string;
  percent: number;
  deadline: Date | null;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  reportedDoneAt: Date | null;
  doneAt: Date | null;
  cancelledAt: Date | null;
  lastProgressAt: Date | null;
  blockedReason: string | null;
  resolutionNumber: number;
  resolutionText: string;
  kind: string;
  meetingNumber: string;
  meetingHeldOn: Date;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Every assignment of the committee's meetings, by meeting date, resolution number and agency. */
export async function exportAssignmentRows(db: Tx, committeeId: number): Promise<ExportAssignmentRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT a."id", a."resolutionId", g."name" AS "agency", a."role", a."status", a."percent", a."deadline", a."publishedAt",
           a."acknowledgedAt", a."reportedDoneAt", a."doneAt", a."cancelledAt", a."lastProgressAt", a."blockedReason",
           r."number" AS "resolutionNumber", r."text" AS "resolutionText", r."kind", m."number" AS "meetingNumber", m."heldOn"
    FROM "Assignment" a
    JOIN "Agency" g ON g."id" = a."agencyId"
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY m."heldOn", r."number", a."agencyId", a."id"`);
  return rows.map((row) => ({
    id: Number(row.id),
    resolutionId: Number(row.resolutionId),
    agency: String(row.agency),
    role: String(row.role),
    status: String(row.status),
    percent: Number(row.percent),
    deadline: asDate(row.deadline),
    publishedAt: asDate(row.publishedAt)!,
    acknowledgedAt: asDate(row.acknowledgedAt),
    reportedDoneAt: asDate(row.reportedDoneAt),
    doneAt: asDate(row.doneAt),
    cancelledAt: asDate(row.cancelledAt),
    lastProgressAt: asDate(row.lastProgressAt),
    blockedReason: text(row.blockedReason),
    resolutionNumber: Number(row.resolutionNumber),
    resolutionText: String(row.resolutionText),
    kind: String(row.kind),
    meetingNumber: String(row.meetingNumber),
    meetingHeldOn: asDate(row.heldOn)!,
  }));
}

export interface ExportUpdateRow {
  assignmentId: number;
  createdAt: Date;
  kind: string;
  text: string | null;
  percent: number | null;
  person: string | null;
}

/** The progress updates of the committee's assignments, each assignment's oldest first. */
export async function exportUpdateRows(db: Tx, committeeId: number): Promise<ExportUpdateRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT u."assignmentId", u."createdAt", u."kind", u."text", u."percent", p."name" AS "person"
    FROM "ProgressUpdate" u
    JOIN "Assignment" a ON a."id" = u."assignmentId"
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    LEFT JOIN "Person" p ON p."id" = u."personId"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY u."assignmentId", u."createdAt", u."id"`);
  return rows.map((row) => ({
    assignmentId: Number(row.assignmentId),
    createdAt: asDate(row.createdAt)!,
    kind: String(row.kind),
    text: text(row.text),
    percent: row.percent === null || row.percent === undefined ? null : Number(row.percent),
    person: text(row.person),
  }));
}

export interface ExportEscalationRow {
  assignmentId: number;
  firedAt: Date;
  step: string;
  outcome: string;
}

/** The escalations fired for the committee's assignments, each assignment's oldest first. */
export async function exportEscalationRows(db: Tx, committeeId: number): Promise<ExportEscalationRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT e."assignmentId", e."firedAt", e."step", e."outcome"
    FROM "EscalationEvent" e
    JOIN "Assignment" a ON a."id" = e."assignmentId"
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY e."assignmentId", e."firedAt", e."id"`);
  return rows.map((row) => ({
    assignmentId: Number(row.assignmentId),
    firedAt: asDate(row.firedAt)!,
    step: String(row.step),
    outcome: String(row.outcome),
  }));
}
