/**
 * Inserts a publication's new assignments with one `INSERT … SELECT … RETURNING` per 1,000 rows
 * bound as one JSON text (json-rows.ts). Prisma's createMany of a meeting for every agency of a
 * province (10,000 rows) raised the bot's RSS by some 100 MB for good (bench/scale.ts); this
 * costs a few megabytes. Same statement on both databases.
 */
import { providerOfClient, type Tx } from "../client.js";
import { forEachSlice } from "../in-slices.js";
import { jsonRows } from "./json-rows.js";

export interface NewAssignment {
  resolutionId: number;
  agencyId: number;
  role: string;
  deadline: Date | null;
}

/** Rows per statement. */
const SLICE = 1_000;

/** Inserts the rows as `assigned`, published and created at `now`; returns their ids with their keys. */
export async function insertAssignments(
  tx: Tx,
  rows: readonly NewAssignment[],
  now: Date,
): Promise<{ id: number; resolutionId: number; agencyId: number; role: string }[]> {
  const provider = providerOfClient(tx);
  const out: { id: number; resolutionId: number; agencyId: number; role: string }[] = [];
  await forEachSlice(rows, SLICE, async (slice) => {
    const v = jsonRows(
      provider,
      { resolutionId: "int", agencyId: "int", role: "text", deadline: "timestamp", now: "timestamp" },
      slice.map((r) => ({ ...r, now })),
    );
    const inserted = await tx.$queryRaw<{ id: number | bigint; resolutionId: number | bigint; agencyId: number | bigint; role: string }[]>`
      INSERT INTO "Assignment" ("resolutionId", "agencyId", "role", "status", "percent", "deadline", "publishedAt", "version", "createdAt", "updatedAt")
      SELECT "resolutionId", "agencyId", "role", 'assigned', 0, "deadline", "now", 0, "now", "now" FROM (${v}) AS v
      RETURNING "id", "resolutionId", "agencyId", "role"`;
    for (const r of inserted)
      out.push({ id: Number(r.id), resolutionId: Number(r.resolutionId), agencyId: Number(r.agencyId), role: r.role });
  });
  return out.sort((a, b) => a.id - b.id);
}
