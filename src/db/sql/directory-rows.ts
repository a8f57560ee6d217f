/**
 * Who holds an agency's or a committee's roles, with their chats' platforms and reachability: what
 * the scheduler's Directory (services/escalation/directory.ts) is built from, in one plain query
 * per kind of scope (Prisma's nested include of person and identities cost a pass ~100–400 ms).
 */
import { Prisma, type Tx } from "../client.js";
import { AGENCY_ROLES, COMMITTEE_ROLES } from "../../domain/vocabulary.js";
import { sqlList } from "./vocabulary.js";

export interface DirectoryRow {
  membershipId: number;
  role: string;
  agencyId: number | null;
  committeeId: number | null;
  personId: number;
  name: string;
  /** The person's chats (empty: never joined). */
  identities: { platform: string; reachable: boolean }[];
}

/** Active agency-role memberships of `agencyIds`, or committee-role ones of `committeeIds`, by membership id. */
export async function directoryRows(
  db: Tx,
  scope: { agencyIds: readonly number[] } | { committeeIds: readonly number[] },
): Promise<DirectoryRow[]> {
  const [column, ids, roles] =
    "agencyIds" in scope
      ? (["agencyId", scope.agencyIds, AGENCY_ROLES] as const)
      : (["committeeId", scope.committeeIds, COMMITTEE_ROLES] as const);
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT m."id", m."role", m."agencyId", m."committeeId", p."id" AS "personId", p."name", i."platform", i."reachable"
    FROM "Membership" m
    JOIN "Person" p ON p."id" = m."personId"
    LEFT JOIN "ChatIdentity" i ON i."personId" = p."id"
    WHERE m."active" = TRUE AND m.${Prisma.raw(`"${column}"`)} IN (${Prisma.join(ids)}) AND m."role" IN (${sqlList(roles)})
    ORDER BY m."id"`;
  const byMembership = new Map<number, DirectoryRow>();
  for (const row of rows) {
    const id = Number(row.id);
    let entry = byMembership.get(id);
    if (!entry) {
      entry = {
        membershipId: id,
        role: String(row.role),
        agencyId: row.agencyId === null ? null : Number(row.agencyId),
        committeeId: row.committeeId === null ? null : Number(row.committeeId),
        personId: Number(row.personId),
        name: String(row.name),
        identities: [],
      };
      byMembership.set(id, entry);
    }
    // SQLite gives a boolean back as 0 or 1.
    if (row.platform !== null)
      entry.identities.push({ platform: String(row.platform), reachable: row.reachable === true || Number(row.reachable) === 1 });
  }
  return [...byMembership.values()];
}
