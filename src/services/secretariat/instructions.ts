/**
 * Instructions from the governorate (دستور) on an item: written by a governorate member or the
 * secretariat, logged on the item, and delivered to the agency's heads and liaisons through the
 * outbox, marked as the governor's instruction. The message carries the item's topic, so the
 * agency answers it by replying, like any message about the item.
 */
import type { Db } from "../../db/client.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import { auditActor, itemFor, nameOf, OVERSEE, type StaffActor } from "./access.js";
import { itemTitle, tellAgency } from "./tell.js";

export type InstructionResult = { ok: true; queued: number } | { ok: false; refusal: "forbidden" | "text_required" | "final" };

export class InstructionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async give(actor: StaffActor, assignmentId: number, text: string): Promise<InstructionResult> {
    const body = text.trim();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, assignmentId, OVERSEE);
      if (!item) return { ok: false, refusal: "forbidden" };
      if (body === "") return { ok: false, refusal: "text_required" };
      if (item.status === "done" || item.status === "cancelled") return { ok: false, refusal: "final" };
      const update = await tx.progressUpdate.create({
        data: { assignmentId, personId: actor.personId, platform: actor.platform, kind: "instruction", text: body, createdAt: now },
      });
      await audit(
        tx,
        auditActor(actor),
        "assignment.instruction",
        "Assignment",
        assignmentId,
        { progressUpdateId: update.id, text: body },
        now,
      );
      const by = await nameOf(tx, actor.personId);
      const membership = await tx.membership.findFirst({
        where: { personId: actor.personId, committeeId: item.committeeId, active: true, role: { in: ["governorate", "secretariat"] } },
        orderBy: { role: "asc" },
        select: { title: true },
      });
      const signature = membership?.title ? `${by}، ${membership.title}` : by;
      const queued = await tellAgency(tx, this.notifier, item, now, (t) => ({
        text: t("instruction-told", { title: itemTitle(t, item), text: body, by: signature }),
      }));
      return { ok: true, queued };
    });
  }
}
