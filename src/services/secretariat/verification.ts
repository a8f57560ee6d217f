/**
 * The verification queue: items an agency reported done, oldest claim first, with the agency's
 * note and evidence; the secretariat approves (→ done) or sends back with a required comment
 * (→ in progress, the ladder starting again). The agency is told either way, through the outbox.
 */
import type { Db } from "../../db/client.js";
import { transition, type AssignmentStatus, type ResolutionKind } from "../../domain/assignments/status.js";
import type { Clock } from "../../shared/clock.js";
import { loadAssignmentViews, refreshCards, type LoadedView } from "../assignments/index.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import { auditActor, committeeIdsOf, itemFor, MANAGE, type StaffActor } from "./access.js";
import { replanLadder } from "./ladder.js";
import { itemTitle, tellAgency } from "./tell.js";

export interface VerificationEntry {
  loaded: LoadedView;
  claimedAt: Date | null;
  claimedBy: string | null;
  note: string | null;
  files: { kind: string; fileName: string | null }[];
}

export type VerifyRefusal = "forbidden" | "not_claimed" | "comment_required";
export type VerifyResult = { ok: true; status: AssignmentStatus } | { ok: false; refusal: VerifyRefusal };

export class VerificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** The items waiting for verification in the committees this person is secretariat of, oldest claim first. */
  async queue(actor: StaffActor): Promise<VerificationEntry[]> {
    const committees = await committeeIdsOf(this.db, actor.personId, MANAGE);
    if (committees.length === 0) return [];
    const loaded = await loadAssignmentViews(this.db, {
      status: "reported_done",
      resolution: { meeting: { committeeId: { in: committees } } },
    });
    const entries: VerificationEntry[] = [];
    for (const l of loaded) {
      const claim = await this.db.progressUpdate.findFirst({
        where: { assignmentId: l.view.id, kind: "done_claim" },
        orderBy: { id: "desc" },
        include: { person: { select: { name: true } }, attachments: { select: { kind: true, fileName: true } } },
      });
      entries.push({
        loaded: l,
        claimedAt: claim?.createdAt ?? null,
        claimedBy: claim?.person?.name ?? null,
        note: claim?.text ?? null,
        files: claim?.attachments ?? [],
      });
    }
    return entries.sort((a, b) => (a.claimedAt?.getTime() ?? 0) - (b.claimedAt?.getTime() ?? 0) || a.loaded.view.id - b.loaded.view.id);
  }

  approve(actor: StaffActor, assignmentId: number): Promise<VerifyResult> {
    return this.#decide(actor, assignmentId, "verify");
  }

  sendBack(actor: StaffActor, assignmentId: number, comment: string): Promise<VerifyResult> {
    if (comment.trim() === "") return Promise.resolve({ ok: false, refusal: "comment_required" });
    return this.#decide(actor, assignmentId, "reject_claim", comment.trim());
  }

  async #decide(actor: StaffActor, assignmentId: number, action: "verify" | "reject_claim", comment?: string): Promise<VerifyResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await itemFor(tx, actor.personId, assignmentId, MANAGE);
      if (!item) return { ok: false, refusal: "forbidden" } as const;
      const result = transition(item.status as AssignmentStatus, action, item.resolutionKind as ResolutionKind);
      if (!result.ok) return { ok: false, refusal: "not_claimed" } as const;
      // Only from the status just read: a concurrent decision makes this one a no-op refusal.
      const moved = await tx.assignment.updateMany({
        where: { id: assignmentId, status: item.status },
        data: {
          status: result.next,
          version: { increment: 1 },
          ...(action === "verify" ? { doneAt: now, percent: 100 } : { reportedDoneAt: null }),
        },
      });
      if (moved.count !== 1) return { ok: false, refusal: "not_claimed" } as const;
      await tx.progressUpdate.create({
        data: {
          assignmentId,
          personId: actor.personId,
          platform: actor.platform,
          kind: action === "verify" ? "verified" : "sent_back",
          text: comment ?? null,
          createdAt: now,
        },
      });
      await audit(
        tx,
        auditActor(actor),
        action === "verify" ? "assignment.verified" : "assignment.sent_back",
        "Assignment",
        assignmentId,
        { from: item.status, to: result.next, ...(comment ? { comment } : {}) },
        now,
      );
      if (action === "reject_claim") await replanLadder(tx, [assignmentId], now);
      refreshCards(tx, this.notifier, [assignmentId], now);
      await tellAgency(tx, this.notifier, item, now, (t) => ({
        text:
          action === "verify"
            ? t("verify-told-approved", { title: itemTitle(t, item) })
            : t("verify-told-sent-back", { title: itemTitle(t, item), comment: comment! }),
      }));
      return { ok: true, status: result.next } as const;
    });
  }
}
