/**
 * Weekly-report cycles as a due-work source: they run themselves. Each pass
 *  1. makes sure every committee with a weekly-report template has its coming cycle (this week's
 *     while its report is not yet due, else next week's), scheduled at the template's opening;
 *  2. claims the cycles whose next step is due (a lease; FOR UPDATE SKIP LOCKED on PostgreSQL),
 *     asks the pure schedule (domain/escalation/weekly-cycle.ts) what is due, and writes — in ONE
 *     transaction per batch — the outbox messages and each cycle's cursor and next step, guarded so
 *     a cycle another pass advanced meanwhile is left alone.
 *
 * Steps: `open` (the prompt to every agency that has not reported), the reminders the working day
 * before and on the morning of the due day (to those who have not reported), `compliance` (to the
 * secretariat and the governorate: on time / late / missing by agency, totals of the numeric
 * answers), then a missing report enters the agency's ladder: `missing_head` (its head) and
 * `missing_digest` (the governorate digest). Every message also carries a dedupe key, so even a
 * step handled twice (it cannot be, but) would queue nothing new; the opening prompt shares its
 * key with `peygir cycle open`, so a cycle opened by hand is not prompted again.
 */
import type { Platform } from "../../config/index.js";
import { isUniqueViolation, type Db, type Tx } from "../../db/client.js";
import { advanceCycle, claimDueCycles, dueCycleIds } from "../../db/sql/cycle-schedule.js";
import type { WeeklyReportTemplate } from "../../domain/committee-file/index.js";
import {
  addJalaliDays,
  jalaliToInstant,
  startOfJalaliWeek,
  toJalali,
  type JalaliDate,
  type WorkCalendar,
} from "../../domain/calendar/index.js";
import { cycleRungs, decideCycle, escalationPolicyOf, type EscalationPolicy, type Rung } from "../../domain/escalation/index.js";
import { FREE_FORM_KEY } from "../../domain/weekly-report/answers.js";
import { chooseCycle, cycleWindow } from "../../domain/weekly-report/cycle.js";
import type { Translate } from "../../i18n/index.js";
import { audit } from "../audit.js";
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
import { renderReportPrompt } from "../render/weekly-report.js";
import { renderCompliance, renderCycleReminder, renderMissingToHead, type CycleNote } from "../render/weekly-cycle.js";
import { BundleBook } from "./bundles.js";
import { Directory, unreachableCause, type Contact } from "./directory.js";
import { outboxTopic } from "../../domain/outbox-topic.js";

const EPOCH = new Date(0);

/** A template as stored, or undefined when the committee has none. */
export function weeklyTemplateOf(json: unknown): WeeklyReportTemplate | undefined {
  const t = json as WeeklyReportTemplate | null | undefined;
  return t && typeof t.opens === "string" && typeof t.due === "string" && Array.isArray(t.questions) ? t : undefined;
}

/** When a new cycle is first looked at: its first step (the opening). */
export function firstCycleAction(cycle: { opensAt: Date; dueAt: Date }, policy: EscalationPolicy, calendar: WorkCalendar): Rung {
  return cycleRungs(cycle, policy, calendar)[0]!;
}

interface CommitteeRow {
  id: number;
  code: string;
  name: string;
  template: WeeklyReportTemplate;
  policy: EscalationPolicy;
  calendar: WorkCalendar;
  agencies: { id: number; name: string }[];
}

interface CycleRow {
  id: number;
  period: string;
  opensAt: Date;
  dueAt: Date;
  createdAt: Date;
  actionCursor: Date | null;
  openedAt: Date | null;
  committee: CommitteeRow;
  /** Submissions by agency id. */
  submitted: Map<number, { late: boolean; answers: Record<string, unknown> }>;
}

export class WeeklyCycleSource implements DueWorkSource {
  readonly name = "weekly-cycles";

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly platforms: readonly Platform[],
    private readonly batchSize = 200,
  ) {}

  async releaseStaleClaims(owner?: string): Promise<void> {
    await this.db.weeklyReportCycle.updateMany({ where: { leasedBy: owner ?? { not: null } }, data: { leasedBy: null, leaseUntil: null } });
  }

  /** Sends the pass's held digests, one per recipient (whichever source finishes first does it for all). */
  async finishPass(pass: PassContext): Promise<QueuedNotice[]> {
    return pass.digests ? pass.digests.flush(this.db, this.notifier, pass.now, pass.provider) : [];
  }

  async runPass(pass: PassContext): Promise<SourcePassResult> {
    if (!pass.dryRun) await this.#ensureCycles(pass.now);
    return runClaimedBatches(
      pass,
      {
        dryRun: () => dueCycleIds(this.db, pass.now, 10_000),
        claim: () =>
          claimDueCycles(this.db, pass.provider, {
            now: pass.now,
            owner: pass.instanceId,
            leaseUntil: pass.leaseUntil,
            limit: this.batchSize,
          }),
      },
      (ids) => this.#runBatch(ids, pass),
    );
  }

  /** What the cycles will send in (from, until]: the existing cycles' remaining steps and the weeks to come. */
  async upcoming(from: Date, until: Date, committeeCode?: string): Promise<UpcomingEntry[]> {
    const committees = await this.#committees(committeeCode ? { code: committeeCode } : {});
    if (committees.length === 0) return [];
    const existing = await this.db.weeklyReportCycle.findMany({
      where: { committeeId: { in: committees.map((c) => c.id) }, dueAt: { gte: addJalaliDaysTo(from, -21) } },
      include: { submissions: { select: { agencyId: true } } },
    });
    const directory = await Directory.load(
      this.db,
      committees.flatMap((c) => c.agencies.map((a) => a.id)),
      committees.map((c) => c.id),
      this.platforms,
    );
    const entries: UpcomingEntry[] = [];
    for (const committee of committees) {
      // Every week whose steps can fall in the window: from three weeks back (missing reports) to its end.
      for (let week = startOfJalaliWeek(toJalali(addJalaliDaysTo(from, -21))); ; week = addJalaliDays(week, 7)) {
        const window = cycleWindow(committee.template, instantOfWeek(week));
        if (window.opensAt.getTime() > until.getTime()) break;
        const stored = existing.find((c) => c.committeeId === committee.id && c.period === window.period);
        const start = Math.max(from.getTime(), stored?.actionCursor?.getTime() ?? 0);
        const submitted = new Set(stored?.submissions.map((s) => s.agencyId) ?? []);
        const silent = committee.agencies.filter((a) => !submitted.has(a.id));
        for (const rung of cycleRungs(window, committee.policy, committee.calendar)) {
          if (rung.at.getTime() <= start || rung.at.getTime() > until.getTime()) continue;
          const people = stepRecipients(rung.step, committee, silent, directory);
          entries.push({
            at: rung.at,
            committee: committee.code,
            recipients: [...new Set(people.map((p) => p.name))],
            what: `weekly_report:${rung.step}: week ${window.period}${rung.step === "compliance" ? "" : ` — ${silent.length} agencies not reported yet`}`,
          });
        }
      }
    }
    return entries;
  }

  /** Creates each committee's coming cycle if it is missing, scheduled at its opening. Safe in two processes at once. */
  async #ensureCycles(now: Date): Promise<void> {
    const committees = await this.db.committee.findMany({
      where: { weeklyReportTemplate: { not: { equals: null } } },
      select: { id: true, weeklyReportTemplate: true, calendar: true, escalationPolicy: true },
    });
    const wanted = committees.flatMap((c) => {
      const template = weeklyTemplateOf(c.weeklyReportTemplate);
      const choice = template ? chooseCycle(template, now) : undefined;
      return choice?.ok ? [{ committee: c, window: choice.window }] : [];
    });
    if (wanted.length === 0) return;
    const have = await this.db.weeklyReportCycle.findMany({
      where: { OR: wanted.map((w) => ({ committeeId: w.committee.id, period: w.window.period })) },
      select: { committeeId: true, period: true },
    });
    for (const { committee, window } of wanted) {
      if (have.some((h) => h.committeeId === committee.id && h.period === window.period)) continue;
      const first = firstCycleAction(window, escalationPolicyOf(committee.escalationPolicy), workCalendarOf(committee.calendar));
      try {
        await this.db.weeklyReportCycle.create({
          data: {
            committeeId: committee.id,
            period: window.period,
            opensAt: window.opensAt,
            dueAt: window.dueAt,
            createdAt: now,
            nextActionAt: first.at,
            nextActionStep: first.step,
          },
        });
      } catch (error) {
        // Another process created it first: theirs is the same cycle.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async #committees(where: { id?: { in: number[] }; code?: string }): Promise<CommitteeRow[]> {
    const rows = await this.db.committee.findMany({
      where,
      include: { agencies: { include: { agency: { select: { id: true, name: true } } }, orderBy: { agencyId: "asc" } } },
    });
    return rows.flatMap((c) => {
      const template = weeklyTemplateOf(c.weeklyReportTemplate);
      if (!template) return [];
      return [
        {
          id: c.id,
          code: c.code,
          name: c.name,
          template,
          policy: escalationPolicyOf(c.escalationPolicy),
          calendar: workCalendarOf(c.calendar),
          agencies: c.agencies.map((link) => link.agency),
        },
      ];
    });
  }

  async #runBatch(ids: number[], pass: PassContext): Promise<{ acted: number; queued: QueuedNotice[] }> {
    const { now } = pass;
    const rows = await this.db.weeklyReportCycle.findMany({
      where: { id: { in: ids } },
      include: { submissions: { select: { agencyId: true, late: true, answers: true } } },
      orderBy: { id: "asc" },
    });
    const committees = new Map(
      (await this.#committees({ id: { in: [...new Set(rows.map((r) => r.committeeId))] } })).map((c) => [c.id, c]),
    );
    const cycles: CycleRow[] = rows.flatMap((r) => {
      const committee = committees.get(r.committeeId);
      if (!committee) return [];
      const submitted = new Map(
        r.submissions.map((s) => [s.agencyId, { late: s.late, answers: (s.answers ?? {}) as Record<string, unknown> }]),
      );
      return [{ ...r, committee, submitted }];
    });
    const directory = await Directory.load(
      this.db,
      cycles.flatMap((c) => c.committee.agencies.map((a) => a.id)),
      cycles.map((c) => c.committee.id),
      this.platforms,
    );

    const run = async (tx: Tx) => {
      const book = new BundleBook();
      let acted = 0;
      // A cycle whose committee lost its template: nothing more to do for it.
      for (const id of ids.filter((id) => !cycles.some((c) => c.id === id)))
        await tx.weeklyReportCycle.update({
          where: { id },
          data: { nextActionAt: null, nextActionStep: null, leasedBy: null, leaseUntil: null },
        });
      for (const cycle of cycles) {
        const decision = decideCycle(cycle, cycle.committee.policy, cycle.committee.calendar, cycle.actionCursor ?? EPOCH, now);
        const opens = decision.fire.some((r) => r.step === "open");
        const advanced = await advanceCycle(tx, {
          id: cycle.id,
          readCursor: cycle.actionCursor ?? cycle.createdAt,
          cursor: decision.cursor,
          nextAt: decision.nextAt,
          nextStep: decision.nextStep,
          openedAt: opens ? now : null,
          closedAt: decision.nextAt === null ? now : null,
        });
        if (!advanced || (decision.fire.length === 0 && decision.skip.length === 0)) continue;
        acted++;
        for (const rung of decision.fire) this.#fire(book, directory, cycle, rung, now);
        await audit(
          tx,
          { kind: "system" },
          "weekly_cycle.steps",
          "WeeklyReportCycle",
          cycle.id,
          { fired: decision.fire.map((r) => r.step), skipped: decision.skip.map((r) => r.step) },
          now,
        );
      }
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

  #fire(book: BundleBook, directory: Directory, cycle: CycleRow, rung: Rung, now: Date): void {
    const { committee } = cycle;
    const silent = committee.agencies.filter((a) => !cycle.submitted.has(a.id));
    const note = (agency: { id: number; name: string }): CycleNote => ({
      cycleId: cycle.id,
      period: cycle.period,
      dueAt: cycle.dueAt,
      committeeName: committee.name,
      agency,
    });
    const topic = outboxTopic.weeklyReport(cycle.id);
    const toAgencies = (
      role: "liaison" | "head",
      kind: string,
      render: (agency: { id: number; name: string }) => (t: Translate) => ReturnType<typeof renderCycleReminder>,
      key: (agencyId: number) => string,
    ) => {
      for (const agency of silent) {
        const contacts = directory.agency(agency.id, role);
        const cause = unreachableCause(contacts);
        if (cause) book.unreachable(committee.id, committee.name, agency, cause, directory.committee(committee.id, "secretariat"));
        for (const contact of contacts)
          book.other(contact, kind, `week ${cycle.period}: ${agency.name}`, topic, (t) => [render(agency)(t)], key(agency.id));
      }
    };
    switch (rung.step) {
      case "open":
        // The key `peygir cycle open` uses: a cycle opened by hand is not prompted twice.
        toAgencies(
          "liaison",
          "weekly_report:open",
          (agency) => (t) => renderReportPrompt(note(agency), t),
          (agencyId) => `weekly_report:${cycle.id}:agency:${agencyId}`,
        );
        return;
      case "remind_day_before":
      case "remind_due_morning": {
        const step = rung.step;
        toAgencies(
          "liaison",
          `weekly_report:${step}`,
          (agency) => (t) => renderCycleReminder(note(agency), step, t),
          (agencyId) => `weekly_report:${cycle.id}:${step}:agency:${agencyId}`,
        );
        return;
      }
      case "missing_head":
        toAgencies(
          "head",
          "weekly_report:missing_head",
          (agency) => (t) => renderMissingToHead(note(agency), t),
          (agencyId) => `weekly_report:${cycle.id}:missing_head:agency:${agencyId}`,
        );
        return;
      case "missing_digest":
        for (const agency of silent)
          for (const contact of directory.digestRecipients(committee.id))
            book.digest(contact, committee.id, committee.name, {
              kind: "report_missing",
              agency: agency.name,
              period: cycle.period,
              days: committee.calendar.workingDaysBetween(cycle.dueAt, now),
              governor: false,
            });
        return;
      case "compliance": {
        const compliance = complianceOf(cycle);
        const people = uniqueContacts([
          ...directory.committee(committee.id, "secretariat"),
          ...directory.committee(committee.id, "governorate"),
        ]);
        for (const contact of people)
          book.other(
            contact,
            "weekly_report:compliance",
            `week ${cycle.period}: ${compliance.onTime.length} on time, ${compliance.late.length} late, ${compliance.missing.length} missing`,
            topic,
            (t) => renderCompliance(compliance, t),
            `weekly_report:${cycle.id}:compliance`,
          );
        return;
      }
    }
  }
}

/** On time / late / missing by agency, and the totals of the number questions' answers. */
function complianceOf(cycle: CycleRow) {
  const { committee } = cycle;
  const by = (f: (s: { late: boolean } | undefined) => boolean) =>
    committee.agencies.filter((a) => f(cycle.submitted.get(a.id))).map((a) => a.name);
  const indicators = committee.template.questions
    .filter((q) => q.type === "number")
    .map((q) => ({
      label: q.label,
      ...(q.unit !== undefined ? { unit: q.unit } : {}),
      total: [...cycle.submitted.values()].reduce((sum, s) => {
        const value = s.answers[q.key];
        return typeof value === "number" && !(FREE_FORM_KEY in s.answers) ? sum + value : sum;
      }, 0),
    }));
  return {
    period: cycle.period,
    committeeName: committee.name,
    onTime: by((s) => s !== undefined && !s.late),
    late: by((s) => s !== undefined && s.late),
    missing: by((s) => s === undefined),
    indicators,
  };
}

function uniqueContacts(contacts: Contact[]): Contact[] {
  return [...new Map(contacts.map((c) => [c.personId, c])).values()];
}

function stepRecipients(step: string, committee: CommitteeRow, silent: { id: number }[], directory: Directory): Contact[] {
  switch (step) {
    case "open":
    case "remind_day_before":
    case "remind_due_morning":
      return silent.flatMap((a) => directory.agency(a.id, "liaison"));
    case "missing_head":
      return silent.flatMap((a) => directory.agency(a.id, "head"));
    case "missing_digest":
      return silent.length > 0 ? directory.digestRecipients(committee.id) : [];
    default:
      return [...directory.committee(committee.id, "secretariat"), ...directory.committee(committee.id, "governorate")];
  }
}

const DAY_MS = 86_400_000;
const addJalaliDaysTo = (t: Date, days: number) => new Date(t.getTime() + days * DAY_MS);
/** Noon of a Jalali day in Tehran: any instant of the week will do for `cycleWindow`. */
const instantOfWeek = (weekStart: JalaliDate) => jalaliToInstant(weekStart, { h: 12, m: 0 });
