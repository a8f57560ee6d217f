/**
 * What the escalation ladder needs about assignments, with their committee's calendar and policy,
 * in one query (the scheduler reads this for every due row).
 */
import { Prisma, type Tx } from "../client.js";
import { FINAL_ASSIGNMENT_STATUSES } from "../../domain/vocabulary.js";
import { asJson, decodeInstant } from "./decode.js";
import { sqlList } from "./vocabulary.js";

export interface LadderRow {
  id: number;
  version: number;
  status: string;
  kind: string;
  agencyId: number;
  resolutionId: number;
  committeeId: number;
  committeeCode: string;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  lastProgressAt: Date | null;
  deadline: Date | null;
  escalationCursor: Date | null;
  calendar: unknown;
  escalationPolicy: unknown;
}

export async function ladderRows(db: Tx, where: { ids: readonly number[] } | { committeeCode?: string; open: true }): Promise<LadderRow[]> {
  const filter =
    "ids" in where
      ? where.ids.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`a."id" IN (${Prisma.join(where.ids)})`
      : Prisma.sql`a."status" NOT IN (${sqlList(FINAL_ASSIGNMENT_STATUSES)}) ${where.committeeCode ? Prisma.sql`AND c."code" = ${where.committeeCode}` : Prisma.empty}`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a."id", a."version", a."status", r."kind", a."agencyId", a."resolutionId", c."id" AS "committeeId", c."code" AS "committeeCode",
           a."publishedAt", a."acknowledgedAt", a."lastProgressAt", a."deadline", a."escalationCursor", c."calendar", c."escalationPolicy"
    FROM "Assignment" a
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    JOIN "Committee" c ON c."id" = m."committeeId"
    WHERE ${filter}
    ORDER BY a."id"`;
  return rows.map((row) => ({
    id: Number(row.id),
    version: Number(row.version),
    status: String(row.status),
    kind: String(row.kind),
    agencyId: Number(row.agencyId),
    resolutionId: Number(row.resolutionId),
    committeeId: Number(row.committeeId),
    committeeCode: String(row.committeeCode),
    publishedAt: decodeInstant(row.publishedAt)!,
    acknowledgedAt: decodeInstant(row.acknowledgedAt),
    lastProgressAt: decodeInstant(row.lastProgressAt),
    deadline: decodeInstant(row.deadline),
    escalationCursor: decodeInstant(row.escalationCursor),
    calendar: asJson(row.calendar),
    escalationPolicy: asJson(row.escalationPolicy),
  }));
}
