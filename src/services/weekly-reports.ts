/**
 * Weekly reports: each week a committee opens a cycle (its Jalali week, opening and due times
 * from the template) and every agency's liaisons — or its heads, where it has no liaison — are
 * asked for their report through the outbox. A report can be edited until the due time (the
 * earlier answers are kept as revisions); a first report after the due time is still accepted,
 * marked late; after the due time a submitted report can no longer be changed.
 *
 * Every report may also be sent as one free message or file instead of question by question
 * (the template has no switch for it: a liaison who already has the report written should never
 * be made to retype it).
 */
import type { Db, Tx } from "../db/client.js";
import type { WeeklyReportTemplate } from "../domain/committee-file/index.js";
import { escalationPolicyOf } from "../domain/escalation/index.js";
import { checkAnswers, type Answers } from "../domain/weekly-report/answers.js";
import { chooseCycle } from "../domain/weekly-report/cycle.js";
import type { Translate } from "../i18n/index.js";
import type { Clock } from "../shared/clock.js";
import { type AgencyActor, isAgencyMember } from "./assignments/index.js";
import { attachmentRows, type IncomingFile } from "./attachments.js";
import { audit, type Actor } from "./audit.js";
import { workCalendarOf } from "./calendars.js";
import { firstCycleAction } from "./escalation/weekly-cycle-source.js";
import type { Notifier } from "./notifications.js";
import { renderReportPrompt, type ReportPrompt } from "./render/weekly-report.js";
import { AGENCY_ROLES } from "../domain/vocabulary.js";
import { outboxTopic } from "../domain/outbox-topic.js";

export class WeeklyReportError extends Error {
  override name = "WeeklyReportError";
}

export interface OpenCycleReport {
  cycle: { id: number; period: string; opensAt: Date; dueAt: Date };
  /** Why this cycle: this week's (not yet due), the next one (this week's due time has passed), or the one asked for. */
  why: "current" | "next" | "requested";
  /** When `why` is "next": the due time of this week's cycle, which has passed. */
  passedDueAt?: Date;
  committee: { code: string; name: string };
  /** False when the cycle existed already (opening is idempotent). */
  created: boolean;
  agencies: { name: string; queued: number; unreachable: string[] }[];
}

/** One report a person can send now: a cycle of a committee, for one of their agencies. */
export interface ReportSlot extends ReportPrompt {
  questions: WeeklyReportTemplate["questions"];
  /** The report already sent for this cycle, if any. */
  submitted?: { answers: Answers; late: boolean; edited: boolean; submittedAt: Date };
  /** False once the due time has passed and a report was sent: it can no longer change. */
  editable: boolean;
  late: boolean;
}

export type SubmitResult =
  { ok: true; late: boolean; edited: boolean } | { ok: false; refusal: "unknown" | "closed" | "invalid"; key?: string };

export interface SubmitInput {
  /** The dialog step that submits: replayed after a crash, the same key changes nothing. */
  idempotencyKey?: string;
  cycleId: number;
  agencyId: number;
  answers: Answers;
  files?: readonly IncomingFile[];
}

const templateOf = (json: unknown): WeeklyReportTemplate | undefined => {
  const t = json as WeeklyReportTemplate | null | undefined;
  return t && typeof t.opens === "string" && typeof t.due === "string" && Array.isArray(t.questions) ? t : undefined;
};

export class WeeklyReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly maxAttachmentBytes: number,
  ) {}

  /**
   * Opens this week's cycle while its report is not yet due, else next week's (or the `period`
   * asked for, e.g. "1405-W37"), and asks every agency for its report (once).
   */
  async openCycle(
    committeeCode: string,
    now: Date = this.clock.now(),
    actor: Actor = { kind: "system" },
    period?: string,
  ): Promise<OpenCycleReport> {
    const committee = await this.db.committee.findUnique({
      where: { code: committeeCode },
      include: { agencies: { include: { agency: { select: { id: true, name: true } } }, orderBy: { agencyId: "asc" } } },
    });
    if (!committee) throw new WeeklyReportError(`no committee with code "${committeeCode}"`);
    const template = templateOf(committee.weeklyReportTemplate);
    if (!template)
      throw new WeeklyReportError(`committee "${committeeCode}" has no weekly report template (weeklyReport in its committee file)`);
    const choice = chooseCycle(template, now, period);
    if (!choice.ok) throw new WeeklyReportError(`--period must name a Jalali week like 1405-W37 (got "${period}")`);
    const { window } = choice;
    const calendar = workCalendarOf(committee.calendar);
    const sendFrom = calendar.nextWorkingInstant(new Date(Math.max(now.getTime(), window.opensAt.getTime())));
    const schedule = firstCycleAction(window, escalationPolicyOf(committee.escalationPolicy), calendar);

    return this.db.$transaction(
      async (tx) => {
        const existing = await tx.weeklyReportCycle.findUnique({
          where: { committeeId_period: { committeeId: committee.id, period: window.period } },
        });
        const cycle =
          existing ??
          (await tx.weeklyReportCycle.create({
            data: {
              committeeId: committee.id,
              period: window.period,
              opensAt: window.opensAt,
              dueAt: window.dueAt,
              openedAt: now,
              createdAt: now,
              // From here the cycle runs itself (reminders, compliance digest, missing reports);
              // its opening step finds the prompts below already queued under the same keys.
              nextActionAt: schedule.at,
              nextActionStep: schedule.step,
            },
          }));
        if (!existing) await audit(tx, actor, "weekly_cycle.opened", "WeeklyReportCycle", cycle.id, { period: cycle.period }, now);
        const agencies: OpenCycleReport["agencies"] = [];
        for (const { agency } of committee.agencies) {
          const prompt = { cycleId: cycle.id, period: cycle.period, dueAt: cycle.dueAt, committeeName: committee.name, agency };
          const render = (t: Translate) => renderReportPrompt(prompt, t);
          let queued = 0;
          const unreachable: string[] = [];
          for (const person of await this.#reporters(tx, agency.id)) {
            const count = await this.notifier.toPerson(tx, person.id, render, {
              topic: outboxTopic.weeklyReport(cycle.id),
              dedupeKey: `weekly_report:${cycle.id}:agency:${agency.id}`,
              notBefore: sendFrom,
            });
            queued += count;
            if (count === 0 && (await tx.chatIdentity.count({ where: { personId: person.id, reachable: true } })) === 0)
              unreachable.push(person.name);
          }
          agencies.push({ name: agency.name, queued, unreachable });
        }
        return {
          cycle: { id: cycle.id, period: cycle.period, opensAt: cycle.opensAt, dueAt: cycle.dueAt },
          committee: { code: committee.code, name: committee.name },
          created: !existing,
          why: choice.why,
          ...(choice.why === "next" ? { passedDueAt: choice.passedDueAt } : {}),
          agencies,
        };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }

  /** The reports the person can send now: per agency they act for, the latest opened cycle of each of its committees. */
  async slotsFor(personId: number): Promise<ReportSlot[]> {
    const now = this.clock.now();
    const memberships = await this.db.membership.findMany({
      where: { personId, active: true, role: { in: [...AGENCY_ROLES] }, agencyId: { not: null } },
      select: { agency: { select: { id: true, name: true, committees: { select: { committeeId: true } } } } },
      orderBy: { id: "asc" },
    });
    const slots: ReportSlot[] = [];
    const seen = new Set<string>();
    for (const { agency } of memberships) {
      if (!agency) continue;
      for (const { committeeId } of agency.committees) {
        const slot = await this.#slot(this.db, committeeId, agency, now);
        const key = `${slot?.cycleId}:${agency.id}`;
        if (slot && !seen.has(key)) {
          seen.add(key);
          slots.push(slot);
        }
      }
    }
    return slots;
  }

  /** One slot, if the person may report for that agency in that cycle. */
  async slot(actor: AgencyActor, cycleId: number, agencyId: number): Promise<ReportSlot | undefined> {
    if (!(await isAgencyMember(this.db, actor.personId, agencyId))) return undefined;
    const cycle = await this.db.weeklyReportCycle.findUnique({ where: { id: cycleId }, select: { committeeId: true } });
    const agency = await this.db.agency.findFirst({
      where: { id: agencyId, committees: { some: { committeeId: cycle?.committeeId ?? -1 } } },
      select: { id: true, name: true },
    });
    if (!cycle || !agency) return undefined;
    return this.#slot(this.db, cycle.committeeId, agency, this.clock.now(), cycleId);
  }

  async submit(actor: AgencyActor, input: SubmitInput): Promise<SubmitResult> {
    return this.db.$transaction(async (tx) => {
      const now = this.clock.now();
      if (!(await isAgencyMember(tx, actor.personId, input.agencyId))) return { ok: false, refusal: "unknown" } as const;
      const cycle = await tx.weeklyReportCycle.findUnique({
        where: { id: input.cycleId },
        include: { committee: { select: { weeklyReportTemplate: true } } },
      });
      const template = templateOf(cycle?.committee.weeklyReportTemplate);
      const inCommittee =
        cycle &&
        (await tx.committeeAgency.findUnique({
          where: { committeeId_agencyId: { committeeId: cycle.committeeId, agencyId: input.agencyId } },
        }));
      if (!cycle || !template || !inCommittee) return { ok: false, refusal: "unknown" } as const;
      const checked = checkAnswers(template.questions, input.answers);
      if (!checked.ok) return { ok: false, refusal: "invalid", key: checked.error.key } as const;
      const late = now.getTime() > cycle.dueAt.getTime();
      const previous = await tx.weeklyReportSubmission.findUnique({
        where: { cycleId_agencyId: { cycleId: cycle.id, agencyId: input.agencyId } },
      });
      const attachments = { create: attachmentRows(input.files ?? [], actor.platform, this.maxAttachmentBytes) };
      const who = { kind: "person", personId: actor.personId, platform: actor.platform } as const;
      const key = input.idempotencyKey ?? null;
      // This very submission, replayed: answer as the first time did, write nothing.
      if (previous && key !== null && previous.idempotencyKey === key)
        return { ok: true, late: previous.late, edited: previous.edited } as const;
      if (previous) {
        if (late) return { ok: false, refusal: "closed" } as const;
        await tx.weeklyReportRevision.create({
          data: { submissionId: previous.id, answers: previous.answers as object, personId: previous.personId, at: now },
        });
        await tx.weeklyReportSubmission.update({
          where: { id: previous.id },
          data: {
            answers: checked.value as object,
            personId: actor.personId,
            platform: actor.platform,
            edited: true,
            idempotencyKey: key,
            updatedAt: now,
            attachments,
          },
        });
        await audit(
          tx,
          who,
          "weekly_report.edited",
          "WeeklyReportSubmission",
          previous.id,
          { cycleId: cycle.id, agencyId: input.agencyId },
          now,
        );
        return { ok: true, late: previous.late, edited: true } as const;
      }
      const created = await tx.weeklyReportSubmission.create({
        data: {
          cycleId: cycle.id,
          agencyId: input.agencyId,
          personId: actor.personId,
          platform: actor.platform,
          answers: checked.value as object,
          late,
          idempotencyKey: key,
          submittedAt: now,
          updatedAt: now,
          attachments,
        },
      });
      await audit(
        tx,
        who,
        "weekly_report.submitted",
        "WeeklyReportSubmission",
        created.id,
        { cycleId: cycle.id, agencyId: input.agencyId, late },
        now,
      );
      return { ok: true, late, edited: false } as const;
    });
  }

  /** Who is asked for an agency's report: its liaisons, or its heads when it has none. */
  async #reporters(tx: Tx, agencyId: number): Promise<{ id: number; name: string }[]> {
    const memberships = await tx.membership.findMany({
      where: { agencyId, active: true, role: { in: ["liaison", "head"] } },
      select: { role: true, person: { select: { id: true, name: true } } },
      orderBy: { id: "asc" },
    });
    const liaisons = memberships.filter((m) => m.role === "liaison");
    const chosen = liaisons.length > 0 ? liaisons : memberships;
    return [...new Map(chosen.map((m) => [m.person.id, m.person])).values()];
  }

  async #slot(
    tx: Tx,
    committeeId: number,
    agency: { id: number; name: string },
    now: Date,
    cycleId?: number,
  ): Promise<ReportSlot | undefined> {
    const cycle = await tx.weeklyReportCycle.findFirst({
      where: { committeeId, ...(cycleId !== undefined ? { id: cycleId } : { opensAt: { lte: now } }) },
      orderBy: { opensAt: "desc" },
      include: { committee: { select: { name: true, weeklyReportTemplate: true } } },
    });
    const template = templateOf(cycle?.committee.weeklyReportTemplate);
    if (!cycle || !template) return undefined;
    const submission = await tx.weeklyReportSubmission.findUnique({
      where: { cycleId_agencyId: { cycleId: cycle.id, agencyId: agency.id } },
    });
    const late = now.getTime() > cycle.dueAt.getTime();
    return {
      cycleId: cycle.id,
      period: cycle.period,
      dueAt: cycle.dueAt,
      committeeName: cycle.committee.name,
      agency,
      questions: template.questions,
      ...(submission
        ? {
            submitted: {
              answers: submission.answers as Answers,
              late: submission.late,
              edited: submission.edited,
              submittedAt: submission.submittedAt,
            },
          }
        : {}),
      editable: !(submission && late),
      late,
    };
  }
}
