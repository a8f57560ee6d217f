/**
 * Extending a deadline: one agency's assignment (the others keep theirs) or the whole resolution.
 * A reason is required, the new day must be a working day later than the current deadline, every
 * change is kept in DeadlineChange, and every agency on the resolution is told. Shared by the
 * secretariat's own extensions and its approval of an agency's request.
 */
import type { Db, Tx } from "../../db/client.js";
import { deadlineDay } from "../../domain/assignments/deadline.js";
import { isFinal, type AssignmentStatus } from "../../domain/assignments/status.js";
import { compareJalali, deadlineInstant, toJalali, type JalaliDate } from "../../domain/calendar/index.js";
import { resolveDeadline } from "../../domain/minutes/index.js";
import type { Clock } from "../../shared/clock.js";
import { refreshCards } from "../assignments/index.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";
import type { Notifier } from "../notifications.js";
import { formatsFor } from "../render/format.js";
import { auditActor, itemFor, MANAGE, type ItemFacts, type StaffActor } from "./access.js";
import { replanLadder } from "./ladder.js";
import { itemTitle, tellAgency } from "./tell.js";

export type ExtendScope = "agency" | "resolution";

export interface ExtendInput {
  assignmentId: number;
  until: JalaliDate;
  reason: string;
  scope: ExtendScope;
}

export type ExtendRefusal = "forbidden" | "reason_required" | "final" | "standing" | "not_later" | "past" | "day_off" | "too_far";

export type ExtendResult =
  { ok: true; previous: Date | null; next: Date; assignmentIds: number[] } | { ok: false; refusal: ExtendRefusal; next?: JalaliDate };

/** Why `until` cannot be the item's new deadline, or undefined when it can. */
export function extensionProblem(
  item: Pick<ItemFacts, "status" | "deadline" | "calendar">,
  until: JalaliDate,
  now: Date,
): { refusal: ExtendRefusal; next?: JalaliDate } | undefined {
  if (isFinal(item.status as AssignmentStatus)) return { refusal: "final" };
  if (!item.deadline) return { refusal: "standing" };
  if (compareJalali(until, deadlineDay(item.deadline)) <= 0) return { refusal: "not_later" };
  const checked = resolveDeadline({ kind: "date", date: until }, toJalali(now), now, workCalendarOf(item.calendar));
  if (checked.ok) return undefined;
  const code = checked.error.code;
  if (code === "deadline.day_off") {
    const p = checked.error.params as { jy: number; jm: number; jd: number };
    return { refusal: "day_off", next: { jy: p.jy, jm: p.jm, jd: p.jd } };
  }
  return { refusal: code === "deadline.past" ? "past" : "too_far" };
}

/**
 * Writes an extension inside `tx`: the deadlines, DeadlineChange rows, audit, ladder re-plan and
 * the agencies' notices. The caller has authorised it and checked `extensionProblem`.
 */
export async function applyExtension(
  tx: Tx,
  notifier: Notifier,
  actor: StaffActor,
  item: ItemFacts,
  change: { until: JalaliDate; reason: string; scope: ExtendScope; requestId?: number; ownKey?: string },
  now: Date,
): Promise<{ previous: Date | null; next: Date; assignmentIds: number[] }> {
  const next = deadlineInstant(change.until);
  const targets =
    change.scope === "resolution"
      ? await tx.assignment.findMany({
          where: { resolutionId: item.resolutionId, status: { notIn: ["done", "cancelled"] } },
          select: { id: true, deadline: true, agencyId: true },
        })
      : [{ id: item.id, deadline: item.deadline, agencyId: item.agencyId }];
  for (const target of targets) {
    await tx.assignment.update({ where: { id: target.id }, data: { deadline: next, version: { increment: 1 } } });
    await tx.deadlineChange.create({
      data: {
        resolutionId: item.resolutionId,
        assignmentId: target.id,
        previous: target.deadline,
        next,
        reason: change.reason,
        byPersonId: actor.personId,
        at: now,
      },
    });
    await audit(
      tx,
      auditActor(actor),
      "assignment.extended",
      "Assignment",
      target.id,
      {
        previous: target.deadline?.toISOString() ?? null,
        next: next.toISOString(),
        reason: change.reason,
        ...(change.requestId ? { requestId: change.requestId } : {}),
      },
      now,
    );
  }
  if (change.scope === "resolution") await tx.resolution.update({ where: { id: item.resolutionId }, data: { deadline: next } });
  await replanLadder(
    tx,
    targets.map((t) => t.id),
    now,
  );
  refreshCards(
    tx,
    notifier,
    targets.map((t) => t.id),
    now,
  );
  // Every agency on the resolution hears of it: those extended, and their partners.
  const extended = new Set(targets.map((t) => t.agencyId));
  const agency = await tx.agency.findUnique({ where: { id: item.agencyId }, select: { name: true } });
  const parties = await tx.assignment.findMany({
    where: { resolutionId: item.resolutionId, status: { notIn: ["cancelled"] } },
    select: { id: true, agencyId: true },
  });
  for (const party of parties) {
    const own = extended.has(party.agencyId);
    await tellAgency(tx, notifier, { ...item, id: party.id, agencyId: party.agencyId }, now, (t) => {
      const fmt = formatsFor(t);
      const vars = {
        title: itemTitle(t, item),
        date: fmt.date(change.until),
        previous: item.deadline ? fmt.date(deadlineDay(item.deadline)) : t("assignment-deadline-standing"),
        reason: change.reason,
        agency: agency?.name ?? "",
      };
      return { text: t(own ? (change.ownKey ?? "extend-told-own") : "extend-told-partner", vars) };
    });
  }
  return { previous: item.deadline, next, assignmentIds: targets.map((t) => t.id) };
}

export class DeadlineChangeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async extend(actor: StaffActor, input: ExtendInput): Promise<ExtendResult> {
    const reason = input.reason.trim();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, input.assignmentId, MANAGE);
      if (!item) return { ok: false, refusal: "forbidden" };
      if (reason === "") return { ok: false, refusal: "reason_required" };
      const problem = extensionProblem(item, input.until, now);
      if (problem) return { ok: false, ...problem };
      return {
        ok: true,
        ...(await applyExtension(tx, this.notifier, actor, item, { until: input.until, reason, scope: input.scope }, now)),
      };
    });
  }
}
