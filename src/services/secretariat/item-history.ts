/**
 * An item's whole history, oldest first: every status change and who made it, progress notes,
 * instructions, extensions, reminders and escalations — from the audit log, the progress
 * updates it points to, and the escalation events. Readable by the secretariat and governorate.
 */
import type { Db } from "../../db/client.js";
import { itemFor, OVERSEE, type StaffActor } from "./access.js";

export interface HistoryEntry {
  at: Date;
  /** The audit action ("assignment.progress", "meeting.published"…) or "escalation.<step>". */
  action: string;
  /** Who did it; null for the system (the scheduler, the CLI). */
  who: string | null;
  text?: string;
  percent?: number;
  previous?: Date | null;
  next?: Date | null;
  outcome?: string;
}

export type HistoryResult = { ok: true; entries: HistoryEntry[] } | { ok: false; refusal: "forbidden" };

export class ItemHistoryService {
  constructor(private readonly db: Db) {}

  async history(actor: StaffActor, assignmentId: number): Promise<HistoryResult> {
    const item = await itemFor(this.db, actor.personId, assignmentId, OVERSEE);
    if (!item) return { ok: false, refusal: "forbidden" };
    return { ok: true, entries: await historyEntriesOf(this.db, assignmentId) };
  }
}

/**
 * An assignment's history, oldest first, without an access check: for services that checked the
 * reader's right to the item themselves (the dashboard's agency page).
 */
export async function historyEntriesOf(db: Db, assignmentId: number): Promise<HistoryEntry[]> {
  const [audits, updates, escalations] = await Promise.all([
    db.auditLog.findMany({
      where: { entity: "Assignment", entityId: String(assignmentId) },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.progressUpdate.findMany({ where: { assignmentId }, select: { id: true, text: true, percent: true } }),
    db.escalationEvent.findMany({ where: { assignmentId }, orderBy: { firedAt: "asc" } }),
  ]);
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: audits.map((a) => a.actorId).filter((id): id is number => id !== null) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  const byId = new Map(updates.map((u) => [u.id, u]));
  const entries: HistoryEntry[] = audits.map((a) => {
    const data = (a.data ?? {}) as Record<string, unknown>;
    const update = typeof data.progressUpdateId === "number" ? byId.get(data.progressUpdateId) : undefined;
    const text =
      update?.text ?? (typeof data.reason === "string" ? data.reason : typeof data.comment === "string" ? data.comment : undefined);
    const percent = update?.percent ?? undefined;
    return {
      at: a.at,
      action: a.action,
      who: a.actorId !== null ? (people.get(a.actorId) ?? null) : null,
      ...(text ? { text } : {}),
      ...(percent !== undefined && percent !== null ? { percent } : {}),
      ...(typeof data.next === "string" ? { next: new Date(data.next) } : {}),
      ...(data.previous !== undefined ? { previous: typeof data.previous === "string" ? new Date(data.previous) : null } : {}),
    };
  });
  for (const e of escalations) entries.push({ at: e.firedAt, action: `escalation.${e.step}`, who: null, outcome: e.outcome });
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return entries;
}
