import type { DbProvider, Tx } from "../client.js";

/** The first key of the PostgreSQL advisory locks taken here (the second is the assignment id). */
const CARDS_LOCK = 7301;

/**
 * Makes refreshes of the same item's cards take turns until the transaction ends (PostgreSQL
 * advisory locks, in id order so two refreshes never wait on each other), so an older refresh
 * cannot write its edits over a newer one's. Not the assignment rows' own locks: the actions that
 * change an item never wait on a refresh. SQLite runs one transaction at a time already.
 */
export async function lockAssignmentCards(tx: Tx, provider: DbProvider, assignmentIds: readonly number[]): Promise<void> {
  if (provider !== "postgres") return;
  for (const id of [...new Set(assignmentIds)].sort((a, b) => a - b))
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CARDS_LOCK}::integer, ${id}::integer)`;
}
