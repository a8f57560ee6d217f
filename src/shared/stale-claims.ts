/**
 * Which claims (outbox rows, ladder rows, weekly cycles) a starting process may take back at once,
 * instead of waiting for their leases to end.
 */

/** Every claim (SQLite: one file, one writer process), one owner's (a restarted instance), or none. */
export type StaleClaims = { kind: "all" } | { kind: "owner"; owner: string } | { kind: "none" };

/**
 * On PostgreSQL another live instance may hold claims, so only a process that names itself
 * (INSTANCE_ID) knows which claims were its own before a crash.
 */
export function staleClaimsOf(provider: "sqlite" | "postgres", instanceId: string | undefined): StaleClaims {
  if (provider === "sqlite") return { kind: "all" };
  return instanceId ? { kind: "owner", owner: instanceId } : { kind: "none" };
}

/** Calls `release` as `claims` allow: with no owner for all of them, with the owner for one's. */
export async function releaseStale(claims: StaleClaims, release: (owner?: string) => Promise<unknown>): Promise<void> {
  if (claims.kind === "all") await release();
  else if (claims.kind === "owner") await release(claims.owner);
}

/**
 * Whether other live instances may be handling the same bot's updates and sends: only a named
 * instance on PostgreSQL (INSTANCE_ID). Any other process serves the bot alone, so it may redo its
 * interrupted updates at once, remember conversation states and pace its sends in memory.
 */
export function mayHaveSiblings(claims: StaleClaims): boolean {
  return claims.kind === "owner";
}
