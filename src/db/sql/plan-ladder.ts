/**
 * Stores re-planned ladders: the cursor at `now`, each row's next rung, no lease (any pass may take
 * it when due). One statement per slice of rows (`WITH v AS (…) UPDATE … FROM v`, as
 * advance-ladder.ts), so a publication's thousands of new assignments cost a few statements.
 */
import { Prisma, providerOfClient, type Tx } from "../client.js";
import { forEachSlice } from "../in-slices.js";
import { jsonRows } from "./json-rows.js";

export interface LadderPlan {
  id: number;
  nextAt: Date | null;
  nextStep: string | null;
}

/** Rows per statement: the id list is bound again (see below), and SQLite limits bound parameters. */
const SLICE = 1_000;

export async function storeLadderPlans(tx: Tx, now: Date, plans: readonly LadderPlan[]): Promise<void> {
  const provider = providerOfClient(tx);
  await forEachSlice(plans, SLICE, async (slice) => {
    const v = jsonRows(provider, { id: "int", nextAt: "timestamp", nextStep: "text" }, slice);
    await tx.$executeRaw`
      WITH v AS (${v})
      UPDATE "Assignment" SET "escalationCursor" = ${now}, "nextEscalationAt" = v."nextAt", "nextEscalationStep" = v."nextStep",
             "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL
      FROM v
      WHERE "Assignment"."id" = v."id"
        -- The id list again, so that SQLite looks the rows up by key rather than scanning the table for the join.
        AND "Assignment"."id" IN (${Prisma.join(slice.map((p) => p.id))})`;
  });
}
