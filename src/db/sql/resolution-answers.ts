/** Per resolution: how many agencies it is assigned to, and how many have answered (anything but "assigned"). */
import { Prisma, type Tx } from "../client.js";
import type { AssignmentStatus } from "../../domain/vocabulary.js";

const ASSIGNED: AssignmentStatus = "assigned";
const CANCELLED: AssignmentStatus = "cancelled";

export async function resolutionAnswers(
  db: Tx,
  resolutionIds: readonly number[],
): Promise<Map<number, { answered: number; total: number }>> {
  if (resolutionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ resolutionId: number; total: number | bigint; answered: number | bigint }[]>`
    SELECT "resolutionId", COUNT(*) AS "total", SUM(CASE WHEN "status" = ${ASSIGNED} OR "status" = ${CANCELLED} THEN 0 ELSE 1 END) AS "answered"
    FROM "Assignment" WHERE "resolutionId" IN (${Prisma.join([...new Set(resolutionIds)])}) AND "status" <> ${CANCELLED}
    GROUP BY "resolutionId"`;
  return new Map(rows.map((r) => [Number(r.resolutionId), { total: Number(r.total), answered: Number(r.answered ?? 0) }]));
}
