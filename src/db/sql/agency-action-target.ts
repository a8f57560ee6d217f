import { Prisma, type Db, type Tx } from "../client.js";
import { rawQuery } from "../raw.js";
import { AGENCY_ROLES } from "../../domain/vocabulary.js";
import { asJson, decodeInstant } from "./decode.js";
import { sqlList } from "./vocabulary.js";

/** An assignment as an agency action needs it, with whether the person may act on it. */
export interface AgencyActionTargetRow {
  id: number;
  status: string;
  percent: number;
  blockedReason: string | null;
  resolutionNumber: number;
  kind: string;
  meetingNumber: string;
  committeeId: number;
  /** Set when the person holds an active head or liaison membership of the assignment's agency. */
  membershipId: number | null;
  /** What the escalation ladder is planned from (the action re-plans it in the same write). */
  publishedAt: Date;
  acknowledgedAt: Date | null;
  lastProgressAt: Date | null;
  deadline: Date | null;
  /** The committee's, as stored (JSON). */
  calendar: unknown;
  escalationPolicy: unknown;
}

/**
 * The one read every press and reply needs — the status, what the answer says about the item, and
 * whether the person may act on it (an active head or liaison of its agency) — as one statement:
 * through Prisma it would be five, and this runs for every update (see bench/inbound.ts). It
 * also reads what the item's escalation ladder is planned from, so that an action re-plans it in
 * the statement that changes the status (update-assignment-status.ts) rather than reading it again.
 */
export async function agencyActionTarget(db: Db | Tx, assignmentId: number, personId: number): Promise<AgencyActionTargetRow | undefined> {
  const [row] = await rawQuery<AgencyActionTargetRow>(
    db,
    Prisma.sql`
    SELECT a."id", a."status", a."percent", a."blockedReason", r."number" AS "resolutionNumber", r."kind",
           mt."number" AS "meetingNumber", mt."committeeId", ms."id" AS "membershipId",
           a."publishedAt", a."acknowledgedAt", a."lastProgressAt", a."deadline", c."calendar", c."escalationPolicy"
    FROM "Assignment" a
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" mt ON mt."id" = r."meetingId"
    JOIN "Committee" c ON c."id" = mt."committeeId"
    LEFT JOIN "Membership" ms ON ms."agencyId" = a."agencyId" AND ms."personId" = ${personId} AND ms."active" = TRUE AND ms."role" IN (${sqlList(AGENCY_ROLES)})
    WHERE a."id" = ${assignmentId}
    LIMIT 1`,
  );
  return (
    row && {
      ...row,
      publishedAt: decodeInstant(row.publishedAt)!,
      acknowledgedAt: decodeInstant(row.acknowledgedAt),
      lastProgressAt: decodeInstant(row.lastProgressAt),
      deadline: decodeInstant(row.deadline),
      calendar: asJson(row.calendar),
      escalationPolicy: asJson(row.escalationPolicy),
    }
  );
}
