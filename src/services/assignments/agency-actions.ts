/**
 * The agency side of an assignment: acknowledging it, reporting progress, claiming it done,
 * reporting a blocker — and finding what an agency has open.
 *
 * Every action is authorised here, on every call, against the database (not against what a
 * handler believes about the caller): only an active head or liaison of the assignment's agency
 * may act, and the status machine (domain/assignments/status.ts) decides what the action does.
 * Each action is one transaction: the assignment, its ProgressUpdate and attachments, the audit
 * row and any outbox message are written together or not at all. The item's cards are edited
 * after the commit (cards.ts), outside the transaction that every other update waits on.
 */
import type { Logger } from "pino";
import type { Platform } from "../../config/index.js";
import { isUniqueViolation, providerOfClient, type Db, type DbProvider, type Tx } from "../../db/client.js";
import { applyAgencyAction } from "../../db/sql/apply-agency-action.js";
import { insertAudit, type AuditRow } from "../../db/sql/insert-audit.js";
import { agencyActionTarget, type AgencyActionTargetRow } from "../../db/sql/agency-action-target.js";
import { topicsOfMessage } from "../../db/sql/topics-of-message.js";
import { assignmentOfTopic, outboxTopic } from "../../domain/outbox-topic.js";
import { insertProgressUpdate, type ProgressUpdateRow } from "../../db/sql/insert-progress-update.js";
import { progressUpdateRecorded } from "../../db/sql/progress-update-recorded.js";
import { updateAssignmentStatus, type AssignmentChanges, type LadderReplan } from "../../db/sql/update-assignment-status.js";
import {
  transition,
  type AgencyAction,
  type AssignmentStatus,
  type ResolutionKind,
  type TransitionRefusal,
} from "../../domain/assignments/status.js";
import type { Translate } from "../../i18n/index.js";
import type { Clock } from "../../shared/clock.js";
import { attachmentRows, type IncomingFile } from "../attachments.js";
import { refreshCards, type ShownCard } from "./cards.js";
import { agencyIdsOf, secretariatOf } from "./directory.js";
import { loadAssignmentViews, loadAssignmentViewsByIds, sortByUrgency, type LoadedView } from "./views.js";
import { auditRow } from "../audit.js";
import { ladderPlanOf, planAssignments } from "../escalation/plan.js";
import type { Notifier } from "../notifications.js";
import type { AssignmentSummary } from "../render/assignment.js";
import { renderAgencyReportNotice, renderEvidenceCaption } from "../render/notices.js";

export interface AgencyActor {
  personId: number;
  platform: Platform;
}

/** Why an agency action was not applied. `unknown` covers both "no such item" and "not yours": we do not tell them apart. */
export type AgencyRefusal = "unknown" | TransitionRefusal;

export type AgencyActionResult =
  { ok: true; changed: boolean; view: AssignmentSummary } | { ok: false; refusal: AgencyRefusal; view?: AssignmentSummary };

/** How each agency action is named in the logs (one business event per applied action). */
const AGENCY_EVENTS: Readonly<Record<AgencyAction, string>> = {
  ack: "acknowledged",
  progress: "progress_reported",
  claim_done: "done_reported",
  block: "blocked",
};

/** A read, a lost race, a fresh read…: more than this and something is wrong. */
const MAX_ATTEMPTS = 5;

/** Repeating these changes nothing and records nothing (pressing "seen" twice, claiming done twice). */
const NOOP_WHEN_UNCHANGED: ReadonlySet<AgencyAction> = new Set(["ack", "claim_done"]);

/** The row of the action query (see AssignmentService.#target). */

interface ActionTarget {
  summary: AssignmentSummary;
  committeeId: number;
  /** The row as read, for re-planning its ladder with the change. */
  row: AgencyActionTargetRow;
}

/** An action about to be applied: when, to what, from which status to which. */
interface Step {
  now: Date;
  /** See Idempotent. */
  idempotencyKey: string | undefined;
  assignmentId: number;
  committeeId: number;
  from: AssignmentStatus;
  to: AssignmentStatus;
}

/** What a ProgressUpdate written with an action says. */
interface UpdateContent {
  text?: string | undefined;
  percent?: number | undefined;
  files?: readonly IncomingFile[] | undefined;
}

/** What applying an action writes, besides the status and the audit row. */
interface ActionPlan {
  /** Columns set with the new status (percent and blockedReason also show in the returned summary). */
  changes: AssignmentChanges;
  /** The ProgressUpdate written with the change (its id goes in the audit row's facts). */
  update: { kind: string } & UpdateContent;
  /** The audit row's facts besides the statuses, the update's id and the idempotency key. */
  facts?: Record<string, unknown>;
  /** Notifications, queued in the same transaction. */
  notify?(tx: Tx): Promise<void>;
}

type Planner = (step: Step) => ActionPlan;

/** An action about to be written, with what its writes need besides the step and the plan. */
interface ActionWrite {
  actor: AgencyActor;
  action: AgencyAction;
  step: Step;
  plan: ActionPlan;
  ladder: LadderReplan;
  /** The item as read (its cards are refreshed when what they show changes). */
  summary: AssignmentSummary;
  shown: ShownCard | undefined;
}

/** The summary after an update: the status and the columns a reader sees. */
function summaryAfter(summary: AssignmentSummary, status: AssignmentStatus, set: AssignmentChanges): AssignmentSummary {
  return {
    ...summary,
    status,
    ...(set.percent !== undefined ? { percent: set.percent } : {}),
    ...(set.blockedReason !== undefined ? { blockedReason: set.blockedReason } : {}),
  };
}

/** Whether an item's card says the same for both (an agency action changes only these of what a card shows). */
function sameOnCard(a: AssignmentSummary, b: AssignmentSummary): boolean {
  return a.status === b.status && a.percent === b.percent && a.blockedReason === b.blockedReason;
}

/**
 * What makes an action safe to repeat: a key derived from the dialog step (or the message) that
 * asked for it. An action whose key is already recorded changes nothing and answers as if it had
 * just been applied — so an update replayed after a crash records nothing twice.
 */
export interface Idempotent {
  idempotencyKey?: string;
}

export interface ProgressInput extends Idempotent {
  assignmentId: number;
  /** Optional when files say it all (a document sent as a reply). */
  text?: string;
  percent?: number;
  files?: readonly IncomingFile[];
}

export interface DoneClaimInput extends Idempotent {
  assignmentId: number;
  text?: string;
  files?: readonly IncomingFile[];
}

export interface BlockedInput extends Idempotent {
  assignmentId: number;
  reason: string;
}

export class AssignmentService {
  readonly #provider: DbProvider;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    private readonly maxAttachmentBytes: number,
  ) {
    this.#provider = providerOfClient(db);
  }

  /**
   * The one read every press and reply needs — the status, what the answer says about the item,
   * and whether the person may act on it (an active head or liaison of its agency) — as one SQL
   * query: through Prisma it would be five, and this runs for every update (see bench/inbound.ts).
   */
  async #target(actor: AgencyActor, assignmentId: number): Promise<ActionTarget | undefined> {
    const row = await agencyActionTarget(this.db, assignmentId, actor.personId);
    if (!row || row.membershipId === null) return undefined;
    return {
      summary: {
        id: row.id,
        status: row.status as AssignmentStatus,
        percent: row.percent,
        blockedReason: row.blockedReason,
        resolution: { number: row.resolutionNumber, kind: row.kind as ResolutionKind },
        meeting: { number: row.meetingNumber },
      },
      committeeId: row.committeeId,
      row,
    };
  }

  /** Everything shown about the assignment (for its message), if the person may act on it. */
  async view(actor: AgencyActor, assignmentId: number): Promise<LoadedView | undefined> {
    // Plain SQL both: this redraws the card after every "seen".
    if (!(await this.#target(actor, assignmentId))) return undefined;
    const [loaded] = await loadAssignmentViewsByIds(this.db, [assignmentId]);
    return loaded;
  }

  /**
   * Checks that `action` may start on the assignment (before a dialog asks its questions), so
   * that a refusal comes at the press, not after the user typed a report. The final write checks again.
   */
  async checkAction(actor: AgencyActor, assignmentId: number, action: AgencyAction): Promise<AgencyActionResult> {
    const target = await this.#target(actor, assignmentId);
    if (!target) return { ok: false, refusal: "unknown" };
    const { summary } = target;
    const result = transition(summary.status, action, summary.resolution.kind);
    return result.ok ? { ok: true, changed: result.changed, view: summary } : { ok: false, refusal: result.refusal, view: summary };
  }

  /** Open items of every agency the person acts for: grouped by agency, most urgent first. */
  async openFor(personId: number): Promise<LoadedView[]> {
    const agencyIds = await agencyIdsOf(this.db, personId);
    if (agencyIds.length === 0) return [];
    const loaded = await loadAssignmentViews(this.db, { agencyId: { in: agencyIds }, status: { notIn: ["done", "cancelled"] } });
    return sortByUrgency(loaded, agencyIds);
  }

  /**
   * Which assignment a message in this chat was about: the outbox remembers what it sent, under
   * the assignment's topic (domain/outbox-topic.ts). One SQL query, as it runs for every reply.
   */
  async assignmentOfMessage(platform: Platform, chatId: string, messageId: number): Promise<number | undefined> {
    const topics = await topicsOfMessage(this.db, platform, chatId, String(messageId));
    return topics.map(assignmentOfTopic).find((id) => id !== undefined);
  }

  /**
   * Who reported the item done, and when (the latest done claim), if the person may see the item:
   * a second "done" on a claimed item answers with this instead of a claim nobody needs.
   */
  async latestDoneClaim(actor: AgencyActor, assignmentId: number): Promise<{ name: string | null; at: Date } | undefined> {
    if (!(await this.#target(actor, assignmentId))) return undefined;
    const claim = await this.db.progressUpdate.findFirst({
      where: { assignmentId, kind: "done_claim" },
      orderBy: { id: "desc" },
      select: { createdAt: true, person: { select: { name: true } } },
    });
    return claim ? { name: claim.person?.name ?? null, at: claim.createdAt } : undefined;
  }

  /**
   * "Seen". `shown` is the card it was pressed on, when the handler redraws that card itself: the
   * refresh of the item's cards then leaves it alone, so its chat gets no second edit of it.
   */
  acknowledge(actor: AgencyActor, assignmentId: number, shown?: ShownCard): Promise<AgencyActionResult> {
    return this.#apply(actor, { assignmentId, ...(shown ? { shown } : {}) }, "ack", (step) => ({
      changes: { acknowledgedAt: step.now },
      update: { kind: "ack" },
    }));
  }

  recordProgress(actor: AgencyActor, input: ProgressInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input, "progress", (step) => ({
      changes: {
        lastProgressAt: step.now,
        // Reporting progress also says "we have seen it", and work under way again ends a blocker.
        ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}),
        ...(input.percent !== undefined ? { percent: input.percent } : {}),
        ...(step.from === "blocked" ? { blockedReason: null } : {}),
      },
      update: { kind: "progress", text: input.text, percent: input.percent, files: input.files },
      facts: { percent: input.percent ?? null, files: input.files?.length ?? 0 },
    }));
  }

  claimDone(actor: AgencyActor, input: DoneClaimInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input, "claim_done", (step) => ({
      changes: {
        reportedDoneAt: step.now,
        lastProgressAt: step.now,
        blockedReason: null,
        ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}),
      },
      update: { kind: "done_claim", text: input.text, files: input.files },
      facts: { files: input.files?.length ?? 0 },
      notify: (tx) => this.#tellSecretariat(tx, step, actor, { kind: "done_claim", text: input.text, files: input.files ?? [] }),
    }));
  }

  reportBlocked(actor: AgencyActor, input: BlockedInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input, "block", (step) => ({
      changes: { blockedReason: input.reason, ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}) },
      update: { kind: "blocked", text: input.reason },
      facts: { reason: input.reason },
      notify: (tx) => this.#tellSecretariat(tx, step, actor, { kind: "blocked", text: input.reason, files: [] }),
    }));
  }

  /**
   * Reads and authorises, asks the status machine, then writes: the new status, the action's
   * rows, the audit row, the notifications, together or not at all. The read stays outside the
   * write (SQLite has one writer: short transactions keep the bot responsive). An action with no
   * files and no notifications is written without an interactive transaction (#applyAtOnce); the
   * others take one short transaction (#applyInTransaction).
   *
   * The status is written first, and only if it is still the one the machine was asked about.
   * When someone changed it meanwhile, nothing is written and we start again from a fresh read.
   * An action whose idempotency key is already recorded (before, or by a concurrent twin whose
   * insert wins the unique key) changes nothing and answers with the item as it is.
   */
  async #apply(
    actor: AgencyActor,
    { assignmentId, idempotencyKey, shown }: { assignmentId: number; shown?: ShownCard } & Idempotent,
    action: AgencyAction,
    plan: Planner,
  ): Promise<AgencyActionResult> {
    const recorded = () => idempotencyKey !== undefined && this.#recorded(idempotencyKey);
    for (let attempt = 1; ; attempt++) {
      const target = await this.#target(actor, assignmentId);
      if (!target) return { ok: false, refusal: "unknown" };
      const { summary, committeeId, row } = target;
      const done: AgencyActionResult = { ok: true, changed: false, view: summary };
      // A recorded key answers "done" whatever the item is now (the one statement checks it itself).
      const result = transition(summary.status, action, summary.resolution.kind);
      if (!result.ok) return (await recorded()) ? done : { ok: false, refusal: result.refusal, view: summary };
      const step: Step = { now: this.clock.now(), idempotencyKey, assignmentId, committeeId, from: summary.status, to: result.next };
      const planned = plan(step);
      const atOnce = !planned.notify && !planned.update.files?.length;
      if (!atOnce && (await recorded())) return done;
      if (!result.changed && NOOP_WHEN_UNCHANGED.has(action)) return done;
      const { changes } = planned;
      // Acknowledging ends the delivery ladder, progress restarts the silence clock, a claim or
      // blocker pauses it: re-planned from the row as read and changed, and stored by the status
      // update itself if the deadline is still the one read.
      const ladder = {
        readDeadline: row.deadline,
        ...ladderPlanOf(
          {
            ...row,
            status: step.to,
            acknowledgedAt: changes.acknowledgedAt ?? row.acknowledgedAt,
            lastProgressAt: changes.lastProgressAt ?? row.lastProgressAt,
          },
          step.now,
        ),
      };
      const write = { actor, step, plan: planned, ladder, summary, shown, action };
      let applied: boolean;
      try {
        applied = atOnce && (await this.#applyAtOnce(write));
        // Held back: the key is recorded, or the status or deadline moved (the transaction tells which).
        if (atOnce && !applied && (await recorded())) return done;
        if (!applied) applied = await this.#applyInTransaction(write);
      } catch (error) {
        if (isUniqueViolation(error) && (await recorded())) return done;
        throw error;
      }
      if (applied) {
        if (result.changed || action !== "ack")
          this.logger.info(
            {
              event: AGENCY_EVENTS[action],
              assignmentId,
              personId: actor.personId,
              platform: actor.platform,
              from: step.from,
              to: step.to,
            },
            `assignment ${AGENCY_EVENTS[action]}`,
          );
        return { ok: true, changed: result.changed, view: summaryAfter(summary, step.to, changes) };
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`assignment ${assignmentId} kept changing while ${action} was applied; gave up after ${attempt} attempts`);
      this.logger.debug({ assignmentId, action, attempt }, "assignment changed meanwhile; applying again");
    }
  }

  /** The action's writes in one transaction; false when the status moved since it was read. */
  async #applyInTransaction(write: ActionWrite): Promise<boolean> {
    const { actor, step, plan, ladder, action } = write;
    return this.db.$transaction(async (tx) => {
      if ((await updateAssignmentStatus(tx, step.assignmentId, step.from, step.to, step.now, plan.changes, ladder)) !== 1) {
        // Its deadline moved since it was read: if its status still allows the action,
        // re-plan from the row as it now is, as a separate read and write.
        if ((await updateAssignmentStatus(tx, step.assignmentId, step.from, step.to, step.now, plan.changes)) !== 1) return false;
        await planAssignments(tx, [step.assignmentId], step.now);
      }
      const progressUpdateId = await insertProgressUpdate(tx, this.#progressRow(step, actor, plan.update.kind, plan.update));
      const files = attachmentRows(plan.update.files ?? [], actor.platform, this.maxAttachmentBytes);
      if (files.length > 0) await tx.attachment.createMany({ data: files.map((file) => ({ ...file, progressUpdateId })) });
      this.#refreshCardsIfShown(tx, write);
      await insertAudit(tx, this.#auditRow(actor, action, step, { progressUpdateId, ...plan.facts }));
      await plan.notify?.(tx);
      return true;
    });
  }

  /**
   * The action's writes at once (db/sql/apply-agency-action.ts: one statement on PostgreSQL, one
   * group-committed unit on SQLite): false when it was held back (the status or the deadline moved since the read, or the key is recorded).
   */
  async #applyAtOnce(write: ActionWrite): Promise<boolean> {
    const { actor, step, plan, ladder, action } = write;
    const move = { id: step.assignmentId, from: step.from, to: step.to, now: step.now, changes: plan.changes, ladder };
    const row = this.#progressRow(step, actor, plan.update.kind, plan.update);
    const progressUpdateId = await applyAgencyAction(
      this.db,
      this.#provider,
      move,
      row,
      this.#auditRow(actor, action, step, plan.facts ?? {}),
    );
    if (progressUpdateId === undefined) return false;
    this.#refreshCardsIfShown(this.db, write);
    return true;
  }

  /** The cards show the status, the percent and a blocker's reason: a note that changes none of them leaves them as they are. */
  #refreshCardsIfShown(tx: Tx | Db, { step, plan, summary, shown }: ActionWrite): void {
    if (!sameOnCard(summary, summaryAfter(summary, step.to, plan.changes)))
      refreshCards(tx, this.notifier, [step.assignmentId], step.now, shown ? { shown } : {});
  }

  /** The action's audit row: the statuses, `detail`, and the idempotency key. */
  #auditRow(actor: AgencyActor, action: AgencyAction, step: Step, detail: Record<string, unknown>): AuditRow {
    const who = { kind: "person", personId: actor.personId, platform: actor.platform } as const;
    const facts = {
      from: step.from,
      to: step.to,
      ...detail,
      ...(step.idempotencyKey !== undefined ? { idempotencyKey: step.idempotencyKey } : {}),
    };
    return auditRow(who, `assignment.${action}`, "Assignment", step.assignmentId, facts, step.now);
  }

  async #recorded(idempotencyKey: string): Promise<boolean> {
    return progressUpdateRecorded(this.db, idempotencyKey);
  }

  #progressRow(step: Step, actor: AgencyActor, kind: string, content: UpdateContent): ProgressUpdateRow {
    return {
      assignmentId: step.assignmentId,
      personId: actor.personId,
      platform: actor.platform,
      kind,
      text: content.text ?? null,
      percent: content.percent ?? null,
      idempotencyKey: step.idempotencyKey ?? null,
      createdAt: step.now,
    };
  }

  /**
   * Done claims and blockers reach the secretariat at once, rendered from the assignment as it
   * now is; evidence files follow the notice to the secretariat's chats on the same platform.
   */
  async #tellSecretariat(
    tx: Tx,
    step: Step,
    actor: AgencyActor,
    report: { kind: "done_claim" | "blocked"; text: string | undefined; files: readonly IncomingFile[] },
  ): Promise<void> {
    const person = await tx.person.findUnique({ where: { id: actor.personId }, select: { name: true } });
    const [loaded] = await loadAssignmentViews(tx, { id: step.assignmentId });
    const view = loaded!.view;
    const notice = { kind: report.kind, text: report.text, files: report.files.length, view, by: person?.name ?? "" };
    const secretariat = await secretariatOf(tx, step.committeeId);
    // No dedupe key needed: these rows commit with the ProgressUpdate, whose idempotency key is unique.
    const options = { topic: outboxTopic.assignment(step.assignmentId), notBefore: step.now };
    const queued = await this.notifier.toPeople(tx, secretariat, (t: Translate) => renderAgencyReportNotice(notice, t), options);
    if (queued === 0) this.logger.warn({ assignmentId: step.assignmentId, kind: report.kind }, "no reachable secretariat member to tell");
    const files = report.files.map((f) => ({ kind: f.kind, fileId: f.fileId }));
    await this.notifier.filesToPeople(tx, secretariat, actor.platform, files, (t) => renderEvidenceCaption(notice, t), options);
  }
}
