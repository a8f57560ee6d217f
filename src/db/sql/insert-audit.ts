import type { Tx } from "../client.js";

export interface AuditRow {
  at: Date;
  actorKind: string;
  actorId: number | null;
  platform: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** Goes in as a JSON parameter (JSONB on PostgreSQL, text on SQLite), as Prisma would store it. */
  data: Record<string, unknown> | null;
}

/**
 * Writes one AuditLog row: one is written with every state change, and Prisma's own cost per
 * query is what limits the bot under load (bench/inbound.ts), so plain SQL. Same on both databases.
 */
export async function insertAudit(tx: Tx, row: AuditRow): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data")
    VALUES (${row.at}, ${row.actorKind}, ${row.actorId}, ${row.platform}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.data})`;
}
