/**
 * Publishing a meeting: every resolution becomes one Assignment per agency named on it (its lead
 * and co-operating agencies, or every agency of the committee for `lead: all`), and each
 * agency's heads and liaisons are sent the assignment message through the outbox.
 *
 * Idempotent: an assignment that exists is kept as it is (its status, its deadline extensions),
 * and every message has a dedupe key, so publishing again sends only what was never queued —
 * e.g. to a liaison who joined after the first publication.
 *
 * Published in chunks, a transaction each (CHUNK), the meeting marked published only after the
 * last: a publication cut short by a crash is completed by publishing again (the secretariat's
 * draft stays at its «publishing» step until then), with nothing created or sent twice.
 *
 * Messages wait for the committee's next working window: nothing is sent outside office hours.
 */
import type { Logger } from "pino";
import type { Db, Tx } from "../db/client.js";
import { normaliseDigits, toPersianDigits } from "../domain/text/index.js";
import type { Translate } from "../i18n/index.js";
import type { Clock } from "../shared/clock.js";
import { inSlices } from "../db/in-slices.js";
import { insertAssignments, type NewAssignment } from "../db/sql/insert-assignments.js";
import { insertAuditRows } from "../db/sql/insert-audit.js";
import { cardKey, contactsOfAgencies, loadAssignmentViewsByIds } from "./assignments/index.js";
import { audit, auditRow, type Actor } from "./audit.js";
import { workCalendarOf } from "./calendars.js";
import type { Notifier } from "./notifications.js";
import { planAssignments } from "./escalation/plan.js";
import { renderAssignment } from "./render/assignment.js";
import { outboxTopic } from "../domain/outbox-topic.js";
import { TimeSlice } from "../shared/time-slice.js";

export interface PublishRequest {
  meetingNumber: string;
  /** Needed only when two committees have a meeting with this number. */
  committeeCode?: string;
  actor: Actor;
  /**
   * Called after each chunk of assignments is committed (see CHUNK), with how many of how many are
   * done; publishing goes on when it resolves.
   */
  onProgress?: (progress: { done: number; of: number }) => void | Promise<void>;
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

/**
 * Assignments published per transaction: their creation, ladders and messages together (one view
 * query, one identity query and a few inserts). Small enough that SQLite's one writer is held a
 * moment at a time: between chunks the intake and the outbox's sends get their turns (each of a
 * send's statements waits for the open transaction), so delivery starts while publishing goes on.
 */
const CHUNK = 100;
/** Between two chunks (each some 100 ms on a quiet 2-core machine): 100 chunks cost 2 s more. */
const PAUSE_MS = 20;

/** What publishing reads about the meeting. */
type MeetingToPublish = Awaited<ReturnType<PublishingService["findMeeting"]>>;

/** Which agencies a resolution assigns, and as what. */
interface Party {
  agencyId: number;
  role: "lead" | "co";
}

/** An assignment to publish: one that exists, or a party's to create. */
type WorkItem = { id: number } | NewAssignment;

const partyKey = (a: { resolutionId: number; agencyId: number }) => `${a.resolutionId}:${a.agencyId}`;

export class PublishingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  async publish(request: PublishRequest): Promise<PublishReport> {
    const meeting = await this.findMeeting(request);
    const now = this.clock.now();
    const sendFrom = workCalendarOf(meeting.committee.calendar).nextWorkingInstant(now);
    const work = await this.#workOf(meeting);
    const assignments: PublishedAssignment[] = [];
    let created = 0;
    // A transaction per chunk: memory stays flat and SQLite's one writer is not held for the whole
    // publication (the intake waits on it). A crash between chunks leaves the committed ones
    // complete (assignments, ladders and messages together) and the meeting unpublished; publishing
    // again creates only the missing assignments and queues only the messages never queued (dedupe keys).
    for (let done = 0; done < work.length;) {
      const chunk = work.slice(done, done + CHUNK);
      const published = await this.db.$transaction(
        async (tx) => {
          // The chunk's steps give the event loop its turns (the sends go on meanwhile); their writes wait for the chunk.
          const slice = new TimeSlice();
          const fresh = await this.#createAssignments(tx, chunk, now, request.actor);
          await slice.yield();
          // Each new assignment's escalation ladder starts now (existing ones keep theirs).
          await planAssignments(tx, [...fresh.values()], now);
          await slice.yield();
          const ids = chunk.map((item) => ("id" in item ? item.id : fresh.get(partyKey(item))!));
          const created = new Set(fresh.values());
          return (await this.#queuePage(tx, ids, now, sendFrom, slice)).map((a) => ({ ...a, created: created.has(a.id) }));
        },
        // A chunk renders a few thousand messages; SQLite serialises writers anyway.
        { timeout: 60_000, maxWait: 30_000 },
      );
      for (const a of published) assignments.push(a);
      created += published.filter((a) => a.created).length;
      done += chunk.length;
      await request.onProgress?.({ done, of: work.length });
      // A moment without the writer: the statements that waited for this chunk run, and those they
      // lead to (a send's claim, then its "sent") too, so delivery keeps up while publishing goes on.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const messagesQueued = assignments.reduce((sum, a) => sum + a.queued, 0);
    // Published only now, once every chunk is in: until then the meeting shows as not published.
    const firstPublication = await this.db.$transaction(async (tx) => {
      const marked = await tx.meeting.updateMany({ where: { id: meeting.id, publishedAt: null }, data: { publishedAt: now } });
      const first = marked.count > 0;
      await audit(
        tx,
        request.actor,
        first ? "meeting.published" : "meeting.republished",
        "Meeting",
        meeting.id,
        { assignmentsCreated: created, messagesQueued },
        now,
      );
      return first;
    });
    assignments.sort((a, b) => a.resolutionNumber - b.resolutionNumber || (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
    const report: PublishReport = {
      committee: { code: meeting.committee.code, name: meeting.committee.name },
      meeting: { number: meeting.number, heldOn: meeting.heldOn },
      firstPublication,
      sendFrom,
      assignments,
    };
    this.logger.info(
      {
        event: report.firstPublication ? "published" : "republished",
        meetingId: meeting.id,
        meeting: meeting.number,
        committee: meeting.committee.code,
        assignmentsCreated: created,
        messagesQueued,
      },
      `meeting ${meeting.number} ${report.firstPublication ? "published" : "published again"}`,
    );
    return report;
  }

  private async findMeeting(request: PublishRequest) {
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

  /**
   * What publishing goes through, in order: every (resolution, agency) the meeting assigns — its
   * assignment when one exists, else the party to create it for — then any existing assignment no
   * party names any more (its messages are still queued if they never were).
   */
  async #workOf(meeting: MeetingToPublish): Promise<WorkItem[]> {
    const existing = await this.db.assignment.findMany({
      where: { resolution: { meetingId: meeting.id } },
      select: { id: true, resolutionId: true, agencyId: true },
      orderBy: { id: "asc" },
    });
    const byKey = new Map(existing.map((a) => [partyKey(a), a.id]));
    const named = new Set<number>();
    const work: WorkItem[] = meeting.resolutions.flatMap((resolution) => {
      const parties: Party[] = resolution.leadAll
        ? meeting.committee.agencies.map((a) => ({ agencyId: a.agencyId, role: "lead" }))
        : resolution.parties.map((p) => ({ agencyId: p.agencyId, role: p.role as Party["role"] }));
      return parties.map((party): WorkItem => {
        const id = byKey.get(partyKey({ resolutionId: resolution.id, agencyId: party.agencyId }));
        if (id === undefined) return { resolutionId: resolution.id, deadline: resolution.deadline, ...party };
        named.add(id);
        return { id };
      });
    });
    for (const a of existing) if (!named.has(a.id)) work.push({ id: a.id });
    return work;
  }

  /** Creates the chunk's missing assignments (a few statements, whatever their number); returns their ids by party. */
  async #createAssignments(tx: Tx, chunk: readonly WorkItem[], now: Date, actor: Actor): Promise<Map<string, number>> {
    const missing = chunk.filter((item): item is NewAssignment => !("id" in item));
    if (missing.length === 0) return new Map();
    const fresh = await insertAssignments(tx, missing, now);
    await insertAuditRows(
      tx,
      fresh.map((a) =>
        auditRow(
          actor,
          "assignment.created",
          "Assignment",
          a.id,
          { resolutionId: a.resolutionId, agencyId: a.agencyId, role: a.role },
          now,
        ),
      ),
    );
    return new Map(fresh.map((a) => [partyKey(a), a.id]));
  }

  /** Queues the messages of these assignments (those never queued) with one identity query and one insert. */
  async #queuePage(tx: Tx, ids: number[], now: Date, sendFrom: Date, turns: TimeSlice): Promise<Omit<PublishedAssignment, "created">[]> {
    const loaded = await loadAssignmentViewsByIds(tx, ids);
    const contacts = await contactsOfAgencies(
      tx,
      loaded.map((l) => l.view.agency.id),
    );
    const entries = loaded.flatMap(({ view, calendar }) => {
      const render = (t: Translate) => renderAssignment(view, t, now, calendar);
      return (contacts.get(view.agency.id) ?? []).map((personId) => ({
        view,
        personId,
        render,
        options: { topic: outboxTopic.assignment(view.id), dedupeKey: cardKey(view.id), notBefore: sendFrom },
      }));
    });
    const counts = await this.notifier.queueMany(tx, entries, undefined, turns);
    // Those who got nothing now: already queued, or not reachable yet (named in the report).
    const none = [...new Set(entries.filter((_, i) => counts[i] === 0).map((e) => e.personId))];
    const reachable = new Set(
      (
        await inSlices(none, (personIds) =>
          tx.chatIdentity.findMany({ where: { personId: { in: personIds }, reachable: true }, select: { personId: true } }),
        )
      ).map((i) => i.personId),
    );
    const names = new Map(
      (
        await inSlices(
          none.filter((p) => !reachable.has(p)),
          (personIds) => tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
        )
      ).map((p) => [p.id, p.name]),
    );
    const queued = new Map<number, number>();
    const unreachable = new Map<number, string[]>();
    entries.forEach((entry, i) => {
      queued.set(entry.view.id, (queued.get(entry.view.id) ?? 0) + counts[i]!);
      if (counts[i] === 0 && !reachable.has(entry.personId))
        unreachable.set(entry.view.id, [...(unreachable.get(entry.view.id) ?? []), names.get(entry.personId) ?? `#${entry.personId}`]);
    });
    return loaded.map(({ view }) => {
      const id = view.id;
      return {
        id,
        resolutionNumber: view.resolution.number,
        agency: view.agency.name,
        role: view.role,
        queued: queued.get(id) ?? 0,
        unreachable: unreachable.get(id) ?? [],
      };
    });
  }
}
