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
import type { Db, Prisma, Tx } from "../db/client.js";
import { compareUrgency } from "../domain/assignments/deadline.js";
import { transition, type AgencyAction, type AssignmentStatus, type ResolutionKind, type TransitionRefusal } from "../domain/assignments/status.js";
import type { WorkCalendar } from "../domain/calendar/index.js";
import type { Translate } from "../i18n/index.js";
import type { Clock } from "../shared/clock.js";
import { attachmentRows, type IncomingFile } from "./attachments.js";
import { audit } from "./audit.js";
import { workCalendarOf } from "./calendars.js";
import type { Notifier } from "./notifications.js";
import type { AssignmentView } from "./render/assignment.js";
import { renderAgencyReportNotice } from "./render/notices.js";

export interface AgencyActor {
  personId: number;
  platform: Platform;
}

/** Why an agency action was not applied. `unknown` covers both "no such item" and "not yours": we do not tell them apart. */
export type AgencyRefusal = "unknown" | TransitionRefusal;

export type AgencyActionResult =
  | { ok: true; changed: boolean; view: AssignmentView }
  | { ok: false; refusal: AgencyRefusal; view?: AssignmentView };

/** The topic of every outbox message about an assignment; replies to those messages map back through it. */
export const assignmentTopic = (assignmentId: number): string => `assignment:${assignmentId}`;
const ASSIGNMENT_TOPIC = /^assignment:(\d+)$/;

const AGENCY_ROLES = ["head", "liaison"];

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
    .map((p) => ({ name: p.agency.name, role: p.role as "lead" | "co" }));
  return {
    view: {
      id: row.id,
      status: row.status as AssignmentStatus,
      role: row.role as "lead" | "co",
      percent: row.percent,
      deadline: row.deadline,
      blockedReason: row.blockedReason,
      agency: row.agency,
      resolution: { number: resolution.number, text: resolution.text, kind: resolution.kind as ResolutionKind, leadAll: resolution.leadAll, reportTo: resolution.reportTo },
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

async function loadAssignmentView(tx: Tx, id: number): Promise<LoadedView | undefined> {
  const row = await tx.assignment.findUnique({ where: { id }, include: ASSIGNMENT_VIEW_INCLUDE });
  return row ? toLoadedView(row) : undefined;
}

/** The agencies a person may act for, from the database (the source of truth, not a cached caller). */
async function agencyIdsOf(tx: Tx, personId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { personId, active: true, role: { in: AGENCY_ROLES }, agencyId: { not: null } },
    select: { agencyId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.agencyId!))];
}

export async function isAgencyMember(tx: Tx, personId: number, agencyId: number): Promise<boolean> {
  const found = await tx.membership.findFirst({ where: { personId, agencyId, active: true, role: { in: AGENCY_ROLES } }, select: { id: true } });
  return found !== null;
}

/** The people who hear from an agency: its active heads and liaisons, each once. */
export async function agencyContacts(tx: Tx, agencyId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({ where: { agencyId, active: true, role: { in: AGENCY_ROLES } }, select: { personId: true }, orderBy: { id: "asc" } });
  return [...new Set(memberships.map((m) => m.personId))];
}

export async function secretariatOf(tx: Tx, committeeId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({ where: { committeeId, role: "secretariat", active: true }, select: { personId: true }, orderBy: { id: "asc" } });
  return [...new Set(memberships.map((m) => m.personId))];
}

/** Another transaction changed the assignment between our read and our write: run again. */
class ConcurrentChange extends Error {}
const MAX_ATTEMPTS = 3;

interface Step {
  tx: Tx;
  now: Date;
  assignmentId: number;
  committeeId: number;
  from: AssignmentStatus;
  to: AssignmentStatus;
  changed: boolean;
}

interface StepWrite {
  /** Columns to set besides status and version. */
  set?: Prisma.AssignmentUpdateManyMutationInput;
  /** Extra facts for the audit row. */
  detail?: Record<string, unknown>;
  /** Runs after the update, with the new view (in the same transaction): notifications. (Not `then`: that would make it a thenable.) */
  afterwards?: (loaded: LoadedView) => Promise<void>;
}

/** What a step writes; null when a repeated action has nothing to add (pressing "seen" twice). */
type StepWriter = (step: Step) => Promise<StepWrite | null>;

export interface ProgressInput {
  assignmentId: number;
  /** Optional when files say it all (a document sent as a reply). */
  text?: string;
  percent?: number;
  files?: readonly IncomingFile[];
}

export interface DoneClaimInput {
  assignmentId: number;
  text?: string;
  files?: readonly IncomingFile[];
}

export interface BlockedInput {
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

  /** The assignment if the person may act on it (for showing it before a dialog starts). */
  async viewFor(actor: AgencyActor, assignmentId: number): Promise<LoadedView | undefined> {
    const loaded = await loadAssignmentView(this.db, assignmentId);
    if (!loaded || !(await isAgencyMember(this.db, actor.personId, loaded.view.agency.id))) return undefined;
    return loaded;
  }

  /**
   * Checks that `action` may start on the assignment (before a dialog asks its questions), so
   * that a refusal comes at the press, not after the user typed a report. The final write checks again.
   */
  async checkAction(actor: AgencyActor, assignmentId: number, action: AgencyAction): Promise<AgencyActionResult> {
    const loaded = await this.viewFor(actor, assignmentId);
    if (!loaded) return { ok: false, refusal: "unknown" };
    const result = transition(loaded.view.status, action, loaded.view.resolution.kind);
    return result.ok ? { ok: true, changed: result.changed, view: loaded.view } : { ok: false, refusal: result.refusal, view: loaded.view };
  }

  /** Open items of every agency the person acts for: grouped by agency, most urgent first. */
  async openFor(personId: number): Promise<LoadedView[]> {
    const agencyIds = await agencyIdsOf(this.db, personId);
    if (agencyIds.length === 0) return [];
    const loaded = await loadAssignmentViews(this.db, { agencyId: { in: agencyIds }, status: { notIn: ["done", "cancelled"] } });
    const agencyOrder = new Map(agencyIds.map((id, index) => [id, index]));
    const urgency = (l: LoadedView) => ({ deadline: l.view.deadline, meetingHeldOn: l.view.meeting.heldOn, resolutionNumber: l.view.resolution.number });
    return loaded.sort((a, b) => agencyOrder.get(a.view.agency.id)! - agencyOrder.get(b.view.agency.id)! || compareUrgency(urgency(a), urgency(b)));
  }

  /** Which assignment a message in this chat was about (the outbox remembers what it sent). */
  async assignmentOfMessage(platform: Platform, chatId: string, messageId: number): Promise<number | undefined> {
    const row = await this.db.outboxMessage.findFirst({
      where: { platform, chatId, messageId: String(messageId), topic: { startsWith: "assignment:" } },
      select: { topic: true },
    });
    const m = row?.topic ? ASSIGNMENT_TOPIC.exec(row.topic) : null;
    return m ? Number(m[1]) : undefined;
  }

  acknowledge(actor: AgencyActor, assignmentId: number): Promise<AgencyActionResult> {
    return this.#apply(actor, assignmentId, "ack", async (step) => {
      if (!step.changed) return null;
      await this.#recordUpdate(step, actor, "ack", {});
      return { set: { acknowledgedAt: step.now } };
    });
  }

  recordProgress(actor: AgencyActor, input: ProgressInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input.assignmentId, "progress", async (step) => {
      const updateId = await this.#recordUpdate(step, actor, "progress", { text: input.text, percent: input.percent, files: input.files });
      return {
        set: {
          lastProgressAt: step.now,
          // Reporting progress also says "we have seen it".
          ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}),
          ...(input.percent !== undefined ? { percent: input.percent } : {}),
          ...(step.from === "blocked" ? { blockedReason: null } : {}),
        },
        detail: { progressUpdateId: updateId, percent: input.percent ?? null, files: input.files?.length ?? 0 },
      };
    });
  }

  claimDone(actor: AgencyActor, input: DoneClaimInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input.assignmentId, "claim_done", async (step) => {
      if (!step.changed) return null;
      const updateId = await this.#recordUpdate(step, actor, "done_claim", { text: input.text, files: input.files });
      return {
        set: { reportedDoneAt: step.now, lastProgressAt: step.now, blockedReason: null, ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}) },
        detail: { progressUpdateId: updateId, files: input.files?.length ?? 0 },
        afterwards: (loaded) => this.#tellSecretariat(step, actor, loaded, { kind: "done_claim", text: input.text, files: input.files?.length ?? 0 }),
      };
    });
  }

  reportBlocked(actor: AgencyActor, input: BlockedInput): Promise<AgencyActionResult> {
    return this.#apply(actor, input.assignmentId, "block", async (step) => {
      const updateId = await this.#recordUpdate(step, actor, "blocked", { text: input.reason });
      return {
        set: { blockedReason: input.reason, ...(step.from === "assigned" ? { acknowledgedAt: step.now } : {}) },
        detail: { progressUpdateId: updateId, reason: input.reason },
        afterwards: (loaded) => this.#tellSecretariat(step, actor, loaded, { kind: "blocked", text: input.reason, files: 0 }),
      };
    });
  }

  async #apply(actor: AgencyActor, assignmentId: number, action: AgencyAction, write: StepWriter): Promise<AgencyActionResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction((tx) => this.#applyOnce(tx, actor, assignmentId, action, write));
      } catch (error) {
        if (!(error instanceof ConcurrentChange) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.debug({ assignmentId, action, attempt }, "assignment changed meanwhile; applying again");
      }
    }
  }

  async #applyOnce(tx: Tx, actor: AgencyActor, assignmentId: number, action: AgencyAction, write: StepWriter): Promise<AgencyActionResult> {
    const row = await tx.assignment.findUnique({
      where: { id: assignmentId },
      select: { id: true, agencyId: true, status: true, version: true, resolution: { select: { kind: true, meeting: { select: { committeeId: true } } } } },
    });
    if (!row || !(await isAgencyMember(tx, actor.personId, row.agencyId))) return { ok: false, refusal: "unknown" };
    const from = row.status as AssignmentStatus;
    const result = transition(from, action, row.resolution.kind as ResolutionKind);
    if (!result.ok) return { ok: false, refusal: result.refusal, ...(await this.#viewOf(tx, assignmentId)) };
    const now = this.clock.now();
    const step: Step = { tx, now, assignmentId, committeeId: row.resolution.meeting.committeeId, from, to: result.next, changed: result.changed };
    const written = await write(step);
    if (written) {
      const { count } = await tx.assignment.updateMany({
        where: { id: assignmentId, version: row.version },
        data: { ...written.set, status: result.next, version: { increment: 1 } },
      });
      if (count !== 1) throw new ConcurrentChange();
      await audit(tx, { kind: "person", personId: actor.personId, platform: actor.platform }, `assignment.${action}`, "Assignment", assignmentId, { from, to: result.next, ...written.detail }, now);
    }
    const loaded = await loadAssignmentView(tx, assignmentId);
    if (written?.afterwards && loaded) await written.afterwards(loaded);
    return { ok: true, changed: result.changed, view: loaded!.view };
  }

  async #viewOf(tx: Tx, assignmentId: number): Promise<{ view?: AssignmentView }> {
    const loaded = await loadAssignmentView(tx, assignmentId);
    return loaded ? { view: loaded.view } : {};
  }

  async #recordUpdate(step: Step, actor: AgencyActor, kind: string, content: { text?: string | undefined; percent?: number | undefined; files?: readonly IncomingFile[] | undefined }): Promise<number> {
    const update = await step.tx.progressUpdate.create({
      data: {
        assignmentId: step.assignmentId,
        personId: actor.personId,
        platform: actor.platform,
        kind,
        text: content.text ?? null,
        percent: content.percent ?? null,
        createdAt: step.now,
        attachments: { create: attachmentRows(content.files ?? [], actor.platform, this.maxAttachmentBytes) },
      },
      select: { id: true },
    });
    return update.id;
  }

  async #tellSecretariat(step: Step, actor: AgencyActor, loaded: LoadedView, report: { kind: "done_claim" | "blocked"; text: string | undefined; files: number }): Promise<void> {
    const person = await step.tx.person.findUnique({ where: { id: actor.personId }, select: { name: true } });
    const render = (t: Translate) => renderAgencyReportNotice({ ...report, view: loaded.view, by: person?.name ?? "" }, t);
    const queued = await this.notifier.toPeople(step.tx, await secretariatOf(step.tx, step.committeeId), render, { topic: assignmentTopic(step.assignmentId), notBefore: step.now });
    if (queued === 0) this.logger.warn({ assignmentId: step.assignmentId, kind: report.kind }, "no reachable secretariat member to tell");
  }
}
