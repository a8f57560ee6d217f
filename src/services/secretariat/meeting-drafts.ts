/**
 * Recording a meeting in chat: a draft the secretary builds step by step — title, day, minutes,
 * the resolutions the parser found (merged, split, edited, deleted as she needs), each one's
 * agencies, deadline and report-to — then publishes through the PublishingService. The draft is a
 * database row: it survives restarts and is continued by /meeting; nothing reaches the meeting
 * tables before she publishes. Every call checks that she is the committee's secretariat.
 */
import type { Db, Prisma } from "../../db/client.js";
import { compareJalali, deadlineInstant, jalaliToInstant, toJalali, type JalaliDate } from "../../domain/calendar/index.js";
import {
  hintsOf,
  parseDeadlineInput,
  proposeParties,
  resolveDeadline,
  splitMinutes,
  type DeadlineErrorCode,
  type KnownAgency,
} from "../../domain/minutes/index.js";
import { normalisePersian, parseJalaliInput, toPersianDigits, type InputErrorCode } from "../../domain/text/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { workCalendarOf } from "../calendars.js";
import type { PublishingService, PublishReport } from "../publishing.js";
import { isAttendanceList } from "../../domain/notices/index.js";
import { attendanceOnDay, type DayAttendance } from "../notices/index.js";
import { auditActor, committeeIdsOf, holdsRole, MANAGE, type StaffActor } from "./access.js";

export type DraftDeadline = { kind: "standing" } | { kind: "date"; date: JalaliDate };

export interface DraftResolution {
  text: string;
  leadAll: boolean;
  /** Lead first, then the co-operating agencies. */
  agencyIds: number[];
  /** False while the agencies are only the parser's proposal. */
  partiesConfirmed: boolean;
  deadline: DraftDeadline | null;
  /** What the text suggested, shown as the first choice. */
  proposedDeadline: DraftDeadline | null;
  kind: "one_off" | "recurring" | "standing";
  reportTo: string | null;
  proposedReportTo: string | null;
}

export interface DraftData {
  title: string | null;
  heldOn: JalaliDate | null;
  /** The minutes as pasted, pieces joined by line breaks. */
  minutes: string;
  resolutions: DraftResolution[];
}

export interface Draft {
  id: number;
  committeeId: number;
  committeeName: string;
  step: string;
  /** False while she has left the draft for something else. */
  active: boolean;
  data: DraftData;
  agencies: KnownAgency[];
  /**
   * The meeting's attendance as the notices hold it: the RSVP answers (or the corrected sheet) of
   * the committee's notice for the draft's day, or what the meeting already holds once it exists.
   * Publishing stores it on the meeting; undefined when there is none.
   */
  attendance: DayAttendance | undefined;
  updatedAt: Date;
}

export type DraftRefusal =
  | "forbidden"
  | "several_committees"
  | "title_required"
  | "date_future"
  | "minutes_empty"
  | "minutes_no_resolutions"
  | "no_such_resolution"
  | "unknown_agency"
  | "no_agency"
  | "incomplete"
  | "already_published"
  | InputErrorCode
  | DeadlineErrorCode;

export type DraftResult<T = Draft> =
  { ok: true; value: T } | { ok: false; refusal: DraftRefusal; params?: Record<string, string | number> };

const EMPTY: DraftData = { title: null, heldOn: null, minutes: "", resolutions: [] };
const TITLE_MAX = 200;

const refuse = (refusal: DraftRefusal, params?: Record<string, string | number>): DraftResult<never> =>
  params ? { ok: false, refusal, params } : { ok: false, refusal };

/** The parser's reading of one resolution's text. */
function proposed(text: string, agencies: readonly KnownAgency[]): DraftResolution {
  const parties = proposeParties(text, agencies);
  const hints = hintsOf(text);
  const deadline: DraftDeadline | null =
    hints.deadline?.kind === "standing"
      ? { kind: "standing" }
      : hints.deadline?.kind === "date"
        ? { kind: "date", date: hints.deadline.date }
        : null;
  return {
    text,
    leadAll: parties.all,
    agencyIds: parties.agencyIds,
    partiesConfirmed: false,
    deadline: null,
    proposedDeadline: deadline,
    kind: hints.kind,
    reportTo: null,
    proposedReportTo: hints.reportTo ?? null,
  };
}

export class MeetingDraftService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly publishing: PublishingService,
  ) {}

  /** The person's open draft (neither published nor discarded), if any; undefined also when she is no longer secretariat. */
  async current(actor: StaffActor): Promise<Draft | undefined> {
    const row = await this.db.meetingDraft.findFirst({
      where: { personId: actor.personId, publishedAt: null, discardedAt: null },
      orderBy: { id: "desc" },
    });
    if (!row || !(await holdsRole(this.db, actor.personId, row.committeeId, MANAGE))) return undefined;
    return this.#load(row);
  }

  /** Whether the person may record meetings at all (is secretariat of some committee). */
  async mayRecord(actor: StaffActor): Promise<boolean> {
    return (await committeeIdsOf(this.db, actor.personId, MANAGE)).length > 0;
  }

  /** Starts a draft; with several committees, the one to record for must be named. */
  async start(actor: StaffActor, committeeId?: number): Promise<DraftResult> {
    const committees = await committeeIdsOf(this.db, actor.personId, MANAGE);
    if (committees.length === 0) return refuse("forbidden");
    const chosen = committeeId ?? (committees.length === 1 ? committees[0] : undefined);
    if (chosen === undefined) return refuse("several_committees");
    if (!committees.includes(chosen)) return refuse("forbidden");
    const now = this.clock.now();
    const row = await this.db.$transaction(async (tx) => {
      // One open draft per person: starting again replaces the old one (she was asked first).
      await tx.meetingDraft.updateMany({
        where: { personId: actor.personId, publishedAt: null, discardedAt: null },
        data: { discardedAt: now },
      });
      const created = await tx.meetingDraft.create({
        data: {
          committeeId: chosen,
          personId: actor.personId,
          data: EMPTY as unknown as Prisma.InputJsonValue,
          step: "title",
          createdAt: now,
        },
      });
      await audit(tx, auditActor(actor), "meeting_draft.started", "MeetingDraft", created.id, {}, now);
      return created;
    });
    return { ok: true, value: await this.#load(row) };
  }

  async discard(actor: StaffActor, draftId: number): Promise<DraftResult<null>> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const row = await tx.meetingDraft.findUnique({ where: { id: draftId } });
      if (!row || row.personId !== actor.personId || !(await holdsRole(tx, actor.personId, row.committeeId, MANAGE)))
        return refuse("forbidden");
      if (row.publishedAt) return refuse("already_published");
      await tx.meetingDraft.update({ where: { id: draftId }, data: { discardedAt: now } });
      await audit(tx, auditActor(actor), "meeting_draft.discarded", "MeetingDraft", draftId, {}, now);
      return { ok: true, value: null };
    });
  }

  /** She left the draft for something else (another command): it waits, unchanged, for /meeting. */
  async pause(actor: StaffActor, draftId: number): Promise<void> {
    await this.db.meetingDraft.updateMany({
      where: { id: draftId, personId: actor.personId, publishedAt: null, discardedAt: null },
      data: { active: false },
    });
  }

  /** Moves the flow to another question without changing the data (back to the list, to the review). */
  goTo(actor: StaffActor, draftId: number, step: string): Promise<DraftResult> {
    return this.#change(actor, draftId, (draft) => ({ ok: true, value: { data: draft.data, step } }));
  }

  setTitle(actor: StaffActor, draftId: number, title: string): Promise<DraftResult> {
    const clean = normalisePersian(title);
    if (clean === "" || clean.length > TITLE_MAX) return Promise.resolve(refuse("title_required", { max: TITLE_MAX }));
    return this.#change(actor, draftId, (d) => ({ ok: true, value: { data: { ...d.data, title: clean }, step: "date" } }));
  }

  /** Reads the meeting day; the flow echoes it back in full and asks for confirmation (step date_confirm). */
  setDate(actor: StaffActor, draftId: number, input: string): Promise<DraftResult> {
    return this.#change(actor, draftId, (d, calendar) => {
      const now = this.clock.now();
      const parsed = parseJalaliInput(input, now, calendar);
      if (!parsed.ok) return refuse(parsed.error.code, parsed.error.params as Record<string, string | number> | undefined);
      if (compareJalali(parsed.value.date, toJalali(now)) > 0) return refuse("date_future");
      return { ok: true, value: { data: { ...d.data, heldOn: parsed.value.date }, step: "date_confirm" } };
    });
  }

  /** Adds a piece of the minutes (one message, or a file's text). */
  addMinutes(actor: StaffActor, draftId: number, text: string): Promise<DraftResult> {
    const clean = text.trim();
    if (clean === "") return Promise.resolve(refuse("minutes_empty"));
    return this.#change(actor, draftId, (d) => ({
      ok: true,
      value: { data: { ...d.data, minutes: d.data.minutes ? `${d.data.minutes}\n${clean}` : clean }, step: "minutes" },
    }));
  }

  clearMinutes(actor: StaffActor, draftId: number): Promise<DraftResult> {
    return this.#change(actor, draftId, (d) => ({
      ok: true,
      value: { data: { ...d.data, minutes: "", resolutions: [] }, step: "minutes" },
    }));
  }

  /** Splits the minutes into resolutions, with the agencies and hints the parser proposes. */
  parseMinutes(actor: StaffActor, draftId: number): Promise<DraftResult> {
    return this.#change(actor, draftId, (d, _calendar, agencies) => {
      const split = splitMinutes(d.data.minutes);
      if (!split.ok) return refuse(split.error.code === "minutes.empty" ? "minutes_empty" : "minutes_no_resolutions");
      return { ok: true, value: { data: { ...d.data, resolutions: split.value.map((text) => proposed(text, agencies)) }, step: "list" } };
    });
  }

  /** Resolution i and the next become one. */
  merge(actor: StaffActor, draftId: number, index: number): Promise<DraftResult> {
    return this.#editList(actor, draftId, index, (list, agencies) => {
      if (index + 1 >= list.length) return undefined;
      list.splice(index, 2, proposed(`${list[index]!.text} ${list[index + 1]!.text}`, agencies));
      return list;
    });
  }

  /** Resolution i becomes the parts given (one per line). */
  split(actor: StaffActor, draftId: number, index: number, parts: string): Promise<DraftResult> {
    const pieces = parts
      .split("\n")
      .map((p) => toPersianDigits(normalisePersian(p)))
      .filter((p) => p !== "");
    return this.#editList(actor, draftId, index, (list, agencies) => {
      if (pieces.length < 2) return undefined;
      list.splice(index, 1, ...pieces.map((p) => proposed(p, agencies)));
      return list;
    });
  }

  edit(actor: StaffActor, draftId: number, index: number, text: string): Promise<DraftResult> {
    const clean = toPersianDigits(normalisePersian(text));
    return this.#editList(actor, draftId, index, (list, agencies) => {
      if (clean === "") return undefined;
      const old = list[index]!;
      list[index] = {
        ...proposed(clean, agencies),
        ...(old.partiesConfirmed ? { leadAll: old.leadAll, agencyIds: old.agencyIds, partiesConfirmed: true } : {}),
      };
      return list;
    });
  }

  remove(actor: StaffActor, draftId: number, index: number): Promise<DraftResult> {
    return this.#editList(actor, draftId, index, (list) => {
      if (list.length <= 1) return undefined;
      list.splice(index, 1);
      return list;
    });
  }

  /** The agencies of resolution i: every agency of the committee, or these (lead first). */
  setParties(
    actor: StaffActor,
    draftId: number,
    index: number,
    parties: { all: boolean; agencyIds: number[] },
    confirm = true,
  ): Promise<DraftResult> {
    return this.#change(actor, draftId, (d, _calendar, agencies) => {
      const r = d.data.resolutions[index];
      if (!r) return refuse("no_such_resolution");
      const known = new Set(agencies.map((a) => a.id));
      const ids = [...new Set(parties.agencyIds)];
      if (ids.some((id) => !known.has(id))) return refuse("unknown_agency");
      if (confirm && !parties.all && ids.length === 0) return refuse("no_agency");
      const list = [...d.data.resolutions];
      list[index] = { ...r, leadAll: parties.all, agencyIds: parties.all ? [] : ids, partiesConfirmed: confirm };
      // A confirmed choice moves on; a press of an agency button only changes the selection.
      return { ok: true, value: { data: { ...d.data, resolutions: list }, step: confirm ? `deadline:${index}` : `parties:${index}` } };
    });
  }

  /** The deadline of resolution i: a Jalali day, a span from today, or مستمر; a past day or a day off is refused. */
  setDeadline(actor: StaffActor, draftId: number, index: number, input: string | DraftDeadline): Promise<DraftResult> {
    return this.#change(actor, draftId, (d, calendar) => {
      const r = d.data.resolutions[index];
      if (!r) return refuse("no_such_resolution");
      const now = this.clock.now();
      const spec = typeof input === "string" ? parseDeadlineInput(input, now, calendar) : { ok: true as const, value: input };
      if (!spec.ok) return refuse(spec.error.code, spec.error.params as Record<string, string | number> | undefined);
      const day = resolveDeadline(spec.value, toJalali(now), now, calendar);
      if (!day.ok) return refuse(day.error.code, day.error.params as Record<string, string | number> | undefined);
      const deadline: DraftDeadline = day.value ? { kind: "date", date: day.value } : { kind: "standing" };
      const kind = deadline.kind === "standing" ? "standing" : r.kind === "standing" ? "one_off" : r.kind;
      const list = [...d.data.resolutions];
      list[index] = { ...r, deadline, kind };
      return { ok: true, value: { data: { ...d.data, resolutions: list }, step: `report:${index}` } };
    });
  }

  /** Whom resolution i reports to; null = the secretariat. Then on to the next resolution, or the review. */
  setReportTo(actor: StaffActor, draftId: number, index: number, reportTo: string | null): Promise<DraftResult> {
    return this.#change(actor, draftId, (d) => {
      const r = d.data.resolutions[index];
      if (!r) return refuse("no_such_resolution");
      const list = [...d.data.resolutions];
      const clean = reportTo === null ? null : normalisePersian(reportTo) || null;
      list[index] = { ...r, reportTo: clean };
      const next = list.findIndex((x, i) => i > index && (!x.partiesConfirmed || !x.deadline));
      return { ok: true, value: { data: { ...d.data, resolutions: list }, step: next >= 0 ? `parties:${next}` : "review" } };
    });
  }

  /**
   * Publishes: the meeting and its resolutions are written (and the draft marked with the meeting)
   * in one transaction, then the PublishingService delivers them. A crash in between is finished
   * by publishing again; a draft already published is refused.
   */
  async publish(actor: StaffActor, draftId: number): Promise<DraftResult<PublishReport>> {
    const now = this.clock.now();
    const prepared = await this.db.$transaction(async (tx) => {
      const row = await tx.meetingDraft.findUnique({ where: { id: draftId } });
      if (!row || row.personId !== actor.personId || row.discardedAt || !(await holdsRole(tx, actor.personId, row.committeeId, MANAGE)))
        return refuse("forbidden");
      if (row.publishedAt) return refuse("already_published");
      const committee = await tx.committee.findUniqueOrThrow({ where: { id: row.committeeId }, select: { code: true, calendar: true } });
      if (row.meetingId !== null) {
        const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: row.meetingId }, select: { number: true } });
        return { ok: true as const, value: { number: meeting.number, committeeCode: committee.code } };
      }
      const data = row.data as unknown as DraftData;
      const incomplete = data.resolutions.findIndex((r) => !r.partiesConfirmed || !r.deadline);
      if (!data.title || !data.heldOn || data.resolutions.length === 0 || incomplete >= 0)
        return refuse("incomplete", { n: incomplete >= 0 ? incomplete + 1 : 0 });
      const calendar = workCalendarOf(committee.calendar);
      for (const r of data.resolutions) {
        if (r.deadline?.kind === "date") {
          const still = resolveDeadline({ kind: "date", date: r.deadline.date }, toJalali(now), now, calendar);
          if (!still.ok) return refuse(still.error.code, still.error.params as Record<string, string | number> | undefined);
        }
      }
      const number = await this.#meetingNumber(tx, row.committeeId, data.heldOn);
      const heldOn = jalaliToInstant(data.heldOn);
      // The attendance from the day's notice goes on the meeting as it is now (corrections included).
      const attendance = await attendanceOnDay(tx, row.committeeId, heldOn);
      const meeting = await tx.meeting.create({
        data: {
          committeeId: row.committeeId,
          number,
          heldOn,
          title: data.title,
          minutes: data.minutes,
          ...(attendance ? { attendees: attendance.entries as unknown as Prisma.InputJsonValue } : {}),
          createdAt: now,
          resolutions: {
            create: data.resolutions.map((r, i) => ({
              number: i + 1,
              text: r.text,
              kind: r.kind,
              leadAll: r.leadAll,
              deadline: r.deadline?.kind === "date" ? deadlineInstant(r.deadline.date) : null,
              reportTo: r.reportTo,
              createdAt: now,
              parties: { create: r.agencyIds.map((agencyId, j) => ({ agencyId, role: j === 0 ? "lead" : "co" })) },
            })),
          },
        },
      });
      // The notice now belongs to the meeting: a later save of its sheet corrects this meeting's attendance.
      if (attendance?.noticeId)
        await tx.notice.updateMany({ where: { id: attendance.noticeId, meetingId: null }, data: { meetingId: meeting.id } });
      await tx.meetingDraft.update({ where: { id: draftId }, data: { meetingId: meeting.id, step: "publishing" } });
      await audit(
        tx,
        auditActor(actor),
        "meeting.recorded",
        "Meeting",
        meeting.id,
        {
          draftId,
          resolutions: data.resolutions.length,
          noticeId: attendance?.noticeId ?? null,
          present: attendance?.entries.filter((e) => e.present).length ?? null,
        },
        now,
      );
      return { ok: true as const, value: { number, committeeCode: committee.code } };
    });
    if (!prepared.ok) return prepared;
    const report = await this.publishing.publish({
      meetingNumber: prepared.value.number,
      committeeCode: prepared.value.committeeCode,
      actor: auditActor(actor),
    });
    await this.db.meetingDraft.update({ where: { id: draftId }, data: { publishedAt: now, step: "published" } });
    return { ok: true, value: report };
  }

  /** «1405-09»: the year and the next number after the committee's meetings of that year. */
  async #meetingNumber(tx: Prisma.TransactionClient, committeeId: number, heldOn: JalaliDate): Promise<string> {
    const numbers = (
      await tx.meeting.findMany({ where: { committeeId, number: { startsWith: `${heldOn.jy}-` } }, select: { number: true } })
    ).map((m) => m.number);
    const taken = new Set(numbers);
    let n = Math.max(0, ...numbers.map((m) => Number(/^\d+-(\d+)$/.exec(m)?.[1] ?? 0))) + 1;
    while (taken.has(`${heldOn.jy}-${String(n).padStart(2, "0")}`)) n++;
    return `${heldOn.jy}-${String(n).padStart(2, "0")}`;
  }

  async #editList(
    actor: StaffActor,
    draftId: number,
    index: number,
    edit: (list: DraftResolution[], agencies: KnownAgency[]) => DraftResolution[] | undefined,
  ): Promise<DraftResult> {
    return this.#change(actor, draftId, (d, _calendar, agencies) => {
      if (!d.data.resolutions[index]) return refuse("no_such_resolution");
      const list = edit([...d.data.resolutions], agencies);
      if (!list) return refuse("no_such_resolution");
      return { ok: true, value: { data: { ...d.data, resolutions: list }, step: "list" } };
    });
  }

  /** Reads the draft, checks the person, applies `apply`, and saves data and step in one transaction. */
  async #change(
    actor: StaffActor,
    draftId: number,
    apply: (
      draft: Draft,
      calendar: ReturnType<typeof workCalendarOf>,
      agencies: KnownAgency[],
    ) => DraftResult<{ data: DraftData; step: string }>,
  ): Promise<DraftResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const row = await tx.meetingDraft.findUnique({ where: { id: draftId } });
      if (!row || row.personId !== actor.personId || row.discardedAt || !(await holdsRole(tx, actor.personId, row.committeeId, MANAGE)))
        return refuse("forbidden");
      if (row.publishedAt || row.meetingId !== null) return refuse("already_published");
      const draft = await this.#load(row, tx);
      const committee = await tx.committee.findUniqueOrThrow({ where: { id: row.committeeId }, select: { calendar: true } });
      const result = apply(draft, workCalendarOf(committee.calendar), draft.agencies);
      if (!result.ok) return result;
      const saved = await tx.meetingDraft.update({
        where: { id: draftId },
        data: { data: result.value.data as unknown as Prisma.InputJsonValue, step: result.value.step, active: true, updatedAt: now },
      });
      // Read again: a new day brings that day's attendance.
      return { ok: true, value: await this.#load(saved, tx) };
    });
  }

  async #load(
    row: { id: number; committeeId: number; step: string; active: boolean; data: unknown; updatedAt: Date; meetingId: number | null },
    tx: Prisma.TransactionClient | Db = this.db,
  ): Promise<Draft> {
    const committee = await tx.committee.findUniqueOrThrow({
      where: { id: row.committeeId },
      select: {
        name: true,
        agencies: { select: { agency: { select: { id: true, name: true, kind: true } } }, orderBy: { agencyId: "asc" } },
      },
    });
    const data: DraftData = { ...EMPTY, ...(row.data as Partial<DraftData>) };
    return {
      id: row.id,
      committeeId: row.committeeId,
      committeeName: committee.name,
      step: row.step,
      active: row.active,
      data,
      agencies: committee.agencies.map((a) => a.agency),
      attendance: await this.#attendance(tx, row.committeeId, row.meetingId, data.heldOn),
      updatedAt: row.updatedAt,
    };
  }

  /** The meeting's own attendance once it is recorded (publishing resumed), else the day's notice. */
  async #attendance(
    tx: Prisma.TransactionClient | Db,
    committeeId: number,
    meetingId: number | null,
    heldOn: JalaliDate | null,
  ): Promise<DayAttendance | undefined> {
    if (meetingId !== null) {
      const meeting = await tx.meeting.findUnique({
        where: { id: meetingId },
        select: { attendees: true, notices: { select: { id: true, title: true }, orderBy: { id: "desc" }, take: 1 } },
      });
      const notice = meeting?.notices[0];
      if (meeting && isAttendanceList(meeting.attendees))
        return { noticeId: notice?.id ?? null, noticeTitle: notice?.title ?? null, entries: meeting.attendees };
    }
    return heldOn ? attendanceOnDay(tx, committeeId, jalaliToInstant(heldOn)) : undefined;
  }
}
