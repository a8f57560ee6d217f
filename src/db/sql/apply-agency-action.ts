/**
 * An agency action (a "seen", a progress note) applied without an interactive transaction: the
 * status update, its ProgressUpdate and its audit row. On PostgreSQL as ONE statement, a
 * data-modifying CTE, which commits by itself: the same writes in an interactive transaction are
 * six round trips (the idempotency read, BEGIN, three statements, COMMIT), each holding a pool
 * connection across awaits, on the path of every press and reply (bench/inbound.ts). On SQLite
 * as one unit of three statements (raw.ts rawUnit), committed with the other writes of its turn
 * of the event loop: Prisma's transaction and a commit per reply were most of a reply's cost.
 *
 * The rows go in only if the status update does, and the update is guarded as
 * `updateAssignmentStatus` guards it (status and deadline as read), plus: no ProgressUpdate has
 * the action's idempotency key yet. A twin committing the same key meanwhile makes the statement
 * fail on the key's unique index, as the transaction would, and nothing is written.
 */
import { Prisma, type Db, type DbProvider } from "../client.js";
import { rawQuery, rawUnit } from "../raw.js";
import { auditInsert, type AuditRow } from "./insert-audit.js";
import { progressUpdateInsert, type ProgressUpdateRow } from "./insert-progress-update.js";
import { assignmentStatusUpdate, type StatusMove } from "./update-assignment-status.js";

/**
 * Applies `move` with its rows; returns the ProgressUpdate's id, or undefined when the guard
 * held it back (the status or deadline moved, or the key is recorded) and nothing was written.
 * The audit row's data gets the ProgressUpdate's id as `progressUpdateId`.
 */
export async function applyAgencyAction(
  db: Db,
  provider: DbProvider,
  move: Omit<StatusMove, "guard">,
  update: ProgressUpdateRow,
  audit: AuditRow,
): Promise<number | undefined> {
  const guard =
    update.idempotencyKey === null
      ? undefined
      : Prisma.sql`NOT EXISTS (SELECT 1 FROM "ProgressUpdate" WHERE "idempotencyKey" = ${update.idempotencyKey})`;
  const guarded = { ...move, ...(guard ? { guard } : {}) };
  if (provider === "sqlite") {
    const results = await rawUnit(db, [
      { sql: assignmentStatusUpdate("sqlite", guarded), expectChanges: 1 },
      { sql: progressUpdateInsert(update) },
      { sql: auditInsert(audit, Prisma.sql`json_set(${JSON.stringify(audit.data ?? {})}, '$.progressUpdateId', last_insert_rowid())`) },
    ]);
    return (results?.[1]?.[0] as { id: number } | undefined)?.id;
  }
  const moved = assignmentStatusUpdate("postgres", guarded);
  // Parameters in a SELECT list have no column to take their type from: each is cast.
  const [row] = await rawQuery<{ id: number }>(
    db,
    Prisma.sql`
    WITH moved AS (${moved} RETURNING "id"),
    recorded AS (
      INSERT INTO "ProgressUpdate" ("assignmentId", "personId", "platform", "kind", "text", "percent", "idempotencyKey", "createdAt")
      SELECT moved."id", ${update.personId}::int, ${update.platform}::text, ${update.kind}::text, ${update.text}::text,
             ${update.percent}::int, ${update.idempotencyKey}::text, ${update.createdAt}::timestamp(3)
      FROM moved
      RETURNING "id"),
    audited AS (
      INSERT INTO "AuditLog" ("at", "actorKind", "actorId", "platform", "action", "entity", "entityId", "data")
      SELECT ${audit.at}::timestamp(3), ${audit.actorKind}::text, ${audit.actorId}::int, ${audit.platform}::text, ${audit.action}::text,
             ${audit.entity}::text, ${audit.entityId}::text,
             ${JSON.stringify(audit.data ?? {})}::jsonb || jsonb_build_object('progressUpdateId', recorded."id")
      FROM recorded)
    SELECT "id" FROM recorded`,
  );
  return row?.id;
}
