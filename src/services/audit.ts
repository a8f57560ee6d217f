/** The audit log: every state change, who made it and when. Written inside the change's transaction. */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";

export type Actor =
  { kind: "person"; personId: number; platform?: Platform | "cli" } | { kind: "system"; platform?: Platform } | { kind: "cli" };

/**
 * One plain SQL insert: an audit row is written with every state change, and Prisma's own cost
 * per query is what limits the bot under load (bench/inbound.ts). `data` goes in as a JSON
 * parameter (JSONB on PostgreSQL, text on SQLite), as Prisma would store it.
 */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  data?: Record<string, unknown>,
  at?: Date,
): Promise<void> {
  const actorId = actor.kind === "person" ? actor.personId : null;
  const platform = actor.kind !== "cli" && actor.platform ? actor.platform : null;
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data")
    VALUES (${at ?? new Date()}, ${actor.kind}, ${actorId}, ${platform}, ${action}, ${entity}, ${entityId === null ? null : String(entityId)}, ${data ?? null})`;
}
