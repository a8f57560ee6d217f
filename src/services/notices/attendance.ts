/**
 * After the meeting: the attendance sheet, first from the RSVP answers, corrected by the
 * secretariat one agency at a time, then saved on the meeting (Meeting.attendees) — the meeting
 * the notice is linked to, or the committee's meeting held on the notice's day. The secretariat's
 * minutes flow reads it from there, or through `forMeeting` when it records the meeting later.
 */
import type { Db, Tx } from "../../db/client.js";
import { tehranClock, jalaliToInstant } from "../../domain/calendar/index.js";
import { attendanceFromTally, isAttendanceList, tallyNotice, toggleAttendance, type AttendanceEntry } from "../../domain/notices/index.js";
import type { Clock } from "../../shared/clock.js";
import { audit } from "../audit.js";
import { noticeForSecretariat, NoticeError, recipientFacts, type NoticeActor } from "./common.js";

interface StoredAttendance {
  entries: AttendanceEntry[];
  savedAt: string | null;
  meetingId: number | null;
}

function storedOf(json: unknown): StoredAttendance | undefined {
  const s = json as Partial<StoredAttendance> | null;
  return s && isAttendanceList(s.entries) ? { entries: s.entries, savedAt: s.savedAt ?? null, meetingId: s.meetingId ?? null } : undefined;
}

export interface AttendanceSheet {
  noticeId: number;
  title: string;
  entries: AttendanceEntry[];
  savedAt: string | null;
  meetingId: number | null;
}

export class NoticeAttendanceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The sheet as it stands: saved or corrected entries, else the RSVP answers. */
  async sheet(actor: NoticeActor, noticeId: number): Promise<AttendanceSheet> {
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      return this.#sheetOf(tx, notice);
    });
  }

  async toggle(actor: NoticeActor, noticeId: number, agencyId: number | null): Promise<AttendanceSheet> {
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      const sheet = await this.#sheetOf(tx, notice);
      const entries = toggleAttendance(sheet.entries, agencyId);
      const stored: StoredAttendance = { entries, savedAt: null, meetingId: sheet.meetingId };
      await tx.notice.update({ where: { id: noticeId }, data: { attendance: stored as object } });
      return { ...sheet, entries, savedAt: null };
    });
  }

  /** Saves the sheet on the meeting; without a meeting recorded yet it stays on the notice until one is. */
  async save(actor: NoticeActor, noticeId: number): Promise<AttendanceSheet> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const notice = await noticeForSecretariat(tx, actor, noticeId);
      if (!notice.meetingAt || notice.meetingAt.getTime() > now.getTime())
        throw new NoticeError("not_started", "attendance is recorded after the meeting starts");
      const sheet = await this.#sheetOf(tx, notice);
      const meetingId = notice.meetingId ?? (await meetingOnDay(tx, notice.committeeId, notice.meetingAt));
      const stored: StoredAttendance = { entries: sheet.entries, savedAt: now.toISOString(), meetingId: meetingId ?? null };
      await tx.notice.update({ where: { id: noticeId }, data: { attendance: stored as object, ...(meetingId ? { meetingId } : {}) } });
      if (meetingId) await tx.meeting.update({ where: { id: meetingId }, data: { attendees: sheet.entries as object[] } });
      await audit(
        tx,
        { kind: "person", personId: actor.personId, platform: actor.platform },
        "notice.attendance",
        "Notice",
        noticeId,
        {
          meetingId: meetingId ?? null,
          present: sheet.entries.filter((e) => e.present).length,
        },
        now,
      );
      return { ...sheet, savedAt: stored.savedAt, meetingId: meetingId ?? null };
    });
  }

  /** The attendance recorded for a meeting, or held by a notice of that committee and day (for the minutes flow). */
  async forMeeting(meetingId: number): Promise<AttendanceEntry[] | undefined> {
    const meeting = await this.db.meeting.findUnique({
      where: { id: meetingId },
      select: { attendees: true, committeeId: true, heldOn: true },
    });
    if (!meeting) return undefined;
    if (isAttendanceList(meeting.attendees)) return meeting.attendees;
    return (await attendanceOnDay(this.db, meeting.committeeId, meeting.heldOn))?.entries;
  }

  async #sheetOf(tx: Tx, notice: { id: number; title: string; attendance: unknown; meetingId: number | null }): Promise<AttendanceSheet> {
    const stored = storedOf(notice.attendance);
    const entries = stored?.entries ?? attendanceFromTally(tallyNotice(await recipientFacts(tx, notice.id)));
    return {
      noticeId: notice.id,
      title: notice.title,
      entries,
      savedAt: stored?.savedAt ?? null,
      meetingId: stored?.meetingId ?? notice.meetingId,
    };
  }
}

/** The attendance of a committee's meeting day, as the minutes flow offers it. */
export interface DayAttendance {
  /** The notice it comes from (its sheet corrects it); null when it is what a meeting of that day already holds. */
  noticeId: number | null;
  noticeTitle: string | null;
  entries: AttendanceEntry[];
}

/**
 * The attendance of the committee's meeting on the Tehran day starting at `heldOn`: a sent notice's
 * sheet (as saved or corrected, else its RSVP answers), or else what a meeting of that day holds.
 * So a meeting recorded after its notice gets the attendance without anyone asking for it again.
 */
export async function attendanceOnDay(tx: Tx, committeeId: number, heldOn: Date): Promise<DayAttendance | undefined> {
  const notice = await tx.notice.findFirst({
    where: { committeeId, status: "sent", meetingAt: { gte: heldOn, lt: new Date(heldOn.getTime() + 86_400_000) } },
    orderBy: { id: "desc" },
    select: { id: true, title: true, attendance: true },
  });
  if (notice) {
    const entries = storedOf(notice.attendance)?.entries ?? attendanceFromTally(tallyNotice(await recipientFacts(tx, notice.id)));
    return { noticeId: notice.id, noticeTitle: notice.title, entries };
  }
  const meeting = await tx.meeting.findFirst({ where: { committeeId, heldOn }, orderBy: { id: "desc" }, select: { attendees: true } });
  return meeting && isAttendanceList(meeting.attendees) ? { noticeId: null, noticeTitle: null, entries: meeting.attendees } : undefined;
}

/** The committee's meeting held on the Tehran day of `at`, if it is recorded. */
async function meetingOnDay(tx: Tx, committeeId: number, at: Date): Promise<number | undefined> {
  const heldOn = jalaliToInstant(tehranClock(at).date);
  const meeting = await tx.meeting.findFirst({ where: { committeeId, heldOn }, select: { id: true }, orderBy: { id: "desc" } });
  return meeting?.id;
}
