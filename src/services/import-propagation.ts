/**
 * What a re-import changes for resolutions already published: their assignments follow, as they
 * would after the secretariat's own change. A new deadline moves every open assignment that had
 * the resolution's deadline (one extended for an agency alone keeps its own), with its history in
 * DeadlineChange (reason "import"); an agency added is assigned and sent the item; an agency
 * removed has its assignment cancelled; each affected agency is told once, in one message per
 * item that says what changed, and the schedules are planned again. Runs inside the import's
 * transaction: all of it happens, or none.
 */
import type { Tx } from "../db/client.js";
import { isOpen, type AssignmentStatus } from "../domain/assignments/status.js";
import type { Translate } from "../i18n/index.js";
import { agencyContacts, cardKey, loadAssignmentViews, refreshCards } from "./assignments/index.js";
import { audit, type Actor } from "./audit.js";
import { planAssignments } from "./escalation/plan.js";
import type { Notifier } from "./notifications.js";
import { renderAssignment } from "./render/assignment.js";
import { renderAssignmentChange, type AssignmentChange } from "./render/assignment-change.js";
import { outboxTopic } from "../domain/outbox-topic.js";

/** What the import changed on one resolution's own fields. */
export interface ResolutionFieldChange {
  text?: { from: string; to: string };
  deadline?: { from: Date | null; to: Date | null };
}

/** One published resolution the import changed, for the import's summary. */
export interface PublishedResolutionChange {
  meeting: string;
  resolution: number;
  deadline?: { from: Date | null; to: Date | null };
  textChanged: boolean;
  agenciesAdded: string[];
  agenciesRemoved: string[];
  assignmentsUpdated: number;
  messagesQueued: number;
}

interface PropagationInput {
  committeeId: number;
  /** Resolutions whose text or deadline the import changed, by id. */
  fieldChanges: ReadonlyMap<number, ResolutionFieldChange>;
  at: Date;
  actor: Actor;
}

export async function propagateToPublished(tx: Tx, notifier: Notifier, input: PropagationInput): Promise<PublishedResolutionChange[]> {
  const { at, actor } = input;
  const committeeAgencies = await tx.committeeAgency.findMany({ where: { committeeId: input.committeeId }, select: { agencyId: true } });
  const resolutions = await tx.resolution.findMany({
    where: { meeting: { committeeId: input.committeeId, publishedAt: { not: null } } },
    include: {
      meeting: { select: { number: true } },
      parties: true,
      assignments: { select: { id: true, agencyId: true, role: true, status: true, deadline: true, agency: { select: { name: true } } } },
    },
    orderBy: [{ meetingId: "asc" }, { number: "asc" }],
  });
  const results: PublishedResolutionChange[] = [];
  for (const resolution of resolutions) {
    const fields = input.fieldChanges.get(resolution.id) ?? {};
    const wanted = new Map<number, "lead" | "co">(
      resolution.leadAll
        ? committeeAgencies.map((a) => [a.agencyId, "lead"])
        : resolution.parties.map((p) => [p.agencyId, p.role as "lead" | "co"]),
    );
    const changes = new Map<number, AssignmentChange>();
    const result: PublishedResolutionChange = {
      meeting: resolution.meeting.number,
      resolution: resolution.number,
      ...(fields.deadline ? { deadline: fields.deadline } : {}),
      textChanged: fields.text !== undefined,
      agenciesAdded: [],
      agenciesRemoved: [],
      assignmentsUpdated: 0,
      messagesQueued: 0,
    };
    const cancelled: number[] = [];

    for (const a of resolution.assignments) {
      if (!isOpen(a.status as AssignmentStatus)) continue;
      const role = wanted.get(a.agencyId);
      if (role === undefined) {
        await tx.assignment.update({ where: { id: a.id }, data: { status: "cancelled", cancelledAt: at, version: { increment: 1 } } });
        await audit(tx, actor, "assignment.cancelled", "Assignment", a.id, { reason: "import", removedFromResolution: true }, at);
        result.agenciesRemoved.push(a.agency.name);
        cancelled.push(a.id);
        continue;
      }
      const change: AssignmentChange = { textChanged: fields.text !== undefined };
      const data: { role?: string; deadline?: Date | null } = {};
      if (role !== a.role) {
        data.role = role;
        change.role = role;
      }
      // An agency whose deadline was extended for it alone keeps its own.
      if (fields.deadline && sameInstant(a.deadline, fields.deadline.from)) {
        data.deadline = fields.deadline.to;
        change.deadline = { from: a.deadline, to: fields.deadline.to };
        await tx.deadlineChange.create({
          data: { resolutionId: resolution.id, assignmentId: a.id, previous: a.deadline, next: fields.deadline.to, reason: "import", at },
        });
      }
      if (Object.keys(data).length > 0) {
        await tx.assignment.update({ where: { id: a.id }, data: { ...data, version: { increment: 1 } } });
        await audit(tx, actor, "assignment.updated", "Assignment", a.id, { reason: "import", ...data }, at);
      }
      if (change.textChanged || change.role || change.deadline) changes.set(a.id, change);
    }
    if (fields.deadline) {
      await tx.deadlineChange.create({
        data: { resolutionId: resolution.id, previous: fields.deadline.from, next: fields.deadline.to, reason: "import", at },
      });
    }

    const existing = new Set(resolution.assignments.map((a) => a.agencyId));
    const added: number[] = [];
    for (const [agencyId, role] of wanted) {
      if (existing.has(agencyId)) continue;
      const created = await tx.assignment.create({
        data: {
          resolutionId: resolution.id,
          agencyId,
          role,
          status: "assigned",
          deadline: resolution.deadline,
          publishedAt: at,
          createdAt: at,
        },
        select: { id: true, agency: { select: { name: true } } },
      });
      await audit(
        tx,
        actor,
        "assignment.created",
        "Assignment",
        created.id,
        { resolutionId: resolution.id, agencyId, role, reason: "import" },
        at,
      );
      result.agenciesAdded.push(created.agency.name);
      added.push(created.id);
    }

    const touched = [...changes.keys(), ...added, ...cancelled];
    if (touched.length === 0) continue;
    for (const { view, calendar } of await loadAssignmentViews(tx, { id: { in: touched } })) {
      const change = changes.get(view.id);
      const isNew = added.includes(view.id);
      const render = isNew
        ? (t: Translate) => renderAssignment(view, t, at, calendar)
        : (t: Translate) => renderAssignmentChange(view, change ?? { textChanged: false, cancelled: true }, t, at, calendar);
      result.messagesQueued += await notifier.toPeople(tx, await agencyContacts(tx, view.agency.id), render, {
        topic: outboxTopic.assignment(view.id),
        // A new assignment's card is the one publishing would send; a change is told once per import.
        dedupeKey: isNew ? cardKey(view.id) : `import:${at.getTime()}:${outboxTopic.assignment(view.id)}`,
        notBefore: calendar.nextWorkingInstant(at),
      });
    }
    result.assignmentsUpdated = touched.length;
    // Cancelled ones too: their ladder stops.
    await planAssignments(tx, touched, at);
    // The cards already out show the change too (partners' cards as well: their partner list moved).
    refreshCards(
      tx,
      notifier,
      resolution.assignments.map((a) => a.id),
      at,
    );
    results.push(result);
  }
  return results;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
