/**
 * A cheap fingerprint of everything a committee's figures are computed from, so that figures
 * computed a moment ago can be served again while nothing under them changed (the dashboard asks
 * for the overview of 20,000 assignments on every page view). One statement, the same on both
 * databases, reading indexes and counters only:
 *  - a row added or removed anywhere changes a count or a largest id (ids are never reused);
 *  - an assignment changed in any way bumps its `version` (optimistic concurrency, on every change),
 *    so the sum of versions moves;
 *  - a weekly report edited keeps its revision (WeeklyReportRevision), so the revisions' count moves;
 *  - the committee, its agencies, meetings and resolutions carry Prisma's `updatedAt`.
 * Cycles change only their schedule columns after they are created, which the figures do not read.
 */
import { Prisma, type Tx } from "../client.js";

export async function figuresFingerprint(db: Tx, committeeId: number): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT c."updatedAt" AS "committee", g.*, m.*, r.*, a.*, d.*, cy.*, s.*, v.*
    FROM "Committee" c,
      (SELECT COUNT(*) AS "agencies", SUM(ca."agencyId") AS "agencyIds", MAX(ag."updatedAt") AS "agencyChange"
         FROM "CommitteeAgency" ca JOIN "Agency" ag ON ag."id" = ca."agencyId" WHERE ca."committeeId" = ${committeeId}) g,
      (SELECT COUNT(*) AS "meetings", MAX(mt."id") AS "lastMeeting", MAX(mt."updatedAt") AS "meetingChange"
         FROM "Meeting" mt WHERE mt."committeeId" = ${committeeId}) m,
      (SELECT COUNT(*) AS "resolutions", MAX(rs."id") AS "lastResolution", MAX(rs."updatedAt") AS "resolutionChange"
         FROM "Resolution" rs JOIN "Meeting" mt ON mt."id" = rs."meetingId" WHERE mt."committeeId" = ${committeeId}) r,
      (SELECT COUNT(*) AS "assignments", MAX(an."id") AS "lastAssignment", SUM(an."version") AS "versions"
         FROM "Assignment" an JOIN "Resolution" rs ON rs."id" = an."resolutionId" JOIN "Meeting" mt ON mt."id" = rs."meetingId"
         WHERE mt."committeeId" = ${committeeId}) a,
      (SELECT COUNT(*) AS "deadlineChanges", MAX(dc."id") AS "lastDeadlineChange"
         FROM "DeadlineChange" dc JOIN "Resolution" rs ON rs."id" = dc."resolutionId" JOIN "Meeting" mt ON mt."id" = rs."meetingId"
         WHERE mt."committeeId" = ${committeeId}) d,
      (SELECT COUNT(*) AS "cycles", MAX(wc."id") AS "lastCycle" FROM "WeeklyReportCycle" wc WHERE wc."committeeId" = ${committeeId}) cy,
      (SELECT COUNT(*) AS "reports", MAX(ws."id") AS "lastReport"
         FROM "WeeklyReportSubmission" ws JOIN "WeeklyReportCycle" wc ON wc."id" = ws."cycleId" WHERE wc."committeeId" = ${committeeId}) s,
      (SELECT COUNT(*) AS "revisions", MAX(wr."id") AS "lastRevision"
         FROM "WeeklyReportRevision" wr JOIN "WeeklyReportSubmission" ws ON ws."id" = wr."submissionId"
         JOIN "WeeklyReportCycle" wc ON wc."id" = ws."cycleId" WHERE wc."committeeId" = ${committeeId}) v
    WHERE c."id" = ${committeeId}`);
  // Counts and sums come back as BigInt or Decimal, instants as Date or text: all compared as text.
  return JSON.stringify(rows[0] ?? null, (_, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value,
  );
}
