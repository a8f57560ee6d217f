/**
 * An agency asks for a later deadline on its item (new day and reason); the secretariat gets the
 * request with approve / refuse buttons and decides; the agency is told the answer. An approval
 * is an extension like any other (DeadlineChange history, every party told).
 */
import type { Db } from "../../db/client.js";
import { deadlineDay } from "../../domain/assignments/deadline.js";
import { deadlineInstant, toJalali, type JalaliDate } from "../../domain/calendar/index.js";
import type { Clock } from "../../shared/clock.js";
import { isAgencyMember, type AgencyActor } from "../assignments/index.js";
import { audit } from "../audit.js";
import type { Notifier } from "../notifications.js";
import { extensionDecisionButton } from "../render/callback-data.js";
import { formatsFor } from "../render/format.js";
import { auditActor, itemFacts, itemFor, MANAGE, nameOf, type StaffActor } from "./access.js";
import { applyExtension, extensionProblem, type ExtendRefusal } from "./deadline-changes.js";
import { itemTitle, tellAgency, tellSecretariat } from "./tell.js";

export type RequestRefusal = ExtendRefusal | "pending_exists" | "decided";
export type RequestResult = { ok: true; requestId: number } | { ok: false; refusal: RequestRefusal; next?: JalaliDate };

export class ExtensionRequestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** Checks that the item may be asked about at all (before the dialog asks for a date). */
  async canAsk(
    actor: AgencyActor,
    assignmentId: number,
  ): Promise<{ ok: true; deadline: Date; calendar: unknown } | { ok: false; refusal: RequestRefusal }> {
    const item = await this.#agencyItem(actor, assignmentId);
    if (!item) return { ok: false, refusal: "forbidden" };
    if (item.status === "done" || item.status === "cancelled") return { ok: false, refusal: "final" };
    if (!item.deadline) return { ok: false, refusal: "standing" };
    const pending = await this.db.extensionRequest.count({ where: { assignmentId, status: "pending" } });
    return pending > 0 ? { ok: false, refusal: "pending_exists" } : { ok: true, deadline: item.deadline, calendar: item.calendar };
  }

  async request(actor: AgencyActor, input: { assignmentId: number; until: JalaliDate; reason: string }): Promise<RequestResult> {
    const reason = input.reason.trim();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const item = await this.#agencyItem(actor, input.assignmentId, tx);
      if (!item) return { ok: false, refusal: "forbidden" };
      if (reason === "") return { ok: false, refusal: "reason_required" };
      const problem = extensionProblem(item, input.until, now);
      if (problem) return { ok: false, ...problem };
      if ((await tx.extensionRequest.count({ where: { assignmentId: item.id, status: "pending" } })) > 0)
        return { ok: false, refusal: "pending_exists" };
      const created = await tx.extensionRequest.create({
        data: { assignmentId: item.id, personId: actor.personId, requested: deadlineInstant(input.until), reason, createdAt: now },
      });
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "extension.requested",
        "Assignment",
        item.id,
        { requestId: created.id, requested: created.requested.toISOString(), reason },
        now,
      );
      // One after the other: a transaction is one connection, and pg queues (and warns about,
      // deprecated for pg 9) a query sent while another is under way on it.
      const agency = await tx.agency.findUnique({ where: { id: item.agencyId }, select: { name: true } });
      const by = await nameOf(tx, actor.personId);
      await tellSecretariat(tx, this.notifier, item.committeeId, item.id, now, (t) => {
        const fmt = formatsFor(t);
        return {
          text: t("ext-request-notice", {
            title: itemTitle(t, item),
            agency: agency?.name ?? "",
            by,
            current: fmt.date(deadlineDay(item.deadline!)),
            requested: fmt.date(input.until),
            reason,
          }),
          buttons: [
            [
              {
                text: t("ext-request-button-approve"),
                callback_data: extensionDecisionButton.pack({ decision: "approve", requestId: created.id }),
              },
              {
                text: t("ext-request-button-refuse"),
                callback_data: extensionDecisionButton.pack({ decision: "refuse", requestId: created.id }),
              },
            ],
          ],
        };
      });
      return { ok: true, requestId: created.id };
    });
  }

  async decide(actor: StaffActor, requestId: number, decision: "approve" | "refuse"): Promise<RequestResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const request = await tx.extensionRequest.findUnique({ where: { id: requestId } });
      const item = request ? await itemFor(tx, actor.personId, request.assignmentId, MANAGE) : undefined;
      if (!request || !item) return { ok: false, refusal: "forbidden" };
      if (request.status !== "pending") return { ok: false, refusal: "decided" };
      const until = toJalali(new Date(request.requested.getTime() - 1));
      if (decision === "approve") {
        const problem = extensionProblem(item, until, now);
        if (problem) return { ok: false, ...problem };
      }
      const claimed = await tx.extensionRequest.updateMany({
        where: { id: requestId, status: "pending" },
        data: { status: decision === "approve" ? "approved" : "refused", decidedById: actor.personId, decidedAt: now },
      });
      if (claimed.count !== 1) return { ok: false, refusal: "decided" };
      await audit(
        tx,
        auditActor(actor),
        `extension.${decision === "approve" ? "approved" : "refused"}`,
        "Assignment",
        item.id,
        { requestId },
        now,
      );
      if (decision === "approve") {
        await applyExtension(
          tx,
          this.notifier,
          actor,
          item,
          { until, reason: request.reason, scope: "agency", requestId, ownKey: "ext-request-told-approved" },
          now,
        );
      } else {
        await tellAgency(tx, this.notifier, item, now, (t) => {
          const fmt = formatsFor(t);
          return {
            text: t("ext-request-told-refused", {
              title: itemTitle(t, item),
              requested: fmt.date(until),
              date: item.deadline ? fmt.date(deadlineDay(item.deadline)) : "",
            }),
          };
        });
      }
      return { ok: true, requestId };
    });
  }

  /** The item as an agency member sees it: only if the person is a head or liaison of its agency. */
  async #agencyItem(actor: AgencyActor, assignmentId: number, tx: Parameters<typeof isAgencyMember>[0] = this.db) {
    const item = await itemFacts(tx, assignmentId);
    return item && (await isAgencyMember(tx, actor.personId, item.agencyId)) ? item : undefined;
  }
}
