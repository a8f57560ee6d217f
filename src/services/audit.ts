/** The audit log: every state change, who made it and when. Written inside the change's transaction. */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import { insertAudit, type AuditRow } from "../db/sql/insert-audit.js";

export type Actor =
  { kind: "person"; personId: number; platform?: Platform | "cli" } | { kind: "system"; platform?: Platform } | { kind: "cli" };

/** Records `action` on `entity` by `actor`, at `at` (now by default), in the change's transaction. */
export async function audit(tx: Tx, ...entry: Parameters<typeof auditRow>): Promise<void> {
  await insertAudit(tx, auditRow(...entry));
}

/** The row `audit` writes, for a change that records many at once (insertAuditRows). */
export function auditRow(
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  data?: Record<string, unknown>,
  at?: Date,
): AuditRow {
  return {
    at: at ?? new Date(),
    actorKind: actor.kind,
    actorId: actor.kind === "person" ? actor.personId : null,
    platform: actor.kind !== "cli" && actor.platform ? actor.platform : null,
    action,
    entity,
    entityId: entityId === null ? null : String(entityId),
    data: data ?? null,
  };
}
