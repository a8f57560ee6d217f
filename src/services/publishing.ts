/**
 * Publishing a meeting: every resolution becomes one Assignment per agency named on it (its lead
 * and co-operating agencies, or every agency of the committee for `lead: all`), and each
 * agency's heads and liaisons are sent the assignment message through the outbox.
 *
 * Idempotent: an assignment that exists is kept as it is (its status, its deadline extensions),
 * and every message has a dedupe key, so publishing again sends only what was never queued —
 * e.g. to a liaison who joined after the first publication.
 *
 * Messages wait for the committee's next working window: nothing is sent outside office hours.
 */
import type { Logger } from "pino";
import type { Db, Tx } from "../db/client.js";
import { normaliseDigits, toPersianDigits } from "../domain/text/index.js";
import type { Translate } from "../i18n/index.js";
import type { Clock } from "../shared/clock.js";
import { agencyContacts, cardKey, loadAssignmentViews } from "./assignments/index.js";
import { audit, type Actor } from "./audit.js";
import { workCalendarOf } from "./calendars.js";
import type { Notifier } from "./notifications.js";
import { planAssignments } from "./escalation/plan.js";
import { renderAssignment } from "./render/assignment.js";
import { outboxTopic } from "../domain/outbox-topic.js";

export interface PublishRequest {
  meetingNumber: string;
  /** Needed only when two committees have a meeting with this number. */
  committeeCode?: string;
  actor: Actor;
}

export interface PublishedAssignment {
  id: number;
  resolutionNumber: number;
  agency: string;
  role: "lead" | "co";
  /** False when an earlier publication created it. */
  created: boolean;
  /** Messages queued now (0 when all were queued before). */
  queued: number;
  /** Contacts without a reachable chat yet: they get the message when publishing runs again after they join. */
  unreachable: string[];
}

export interface PublishReport {
  committee: { code: string; name: string };
  meeting: { number: string; heldOn: Date };
  firstPublication: boolean;
  /** When the queued messages may leave (the next working window). */
  sendFrom: Date;
  assignments: PublishedAssignment[];
}

export class PublishError extends Error {
  override name = "PublishError";
}

/** Which agencies a resolution assigns, and as what. */
interface Party {
  agencyId: number;
  role: "lead" | "co";
}

export class PublishingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  async publish(request: PublishRequest): Promise<PublishReport> {
    const meeting = await this.#findMeeting(request);
    const now = this.clock.now();
    const sendFrom = workCalendarOf(meeting.committee.calendar).nextWorkingInstant(now);
    const report = await this.db.$transaction(
      async (tx) => {
        const created = new Set<number>();
        for (const resolution of meeting.resolutions) {
          const parties: Party[] = resolution.leadAll
            ? meeting.committee.agencies.map((a) => ({ agencyId: a.agencyId, role: "lead" }))
            : resolution.parties.map((p) => ({ agencyId: p.agencyId, role: p.role as Party["role"] }));
          for (const party of parties) {
            const id = await this.#ensureAssignment(tx, { id: resolution.id, deadline: resolution.deadline }, party, now, request.actor);
            if (id !== undefined) created.add(id);
          }
        }
        // Each new assignment's escalation ladder starts now (existing ones keep theirs).
        await planAssignments(tx, [...created], now);
        const loaded = await loadAssignmentViews(tx, { resolution: { meetingId: meeting.id } });
        const assignments: PublishedAssignment[] = [];
        for (const { view, calendar } of loaded) {
          const render = (t: Translate) => renderAssignment(view, t, now, calendar);
          let queued = 0;
          const unreachable: string[] = [];
          for (const personId of await agencyContacts(tx, view.agency.id)) {
            const count = await this.notifier.toPerson(tx, personId, render, {
              topic: outboxTopic.assignment(view.id),
              dedupeKey: cardKey(view.id),
              notBefore: sendFrom,
            });
            queued += count;
            if (count === 0 && !(await this.#reachable(tx, personId))) unreachable.push(await this.#nameOf(tx, personId));
          }
          assignments.push({
            id: view.id,
            resolutionNumber: view.resolution.number,
            agency: view.agency.name,
            role: view.role,
            created: created.has(view.id),
            queued,
            unreachable,
          });
        }
        const firstPublication = meeting.publishedAt === null;
        if (firstPublication) await tx.meeting.update({ where: { id: meeting.id }, data: { publishedAt: now } });
        await audit(
          tx,
          request.actor,
          firstPublication ? "meeting.published" : "meeting.republished",
          "Meeting",
          meeting.id,
          {
            assignmentsCreated: created.size,
            messagesQueued: assignments.reduce((sum, a) => sum + a.queued, 0),
          },
          now,
        );
        assignments.sort((a, b) => a.resolutionNumber - b.resolutionNumber || (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
        return {
          committee: { code: meeting.committee.code, name: meeting.committee.name },
          meeting: { number: meeting.number, heldOn: meeting.heldOn },
          firstPublication,
          sendFrom,
          assignments,
        };
      },
      // A large meeting renders many messages; SQLite serialises writers anyway.
      { timeout: 60_000, maxWait: 30_000 },
    );
    this.logger.info(
      {
        event: report.firstPublication ? "published" : "republished",
        meetingId: meeting.id,
        meeting: meeting.number,
        committee: meeting.committee.code,
        assignmentIds: report.assignments.filter((a) => a.created).map((a) => a.id),
        messagesQueued: report.assignments.reduce((sum, a) => sum + a.queued, 0),
      },
      `meeting ${meeting.number} ${report.firstPublication ? "published" : "published again"}`,
    );
    return report;
  }

  async #findMeeting(request: PublishRequest) {
    // The number as printed, in whichever digits it was typed (Persian, Arabic-Indic or Latin) and stored.
    const typed = request.meetingNumber.trim();
    const spellings = [...new Set([typed, normaliseDigits(typed), toPersianDigits(typed)])];
    const meetings = await this.db.meeting.findMany({
      where: { number: { in: spellings }, ...(request.committeeCode ? { committee: { code: request.committeeCode } } : {}) },
      include: {
        committee: { include: { agencies: { select: { agencyId: true }, orderBy: { agencyId: "asc" } } } },
        resolutions: { include: { parties: { orderBy: [{ role: "desc" }, { agencyId: "asc" }] } }, orderBy: { number: "asc" } },
      },
    });
    if (meetings.length === 0) {
      throw new PublishError(
        `no meeting numbered "${request.meetingNumber}"${request.committeeCode ? ` in committee "${request.committeeCode}"` : ""}; check the number (peygir import prints it)`,
      );
    }
    if (meetings.length > 1) {
      throw new PublishError(
        `meeting "${request.meetingNumber}" exists in several committees (${meetings.map((m) => m.committee.code).join(", ")}); add --committee CODE`,
      );
    }
    const meeting = meetings[0]!;
    if (meeting.resolutions.length === 0) throw new PublishError(`meeting "${meeting.number}" has no resolutions to publish`);
    return meeting;
  }

  /** Creates the assignment unless an earlier publication did; returns its id when it was created now. */
  async #ensureAssignment(
    tx: Tx,
    resolution: { id: number; deadline: Date | null },
    party: Party,
    now: Date,
    actor: Actor,
  ): Promise<number | undefined> {
    const existing = await tx.assignment.findUnique({
      where: { resolutionId_agencyId: { resolutionId: resolution.id, agencyId: party.agencyId } },
      select: { id: true },
    });
    if (existing) return undefined;
    const assignment = await tx.assignment.create({
      data: {
        resolutionId: resolution.id,
        agencyId: party.agencyId,
        role: party.role,
        status: "assigned",
        deadline: resolution.deadline,
        publishedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(
      tx,
      actor,
      "assignment.created",
      "Assignment",
      assignment.id,
      { resolutionId: resolution.id, agencyId: party.agencyId, role: party.role },
      now,
    );
    return assignment.id;
  }

  async #reachable(tx: Tx, personId: number): Promise<boolean> {
    return (await tx.chatIdentity.count({ where: { personId, reachable: true } })) > 0;
  }

  async #nameOf(tx: Tx, personId: number): Promise<string> {
    return (await tx.person.findUnique({ where: { id: personId }, select: { name: true } }))?.name ?? `#${personId}`;
  }
}
