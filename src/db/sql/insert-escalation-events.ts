/**
 * Records what a scheduler batch fired or skipped: its EscalationEvent rows in ONE `INSERT … SELECT`
 * over the rows bound as one JSON text (see json-rows.ts), instead of Prisma's createMany.
 */
import type { DbProvider, Tx } from "../client.js";
import { jsonRows } from "./json-rows.js";

export interface EscalationEventRow {
  assignmentId: number;
  step: string;
  seq: number;
  dueAt: Date;
  firedAt: Date;
  outcome: "sent" | "skipped";
  /** Who was told (null for a skipped rung). */
  recipients: { personId: number; name: string; role: string }[] | null;
}

export async function insertEscalationEvents(tx: Tx, provider: DbProvider, rows: readonly EscalationEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const v = jsonRows(
    provider,
    { assignmentId: "int", step: "text", seq: "int", dueAt: "timestamp", firedAt: "timestamp", outcome: "text", recipients: "json" },
    rows,
  );
  await tx.$executeRaw`
    INSERT INTO "EscalationEvent" ("assignmentId", "step", "seq", "dueAt", "firedAt", "outcome", "recipients")
    SELECT "assignmentId", "step", "seq", "dueAt", "firedAt", "outcome", "recipients" FROM (${v}) AS v`;
}
