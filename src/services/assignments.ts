/**
 * The agency side of an assignment: acknowledging it, reporting progress, claiming it done,
 * reporting a blocker — and finding what an agency has open.
 *
 * Every action is authorised here, on every call, against the database (not against what a
 * handler believes about the caller): only an active head or liaison of the assignment's agency
 * may act, and the status machine (domain/assignments/status.ts) decides what the action does.
 * Each action is one transaction: the assignment, its ProgressUpdate and attachments, the audit
 * row and any outbox message are written together or not at all.
 */
import type { Logger } from "pino";
import type { Platform } from "../config/index.js";
import { isUniqueViolation, Prisma, type Db, type Tx } from "../db/client.js";
import { compareUrgency } from "../domain/assignments/deadline.js";
import { AGENCY_ROLES, type PartyRole } from "../domain/vocabulary.js";
import { sqlList } from "../db/sql/vocabulary.js";
import {
  transition,
  type AgencyAction,
  type AssignmentStatus,
  type ResolutionKind,
  type TransitionRefusal,
} from "../domain/assignments/status.js";
import type { WorkCalendar } from "../domain/calendar/index.js";
import type { Translate } from "../i18n/index.js";
import type { Clock } from "../shared/clock.js";
import { attachmentRows, type IncomingFile } from "./attachments.js";
import { audit } from "./audit.js";
import { planAssignments } from "./escalation/plan.js";
import { workCalendarOf } from "./calendars.js";
import type { Notifier } from "./notifications.js";
import type { AssignmentSummary, AssignmentView } from "./render/assignment.js";
import { renderAgencyReportNotice, renderEvidenceCaption } from "./render/notices.js";

export interface AgencyActor {
  personId: number;
  platform: Platform;
}

/** Why an agency action was not applied. `unknown` covers both "no such item" and "not yours": we do not tell them apart. */
export type AgencyRefusal = "unknown" | TransitionRefusal;

export type AgencyActionResult =
  { ok: true; changed: boolean; view: AssignmentSummary } | { ok: false; refusal: AgencyRefusal; view?: AssignmentSummary };

/** The topic of every outbox message about an assignment; replies to those messages map back through it. */
export const assignmentTopic = (assignmentId: number): string => `assignment:${assignmentId}`;
const ASSIGNMENT_TOPIC = /^assignment:(\d+)$/;

/** How each agency action is named in the logs (one business event per applied action). */
const AGENCY_EVENTS: Readonly<Record<AgencyAction, string>> = {
  ack: "acknowledged",
  progress: "progress_reported",
  claim_done: "done_reported",
  block: "blocked",
};

export const ASSIGNMENT_VIEW_INCLUDE = {
  agency: { select: { id: true, name: true } },
  resolution: {
    select: {
      number: true,
      text: true,
      kind: true,
      leadAll: true,
      reportTo: true,
      meeting: { select: { number: true, heldOn: true, committee: { select: { id: true, name: true, calendar: true } } } },
      parties: { select: { role: true, agencyId: true, agency: { select: { name: true } } } },
    },
  },
} satisfies Prisma.AssignmentInclude;

type AssignmentRow = Prisma.AssignmentGetPayload<{ include: typeof ASSIGNMENT_VIEW_INCLUDE }>;

export interface LoadedView {
  view: AssignmentView;
  calendar: WorkCalendar;
}

function toLoadedView(row: AssignmentRow): LoadedView {
  const { resolution } = row;
  const partners = resolution.parties
    .filter((p) => p.agencyId !== row.agencyId)
    .sort((a, b) => (a.role === b.role ? a.agency.name.localeCompare(b.agency.name, "fa") : a.role === "lead" ? -1 : 1))
    .map((p) => ({ name: p.agency.name, role: p.role as PartyRole }));
  return {
    view: {
      id: row.id,
      status: row.status as AssignmentStatus,
      role: row.role as PartyRole,
      percent: row.percent,
      deadline: row.deadline,
      blockedReason: row.blockedReason,
      agency: row.agency,
      resolution: {
        number: resolution.number,
        text: resolution.text,
        kind: resolution.kind as ResolutionKind,
        leadAll: resolution.leadAll,
        reportTo: resolution.reportTo,
      },
      meeting: { number: resolution.meeting.number, heldOn: resolution.meeting.heldOn },
      committee: { id: resolution.meeting.committee.id, name: resolution.meeting.committee.name },
      partners,
    },
    calendar: workCalendarOf(resolution.meeting.committee.calendar),
  };
}

export async function loadAssignmentViews(tx: Tx, where: Prisma.AssignmentWhereInput): Promise<LoadedView[]> {
  const rows = await tx.assignment.findMany({ where, include: ASSIGNMENT_VIEW_INCLUDE, orderBy: { id: "asc" } });
  return rows.map(toLoadedView);
}

/** The agencies a person may act for, from the database (the source of truth, not a cached caller). */
export async function agencyIdsOf(tx: Tx, personId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { personId, active: true, role: { in: [...AGENCY_ROLES] }, agencyId: { not: null } },
    select: { agencyId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.agencyId!))];
}

/** A person's open items as /tasks lists them: by agency (in `agencyIds` order), the most urgent first. */
export function sortByUrgency(loaded: LoadedView[], agencyIds: number[]): LoadedView[] {
  const agencyOrder = new Map(agencyIds.map((id, index) => [id, index]));
  const urgency = (l: LoadedView) => ({
    deadline: l.view.deadline,
    meetingHeldOn: l.view.meeting.heldOn,
    resolutionNumber: l.view.resolution.number,
  });
  return loaded.sort(
    (a, b) => agencyOrder.get(a.view.agency.id)! - agencyOrder.get(b.view.agency.id)! || compareUrgency(urgency(a), urgency(b)),
  );
}

export async function isAgencyMember(tx: Tx, personId: number, agencyId: number): Promise<boolean> {
  const found = await tx.membership.findFirst({
    where: { personId, agencyId, active: true, role: { in: [...AGENCY_ROLES] } },
    select: { id: true },
  });
  return found !== null;
}

/** The people who hear from an agency: its active heads and liaisons, each once. */
export async function agencyContacts(tx: Tx, agencyId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { agencyId, active: true, role: { in: [...AGENCY_ROLES] } },
    select: { personId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.personId))];
}

export async function secretariatOf(tx: Tx, committeeId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { committeeId, role: "secretariat", active: true },
    select: { personId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.personId))];
}

/** The columns an action may set on an assignment besides its status. */
interface AssignmentChanges {
  acknowledgedAt?: Date;
  lastProgressAt?: Date;
  reportedDoneAt?: Date;
  percent?: number;
  blockedReason?: string | null;
}

/** Named in SQL from this fixed list only, never from what a caller passes. */
const CHANGE_COLUMNS = [
  "acknowledgedAt",
  "lastProgressAt",
  "reportedDoneAt",
  "percent",
  "blockedReason",
] as const satisfies readonly (keyof AssignmentChanges)[];

/**
 * Moves an assignment from `from` to `to` with its changed columns; 0 rows when its status is no
 * longer `from` (someone else changed it meanwhile). Plain SQL: it is on the path of every press
 * and reply, where Prisma's cost per query is what limits the bot (see bench/inbound.ts).
 */
async function updateStatus(
  tx: Tx,
  id: number,
  from: AssignmentStatus,
  to: AssignmentStatus,
  now: Date,
  changes: AssignmentChanges = {},
): Promise<number> {
  const columns = CHANGE_COLUMNS.filter((column) => changes[column] !== undefined).map(
    (column) => Prisma.sql`, ${Prisma.raw(`"${column}"`)} = ${changes[column]}`,
  );
  return tx.$executeRaw`
    UPDATE "Assignment" SET "status" = ${to}, "version" = "version" + 1, "updatedAt" = ${now}${columns.length > 0 ? Prisma.join(columns, "") : Prisma.empty}
    WHERE "id" = ${id} AND "status" = ${from}`;
}

/** A read, a lost race, a fresh read…: more than this and something is wrong. */
const MAX_ATTEMPTS = 5;

/** Repeating these changes nothing and records nothing (pressing "seen" twice, claiming done twice). */
const NOOP_WHEN_UNCHANGED: ReadonlySet<AgencyAction> = new Set(["ack", "claim_done"]);

/** The row of the action query (see AssignmentService.#target). */
interface ActionRow {
  id: number;
  status: string;
  percent: number;
  blockedReason: string | null;
  resolutionNumber: number;
  kind: string;
  meetingNumber: string;
  committeeId: number;
  /** Set when the person holds an active head or liaison membership of the assignment's agency. */
  membershipId: number | null;
}

interface ActionTarget {
  summary: AssignmentSummary;
  committeeId: number;
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

/** What applying an action writes, besides the status and the audit row. */
interface ActionPlan {
  /** Columns set with the new status (percent and blockedReason also show in the returned summary). */
  changes: AssignmentChanges;
  /** Rows written with the change (the ProgressUpdate); returns facts for the audit row. */
  record(tx: Tx): Promise<Record<string, unknown>>;
  /** Notifications, queued in the same transaction. */
  notify?(tx: Tx): Promise<void>;
}

type Planner = (step: Step) => ActionPlan;

/** The summary after an update: the status and the columns a reader sees. */
function summaryAfter(summary: AssignmentSummary, status: AssignmentStatus, set: AssignmentChanges): AssignmentSummary {
  return {
    ...summary,
    status,
    ...(set.percent !== undefined ? { percent: set.percent } : {}),
    ...(set.blockedReason !== undefined ? { blockedReason: set.blockedReason } : {}),
  };
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
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    private readonly maxAttachmentBytes: number,
  ) {}

  /**
   * The one read every press and reply needs — the status, what the answer says about the item,
   * and whether the person may act on it (an active head or liaison of its agency) — as one SQL
   * query: through Prisma it would be five, and this runs for every update (see bench/inbound.ts).
   */
  async #target(actor: AgencyActor, assignmentId: number): Promise<ActionTarget | undefined> {
    const [row] = await this.db.$queryRaw<ActionRow[]>`
      SELECT a."id", a."status", a."percent", a."blockedReason", r."number" AS "resolutionNumber", r."kind",
             mt."number" AS "meetingNumber", mt."committeeId", ms."id" AS "membershipId"
      FROM "Assignment" a
      JOIN "Resolution" r ON r."id" = a."resolutionId"
      JOIN "Meeting" mt ON mt."id" = r."meetingId"
      LEFT JOIN "Membership" ms ON ms."agencyId" = a."agencyId" AND ms."personId" = ${actor.personId} AND ms."active" = TRUE AND ms."role" IN (${sqlList(AGENCY_ROLES)})
      WHERE a."id" = ${assignmentId}
      LIMIT 1`;
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
    };
  }

  /** Everything shown about the assignment (for its message), if the person may act on it. */
  async view(actor: AgencyActor, assignmentId: number): Promise<LoadedView | undefined> {
    const [loaded] = await loadAssignmentViews(this.db, {
      id: assignmentId,
      agency: { memberships: { some: { personId: actor.personId, active: true, role: { in: [...AGENCY_ROLES] } } } },
    });
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
   * the topic "assignment:<id>". One SQL query, as it runs for every reply.
   */
  async assignmentOfMessage(platform: Platform, chatId: string, messageId: number): Promise<number | undefined> {
    const [row] = await this.db.$queryRaw<{ topic: string }[]>`
      SELECT "topic" FROM "OutboxMessage"
      WHERE "platform" = ${platform} AND "chatId" = ${chatId} AND "messageId" = ${String(messageId)} AND "topic" LIKE 'assignment:%'
      LIMIT 1`;
    const m = row ? ASSIGNMENT_TOPIC.exec(row.topic) : null;
    return m ? Number(m[1]) : undefined;
  }

  acknowledge(actor: AgencyActor, assignmentId: number): Promise<AgencyActionResult> {
    return this.#apply(actor, { assignmentId }, "ack", (step) => ({
      changes: { acknowledgedAt: step.now },
      record: async (tx) => ({ progressUpdateId: await this.#recordUpdate(tx, step, actor, "ack", {}) }),
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
      record: async (tx) => ({
        progressUpdateId: await this.#recordUpdate(tx, step, actor, "progress", {
          text: input.text,
          percent: input.percent,
          files: input.files,
        }),
        percent: input.percent ?? null,
        files: input.files?.length ?? 0,
      }),
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
      record: async (tx) => ({
        progressUpdateId: await this.#recordUpdate(tx, step, actor, "done_claim", { text: input.text, files: input.files }),
        files: input.files?.length ?? 0,
      }),
      notify: (tx) => this.#tellSecretariat(tx, step, actor, { kind: "done_claim", text: input.text, files: input.files ?? [] }),
    }));
  }

  reportBlocked(actor: AgencyActor, input: BlockedInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input, "block", (step) => ({
      changes: { blockedReason: input.reason, ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}) },
      record: async (tx) => ({
        progressUpdateId: await this.#recordUpdate(tx, step, actor, "blocked", { text: input.reason }),
        reason: input.reason,
      }),
      notify: (tx) => this.#tellSecretariat(tx, step, actor, { kind: "blocked", text: input.reason, files: [] }),
    }));
  }

  /**
   * Reads and authorises, asks the status machine, then writes in one short transaction: the
   * new status, the action's rows, the audit row, the notifications. The read stays outside the
   * transaction (SQLite has one writer: short transactions keep the bot responsive).
   *
   * The status is written first, and only if it is still the one the machine was asked about.
   * When someone changed it meanwhile, nothing is written and we start again from a fresh read.
   * An action whose idempotency key is already recorded (before, or by a concurrent twin whose
   * insert wins the unique key) changes nothing and answers with the item as it is.
   */
  async #apply(
    actor: AgencyActor,
    { assignmentId, idempotencyKey }: { assignmentId: number } & Idempotent,
    action: AgencyAction,
    plan: Planner,
  ): Promise<AgencyActionResult> {
    for (let attempt = 1; ; attempt++) {
      const target = await this.#target(actor, assignmentId);
      if (!target) return { ok: false, refusal: "unknown" };
      const { summary, committeeId } = target;
      const done: AgencyActionResult = { ok: true, changed: false, view: summary };
      if (idempotencyKey !== undefined && (await this.#recorded(idempotencyKey))) return done;
      const result = transition(summary.status, action, summary.resolution.kind);
      if (!result.ok) return { ok: false, refusal: result.refusal, view: summary };
      if (!result.changed && NOOP_WHEN_UNCHANGED.has(action)) return { ok: true, changed: false, view: summary };
      const step: Step = { now: this.clock.now(), idempotencyKey, assignmentId, committeeId, from: summary.status, to: result.next };
      const { changes, record, notify } = plan(step);
      let applied: boolean;
      try {
        applied = await this.db.$transaction(async (tx) => {
          if ((await updateStatus(tx, assignmentId, step.from, step.to, step.now, changes)) !== 1) return false;
          // Acknowledging ends the delivery ladder, progress restarts the silence clock, a claim or blocker pauses it.
          await planAssignments(tx, [assignmentId], step.now);
          const detail = await record(tx);
          const who = { kind: "person", personId: actor.personId, platform: actor.platform } as const;
          const facts = { from: step.from, to: step.to, ...detail, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) };
          await audit(tx, who, `assignment.${action}`, "Assignment", assignmentId, facts, step.now);
          await notify?.(tx);
          return true;
        });
      } catch (error) {
        if (idempotencyKey !== undefined && isUniqueViolation(error) && (await this.#recorded(idempotencyKey))) return done;
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

  async #recorded(idempotencyKey: string): Promise<boolean> {
    const found = await this.db.progressUpdate.findUnique({ where: { idempotencyKey }, select: { id: true } });
    return found !== null;
  }

  async #recordUpdate(
    tx: Tx,
    step: Step,
    actor: AgencyActor,
    kind: string,
    content: { text?: string | undefined; percent?: number | undefined; files?: readonly IncomingFile[] | undefined },
  ): Promise<number> {
    const files = attachmentRows(content.files ?? [], actor.platform, this.maxAttachmentBytes);
    // Plain SQL, as for the status: this is the write of every progress reply.
    const [update] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "ProgressUpdate" ("assignmentId", "personId", "platform", "kind", "text", "percent", "idempotencyKey", "createdAt")
      VALUES (${step.assignmentId}, ${actor.personId}, ${actor.platform}, ${kind}, ${content.text ?? null}, ${content.percent ?? null}, ${step.idempotencyKey ?? null}, ${step.now})
      RETURNING "id"`;
    if (files.length > 0) await tx.attachment.createMany({ data: files.map((file) => ({ ...file, progressUpdateId: update!.id })) });
    return update!.id;
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
    const options = { topic: assignmentTopic(step.assignmentId), notBefore: step.now };
    const queued = await this.notifier.toPeople(tx, secretariat, (t: Translate) => renderAgencyReportNotice(notice, t), options);
    if (queued === 0) this.logger.warn({ assignmentId: step.assignmentId, kind: report.kind }, "no reachable secretariat member to tell");
    const files = report.files.map((f) => ({ kind: f.kind, fileId: f.fileId }));
    await this.notifier.filesToPeople(tx, secretariat, actor.platform, files, (t) => renderEvidenceCaption(notice, t), options);
  }
}
