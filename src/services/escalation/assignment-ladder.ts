/**
 * The assignments' escalation ladder as a due-work source: each pass claims the assignments whose
 * next rung is due, asks the pure ladder (domain/escalation) what to do, and writes — in ONE
 * transaction per batch — the outbox messages, the EscalationEvent rows and each row's new cursor
 * and next rung. A row is only acted on if it is still as the pass read it (see advanceLadder), so a
 * crash, a lease that ran out or a second process never makes anything happen twice.
 *
 * Within a batch, everything for one person is bundled: their reminders in one message, their
 * governorate digest in one (split under the platforms' limit).
 */
import type { Platform } from "../../config/index.js";
import type { Db, Tx } from "../../db/client.js";
import { inSlices } from "../../db/in-slices.js";
import { advanceLadder } from "../../db/sql/advance-ladder.js";
import { claimDueAssignments } from "../../db/sql/claim-due-assignments.js";
import { dueAssignmentIds } from "../../db/sql/due-assignment-ids.js";
import { insertEscalationEvents, type EscalationEventRow } from "../../db/sql/insert-escalation-events.js";
import { ladderRows, type LadderRow } from "../../db/sql/ladder-rows.js";
import { resolutionAnswers } from "../../db/sql/resolution-answers.js";
import { deadlineStanding } from "../../domain/assignments/deadline.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import {
  decideAssignment,
  escalationPolicyOf,
  rungsBetween,
  unacknowledgedSteps,
  type Decision,
  type Rung,
} from "../../domain/escalation/index.js";
import { loadAssignmentViewsByIds, type LoadedView } from "../assignments/index.js";
import { workCalendarOf } from "../calendars.js";
import {
  DryRunRollback,
  type DueWorkSource,
  type PassContext,
  type QueuedNotice,
  type SourcePassResult,
  type UpcomingEntry,
  runClaimedBatches,
} from "../due-work.js";
import type { Notifier } from "../notifications.js";
import type { DigestEntry } from "../render/digest.js";
import type { ReminderItem } from "../render/reminders.js";
import { Directory, unreachableCause, type Contact } from "./directory.js";
import { ladderItemOf } from "./plan.js";
import { BundleBook } from "./bundles.js";

interface Planned {
  row: LadderRow;
  readCursor: Date;
  decision: Decision;
  calendar: WorkCalendar;
}

export class AssignmentLadderSource implements DueWorkSource {
  readonly name = "assignment-ladder";

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly platforms: readonly Platform[],
    private readonly batchSize = 1_000,
  ) {}

  async releaseStaleClaims(owner?: string): Promise<void> {
    await this.db.assignment.updateMany({
      where: { escalationLeasedBy: owner ?? { not: null } },
      data: { escalationLeasedBy: null, escalationLeaseUntil: null },
    });
  }

  /** Sends the pass's held digests, one per recipient (whichever source finishes first does it for all). */
  async finishPass(pass: PassContext): Promise<QueuedNotice[]> {
    return pass.digests ? pass.digests.flush(this.db, this.notifier, pass.now, pass.provider) : [];
  }

  async runPass(pass: PassContext): Promise<SourcePassResult> {
    return runClaimedBatches(
      pass,
      {
        dryRun: () => dueAssignmentIds(this.db, pass.now, 100_000),
        claim: () =>
          claimDueAssignments(this.db, pass.provider, {
            now: pass.now,
            owner: pass.instanceId,
            leaseUntil: pass.leaseUntil,
            limit: this.batchSize,
          }),
      },
      (ids) => this.#runBatch(ids, pass),
    );
  }

  async upcoming(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]> {
    const rows = await ladderRows(this.db, { open: true, ...(committeeCode ? { committeeCode } : {}) });
    const due = rows.flatMap((row) => {
      const calendar = workCalendarOf(row.calendar);
      const start = new Date(Math.max(from.getTime(), (row.escalationCursor ?? row.publishedAt).getTime()));
      return rungsBetween(ladderItemOf(row), escalationPolicyOf(row.escalationPolicy), calendar, start, until).map((rung) => ({
        row,
        rung,
      }));
    });
    if (due.length === 0) return [];
    const views = new Map(
      (await inSlices([...new Set(due.map((d) => d.row.id))], (ids) => loadAssignmentViewsByIds(this.db, ids))).map((l) => [l.view.id, l]),
    );
    const directory = await Directory.load(
      this.db,
      due.map((d) => d.row.agencyId),
      due.map((d) => d.row.committeeId),
      this.platforms,
    );
    return due.map(({ row, rung }) => {
      const view = views.get(row.id)!.view;
      return {
        at: rung.at,
        committee: row.committeeCode,
        recipients: [...new Set(rung.to.flatMap((to) => recipientsOf(directory, row, to).map((c) => c.name)))],
        what: `${rung.step}: resolution ${view.resolution.number} of meeting ${view.meeting.number} — ${view.agency.name}`,
      };
    });
  }

  async #runBatch(ids: number[], pass: PassContext): Promise<{ acted: number; queued: QueuedNotice[] }> {
    const { now } = pass;
    const planned: Planned[] = (await ladderRows(this.db, { ids })).map((row) => {
      const calendar = workCalendarOf(row.calendar);
      const readCursor = row.escalationCursor ?? row.publishedAt;
      const decision = decideAssignment(ladderItemOf(row), escalationPolicyOf(row.escalationPolicy), calendar, readCursor, now);
      return { row, readCursor, decision, calendar };
    });
    const firing = planned.filter((p) => p.decision.fire.length > 0);
    const views = new Map<number, LoadedView>(
      firing.length === 0
        ? []
        : (
            await loadAssignmentViewsByIds(
              this.db,
              firing.map((p) => p.row.id),
            )
          ).map((l) => [l.view.id, l]),
    );
    const answers = await resolutionAnswers(
      this.db,
      firing.map((p) => p.row.resolutionId),
    );
    const directory = await Directory.load(
      this.db,
      firing.map((p) => p.row.agencyId),
      firing.map((p) => p.row.committeeId),
      this.platforms,
    );
    const liaisonReminders = await this.#liaisonReminders(
      firing.filter((p) => p.decision.fire.some((r) => r.track === "unacknowledged" && r.to.includes("head"))).map((p) => p.row),
    );

    const run = async (tx: Tx) => {
      const book = new BundleBook();
      const events: EscalationEventRow[] = [];
      let acted = 0;
      const advanced = await advanceLadder(
        tx,
        pass.provider,
        planned.map((p) => ({
          id: p.row.id,
          readVersion: p.row.version,
          readCursor: p.readCursor,
          cursor: p.decision.cursor,
          nextAt: p.decision.nextAt,
          nextStep: p.decision.nextStep,
        })),
      );
      for (const p of planned) {
        const { row, decision } = p;
        if (!advanced.has(row.id) || (decision.fire.length === 0 && decision.skip.length === 0)) continue;
        acted++;
        const event = (rung: Rung, recipients: EscalationEventRow["recipients"]): EscalationEventRow => ({
          assignmentId: row.id,
          step: rung.step,
          seq: rung.seq,
          dueAt: rung.at,
          firedAt: now,
          outcome: recipients ? "sent" : "skipped",
          recipients,
        });
        for (const rung of decision.skip) events.push(event(rung, null));
        const loaded = views.get(row.id);
        for (const rung of decision.fire) {
          const told = loaded ? this.#fire(book, directory, row, rung, loaded, p.calendar, now, answers, liaisonReminders) : [];
          events.push(
            event(
              rung,
              told.map((c) => ({ personId: c.personId, name: c.name, role: c.role })),
            ),
          );
        }
      }
      await insertEscalationEvents(tx, pass.provider, events);
      const queued = await book.queue(tx, this.notifier, now, pass.provider, pass.digests);
      if (pass.dryRun) throw new DryRunRollback(JSON.stringify({ acted, queued }));
      return { acted, queued };
    };
    try {
      return await this.db.$transaction(run, { timeout: 120_000, maxWait: 60_000 });
    } catch (error) {
      if (error instanceof DryRunRollback) return JSON.parse(error.message) as { acted: number; queued: QueuedNotice[] };
      throw error;
    }
  }

  /** Adds what one rung says to the bundles; returns who it reached (by role). */
  #fire(
    book: BundleBook,
    directory: Directory,
    row: LadderRow,
    rung: Rung,
    loaded: LoadedView,
    calendar: WorkCalendar,
    now: Date,
    answers: Map<number, { answered: number; total: number }>,
    liaisonReminders: Map<number, { names: string[]; at: Date }>,
  ): Contact[] {
    const told: Contact[] = [];
    const { view } = loaded;
    for (const to of rung.to) {
      const contacts = recipientsOf(directory, row, to);
      if (to === "liaison" || to === "head") {
        const cause = unreachableCause(contacts);
        if (cause)
          book.unreachable(row.committeeId, view.committee.name, view.agency, cause, directory.committee(row.committeeId, "secretariat"));
        for (const contact of contacts) {
          const item: ReminderItem = {
            view,
            calendar,
            track: rung.track,
            daysSincePublished: calendar.workingDaysBetween(row.publishedAt, now),
            ...(answers.has(row.resolutionId) ? { answers: answers.get(row.resolutionId)! } : {}),
            ...(contact.role === "head" && rung.track === "unacknowledged" && liaisonReminders.has(row.id)
              ? { liaisonReminded: liaisonReminders.get(row.id)! }
              : {}),
            toHead: contact.role === "head" && to === "head",
          };
          book.reminder(contact, item);
        }
      } else {
        const standing = deadlineStanding(view.deadline, now, calendar);
        const entry: DigestEntry =
          standing.kind === "overdue"
            ? { kind: "overdue", view, days: standing.workingDays, governor: to === "governorate" }
            : { kind: "silent", view, days: calendar.workingDaysBetween(row.publishedAt, now), governor: to === "governorate" };
        for (const contact of contacts) book.digest(contact, row.committeeId, view.committee.name, entry);
      }
      told.push(...contacts);
    }
    return told;
  }

  /**
   * The last liaison reminder that went out for each assignment: who, when. Its events are those
   * of the unacknowledged track's steps, as each row's policy names them.
   */
  async #liaisonReminders(rows: LadderRow[]): Promise<Map<number, { names: string[]; at: Date }>> {
    if (rows.length === 0) return new Map();
    const steps = new Set(rows.flatMap((row) => unacknowledgedSteps(escalationPolicyOf(row.escalationPolicy))));
    const events = await this.db.escalationEvent.findMany({
      where: { assignmentId: { in: rows.map((row) => row.id) }, outcome: "sent", step: { in: [...steps] } },
      orderBy: { firedAt: "asc" },
    });
    const found = new Map<number, { names: string[]; at: Date }>();
    for (const event of events) {
      const names = ((event.recipients as { name: string; role: string }[] | null) ?? [])
        .filter((r) => r.role === "liaison")
        .map((r) => r.name);
      if (names.length > 0) found.set(event.assignmentId, { names, at: event.firedAt });
    }
    return found;
  }
}

function recipientsOf(directory: Directory, row: LadderRow, to: Rung["to"][number]): Contact[] {
  switch (to) {
    case "liaison":
    case "head":
      return directory.agency(row.agencyId, to);
    case "secretariat":
      return directory.committee(row.committeeId, "secretariat");
    case "governorate":
    case "digest":
      return directory.digestRecipients(row.committeeId);
  }
}
