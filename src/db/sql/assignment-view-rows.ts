/**
 * What an assignment's card needs (services/assignments/views.ts), for many assignments by id, in
 * two plain queries: the rows with their agency, resolution, meeting and committee, then the
 * resolutions' parties. The scheduler reads this for every row that fires; Prisma's nested include
 * cost it several hundred milliseconds per 1,000 rows.
 */
import { Prisma, type Tx } from "../client.js";
import { asJson, decodeInstant } from "./decode.js";

/** The fields of an assignment and its relations that a view is made of (Prisma's include gives the same shape). */
export interface AssignmentViewRow {
  id: number;
  agencyId: number;
  status: string;
  role: string;
  percent: number;
  deadline: Date | null;
  blockedReason: string | null;
  agency: { id: number; name: string };
  resolution: {
    number: number;
    text: string;
    kind: string;
    leadAll: boolean;
    reportTo: string | null;
    meeting: { number: string; heldOn: Date; committee: { id: number; name: string; calendar: unknown } };
    parties: { role: string; agencyId: number; agency: { name: string } }[];
  };
}

export async function assignmentViewRows(db: Tx, ids: readonly number[]): Promise<AssignmentViewRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a."id", a."agencyId", a."status", a."role", a."percent", a."deadline", a."blockedReason", ag."name" AS "agencyName",
           a."resolutionId", r."number", r."text", r."kind", r."leadAll", r."reportTo",
           m."number" AS "meetingNumber", m."heldOn", c."id" AS "committeeId", c."name" AS "committeeName", c."calendar"
    FROM "Assignment" a
    JOIN "Agency" ag ON ag."id" = a."agencyId"
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    JOIN "Committee" c ON c."id" = m."committeeId"
    WHERE a."id" IN (${Prisma.join([...new Set(ids)])})
    ORDER BY a."id"`;
  const resolutionIds = [...new Set(rows.map((row) => Number(row.resolutionId)))];
  const parties = new Map<number, AssignmentViewRow["resolution"]["parties"]>();
  if (resolutionIds.length > 0)
    for (const p of await db.$queryRaw<{ resolutionId: number | bigint; role: string; agencyId: number | bigint; name: string }[]>`
      SELECT p."resolutionId", p."role", p."agencyId", ag."name"
      FROM "ResolutionParty" p JOIN "Agency" ag ON ag."id" = p."agencyId"
      WHERE p."resolutionId" IN (${Prisma.join(resolutionIds)})`) {
      const list = parties.get(Number(p.resolutionId)) ?? [];
      list.push({ role: p.role, agencyId: Number(p.agencyId), agency: { name: p.name } });
      parties.set(Number(p.resolutionId), list);
    }
  return rows.map((row) => ({
    id: Number(row.id),
    agencyId: Number(row.agencyId),
    status: String(row.status),
    role: String(row.role),
    percent: Number(row.percent),
    deadline: decodeInstant(row.deadline),
    blockedReason: row.blockedReason === null ? null : String(row.blockedReason),
    agency: { id: Number(row.agencyId), name: String(row.agencyName) },
    resolution: {
      number: Number(row.number),
      text: String(row.text),
      kind: String(row.kind),
      // SQLite gives a boolean back as 0 or 1.
      leadAll: row.leadAll === true || Number(row.leadAll) === 1,
      reportTo: row.reportTo === null ? null : String(row.reportTo),
      meeting: {
        number: String(row.meetingNumber),
        heldOn: decodeInstant(row.heldOn)!,
        committee: { id: Number(row.committeeId), name: String(row.committeeName), calendar: asJson(row.calendar) },
      },
      parties: parties.get(Number(row.resolutionId)) ?? [],
    },
  }));
}
