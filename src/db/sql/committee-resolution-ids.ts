/**
 * The ids of a committee's resolutions, as a set to look in (`"resolutionId" IN (…)`), not
 * joined: SQLite then reads a committee's assignments by their resolution from an index of
 * Assignment, without joined rows (figure-assignment-rows.ts, export-assignment-rows.ts,
 * export-progress-rows.ts). A sub-query, not a statement of its own.
 */
import { Prisma } from "../client.js";

export const committeeResolutionIds = (committeeId: number): Prisma.Sql =>
  Prisma.sql`SELECT r."id" FROM "Resolution" r JOIN "Meeting" m ON m."id" = r."meetingId" WHERE m."committeeId" = ${committeeId}`;
