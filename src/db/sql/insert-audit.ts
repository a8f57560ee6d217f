import { Prisma, providerOfClient, type Tx } from "../client.js";
import { rawExecute } from "../raw.js";
import { forEachSlice } from "../in-slices.js";
import { jsonRows } from "./json-rows.js";

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
  await rawExecute(tx, auditInsert(row));
}

/** The INSERT of `insertAudit`; `data`, when given, is the data column's value as SQL instead of `row.data`. */
export function auditInsert(row: AuditRow, data: Prisma.Sql = Prisma.sql`${row.data}`): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditLog" ("at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data")
    VALUES (${row.at}, ${row.actorKind}, ${row.actorId}, ${row.platform}, ${row.action}, ${row.entity}, ${row.entityId}, ${data})`;
}

/** Rows per statement: keeps one bound text small (an audit row is a few hundred bytes). */
const SLICE = 1_000;

/** Writes many AuditLog rows (a publication's assignments) with one `INSERT … SELECT` per slice (json-rows.ts). */
export async function insertAuditRows(tx: Tx, rows: readonly AuditRow[]): Promise<void> {
  const provider = providerOfClient(tx);
  await forEachSlice(rows, SLICE, async (slice) => {
    const v = jsonRows(
      provider,
      {
        at: "timestamp",
        actorKind: "text",
        actorId: "int",
        platform: "text",
        action: "text",
        entity: "text",
        entityId: "text",
        data: "json",
      },
      slice,
    );
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data")
      SELECT "at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data" FROM (${v}) AS v`;
  });
}
