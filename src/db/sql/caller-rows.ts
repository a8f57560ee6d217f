import { Prisma, type Db } from "../client.js";
import { rawQuery } from "../raw.js";

/** One row of the caller query: the identity and person repeated, one active membership (or none). */
export interface CallerRow {
  identityId: number;
  personId: number;
  chatId: string;
  locale: string | null;
  reachable: boolean;
  lastSeenAt: Date | null;
  name: string;
  gender: string | null;
  membershipId: number | null;
  role: string | null;
  title: string | null;
  agencyId: number | null;
  agencyCode: string | null;
  agencyName: string | null;
  committeeId: number | null;
  committeeCode: string | null;
  committeeName: string | null;
}

/**
 * The identity of (platform, userId) with its person and active memberships, in membership order;
 * no rows for someone unknown. Runs for every update, so it is one statement rather than the five
 * a nested Prisma include issues (bench/inbound.ts). Double-quoted identifiers and TRUE read the
 * same on SQLite and PostgreSQL.
 */
export async function callerRows(db: Db, platform: string, userId: string): Promise<CallerRow[]> {
  return rawQuery<CallerRow>(
    db,
    Prisma.sql`
    SELECT ci."id" AS "identityId", ci."personId", ci."chatId", ci."locale", ci."reachable", ci."lastSeenAt", p."name", p."gender",
           m."id" AS "membershipId", m."role", m."title",
           a."id" AS "agencyId", a."code" AS "agencyCode", a."name" AS "agencyName",
           c."id" AS "committeeId", c."code" AS "committeeCode", c."name" AS "committeeName"
    FROM "ChatIdentity" ci
    JOIN "Person" p ON p."id" = ci."personId"
    LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."active" = TRUE
    LEFT JOIN "Agency" a ON a."id" = m."agencyId"
    LEFT JOIN "Committee" c ON c."id" = m."committeeId"
    WHERE ci."platform" = ${platform} AND ci."userId" = ${userId}
    ORDER BY m."id"`,
  );
}
