/**
 * Cancelling an item (reason required), reassigning it to another agency, or adding an agency to
 * its resolution. The agencies concerned are told through the outbox; a new agency gets the
 * assignment message with its buttons, as on publication.
 */
import type { Db, Tx } from "../../db/client.js";
import { transition, type AssignmentStatus } from "../../domain/assignments/status.js";
import type { Clock } from "../../shared/clock.js";
import { cardKey, loadAssignmentViews, refreshCards } from "../assignments/index.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import { renderAssignment } from "../render/assignment.js";
import { auditActor, itemFor, MANAGE, type ItemFacts, type StaffActor } from "./access.js";
import { replanLadder } from "./ladder.js";
import { itemTitle, tellAgency } from "./tell.js";

export type ChangeRefusal = "forbidden" | "reason_required" | "final" | "unknown_agency" | "already_on";
export type ChangeResult = { ok: true; assignmentId: number } | { ok: false; refusal: ChangeRefusal };

export class ItemChangeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** منتفی: the item is closed without being done. */
  async cancel(actor: StaffActor, assignmentId: number, reason: string): Promise<ChangeResult> {
    const why = reason.trim();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, assignmentId, MANAGE);
      if (!item) return { ok: false, refusal: "forbidden" };
      if (why === "") return { ok: false, refusal: "reason_required" };
      if (!(await this.#close(tx, actor, item, why, now, "assignment.cancelled"))) return { ok: false, refusal: "final" };
      await tellAgency(tx, this.notifier, item, now, (t) => ({ text: t("cancel-told", { title: itemTitle(t, item), reason: why }) }));
      return { ok: true, assignmentId };
    });
  }

  /** The item passes to another agency of the committee: the old assignment is closed, a new one opened with the same role and deadline. */
  async reassign(actor: StaffActor, assignmentId: number, toAgencyId: number, reason: string): Promise<ChangeResult> {
    const why = reason.trim();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, assignmentId, MANAGE);
      if (!item) return { ok: false, refusal: "forbidden" };
      if (why === "") return { ok: false, refusal: "reason_required" };
      const problem = await this.#agencyProblem(tx, item, toAgencyId);
      if (problem) return { ok: false, refusal: problem };
      if (!(await this.#close(tx, actor, item, why, now, "assignment.reassigned", { toAgencyId }))) return { ok: false, refusal: "final" };
      await tx.resolutionParty.deleteMany({ where: { resolutionId: item.resolutionId, agencyId: item.agencyId } });
      const created = await this.#open(tx, actor, item, toAgencyId, item.role === "lead" ? "lead" : "co", now);
      const target = await tx.agency.findUnique({ where: { id: toAgencyId }, select: { name: true } });
      await tellAgency(tx, this.notifier, item, now, (t) => ({
        text: t("reassign-told-old", { title: itemTitle(t, item), agency: target?.name ?? "", reason: why }),
      }));
      return { ok: true, assignmentId: created };
    });
  }

  /** Another agency joins the item's resolution as a co-operating agency. */
  async addAgency(actor: StaffActor, assignmentId: number, agencyId: number): Promise<ChangeResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, assignmentId, MANAGE);
      if (!item) return { ok: false, refusal: "forbidden" };
      const problem = await this.#agencyProblem(tx, item, agencyId);
      if (problem) return { ok: false, refusal: problem };
      return { ok: true, assignmentId: await this.#open(tx, actor, item, agencyId, "co", now) };
    });
  }

  async #agencyProblem(tx: Tx, item: ItemFacts, agencyId: number): Promise<ChangeRefusal | undefined> {
    const member = await tx.committeeAgency.findUnique({ where: { committeeId_agencyId: { committeeId: item.committeeId, agencyId } } });
    if (!member) return "unknown_agency";
    const existing = await tx.assignment.findUnique({ where: { resolutionId_agencyId: { resolutionId: item.resolutionId, agencyId } } });
    return existing ? "already_on" : undefined;
  }

  async #close(
    tx: Tx,
    actor: StaffActor,
    item: ItemFacts,
    reason: string,
    now: Date,
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    const result = transition(item.status as AssignmentStatus, "cancel");
    if (!result.ok) return false;
    const moved = await tx.assignment.updateMany({
      where: { id: item.id, status: item.status },
      data: { status: "cancelled", cancelledAt: now, version: { increment: 1 } },
    });
    if (moved.count !== 1) return false;
    await replanLadder(tx, [item.id], now);
    refreshCards(tx, this.notifier, [item.id], now);
    await audit(tx, auditActor(actor), action, "Assignment", item.id, { from: item.status, to: "cancelled", reason, ...extra }, now);
    return true;
  }

  async #open(tx: Tx, actor: StaffActor, item: ItemFacts, agencyId: number, role: "lead" | "co", now: Date): Promise<number> {
    await tx.resolutionParty.upsert({
      where: { resolutionId_agencyId: { resolutionId: item.resolutionId, agencyId } },
      create: { resolutionId: item.resolutionId, agencyId, role },
      update: { role },
    });
    const created = await tx.assignment.create({
      data: {
        resolutionId: item.resolutionId,
        agencyId,
        role,
        status: "assigned",
        deadline: item.deadline,
        publishedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(
      tx,
      auditActor(actor),
      "assignment.created",
      "Assignment",
      created.id,
      { resolutionId: item.resolutionId, agencyId, role, from: item.id },
      now,
    );
    await replanLadder(tx, [created.id], now);
    const [loaded] = await loadAssignmentViews(tx, { id: created.id });
    await tellAgency(
      tx,
      this.notifier,
      { ...item, id: created.id, agencyId },
      now,
      (t) => renderAssignment(loaded!.view, t, now, loaded!.calendar),
      cardKey(created.id),
    );
    // The partners' cards list the agency that joined.
    const partners = await tx.assignment.findMany({
      where: { resolutionId: item.resolutionId, id: { not: created.id } },
      select: { id: true },
    });
    refreshCards(
      tx,
      this.notifier,
      partners.map((p) => p.id),
      now,
    );
    return created.id;
  }
}
