/** The audit log: every state change, who made it and when. Written inside the change's transaction. */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import { insertAudit } from "../db/sql/insert-audit.js";

export type Actor =
  { kind: "person"; personId: number; platform?: Platform | "cli" } | { kind: "system"; platform?: Platform } | { kind: "cli" };

/** Records `action` on `entity` by `actor`, at `at` (now by default), in the change's transaction. */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  data?: Record<string, unknown>,
  at?: Date,
): Promise<void> {
  await insertAudit(tx, {
    at: at ?? new Date(),
    actorKind: actor.kind,
    actorId: actor.kind === "person" ? actor.personId : null,
    platform: actor.kind !== "cli" && actor.platform ? actor.platform : null,
    action,
    entity,
    entityId: entityId === null ? null : String(entityId),
    data: data ?? null,
  });
}
