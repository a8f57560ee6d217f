/** The audit log: every state change, who made it and when. Written inside the change's transaction. */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";

export type Actor =
  | { kind: "person"; personId: number; platform?: Platform | "cli" }
  | { kind: "system" }
  | { kind: "cli" };

export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  data?: Record<string, unknown>,
  at?: Date,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorKind: actor.kind,
      actorId: actor.kind === "person" ? actor.personId : null,
      platform: actor.kind === "person" && actor.platform ? actor.platform : null,
      action,
      entity,
      entityId: entityId === null ? null : String(entityId),
      ...(data ? { data: data as object } : {}),
      ...(at ? { at } : {}),
    },
  });
}
