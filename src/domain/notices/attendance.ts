/**
 * The attendance of a meeting as the secretariat records it: one entry per agency (and the
 * governorate), first taken from the RSVP answers, then corrected by hand. This is the shape
 * stored on Meeting.attendees.
 */
import type { NoticeTally, UnitTally } from "./tally.js";

export interface AttendanceEntry {
  /** null for the governorate. */
  agencyId: number | null;
  agency: string | null;
  present: boolean;
  /** Who came (or was expected): the delegate, or the person who answered. */
  name: string | null;
  /** The delegate's post, or the answering person's role (head | liaison | governorate). */
  post: string | null;
  delegate: boolean;
  /** rsvp: as answered; secretariat: corrected by hand. */
  source: "rsvp" | "secretariat";
}

function entryOf(unit: UnitTally): AttendanceEntry {
  const c = unit.counted;
  const answer = c?.answer?.answer;
  const delegate = answer === "delegate";
  return {
    agencyId: unit.agencyId,
    agency: unit.agencyName,
    present: answer === "attending" || delegate,
    name: delegate ? (c?.answer?.delegateName ?? null) : (c?.personName ?? null),
    post: delegate ? (c?.answer?.delegatePost ?? null) : (c?.role ?? null),
    delegate,
    source: "rsvp",
  };
}

export function attendanceFromTally(tally: NoticeTally): AttendanceEntry[] {
  return [...tally.agencies, ...(tally.governorate ? [tally.governorate] : [])].map(entryOf);
}

/** Flips one agency's presence (agencyId null: the governorate), marking it corrected by hand. */
export function toggleAttendance(entries: readonly AttendanceEntry[], agencyId: number | null): AttendanceEntry[] {
  return entries.map((e) => (e.agencyId === agencyId ? { ...e, present: !e.present, source: "secretariat" } : e));
}

export function isAttendanceList(json: unknown): json is AttendanceEntry[] {
  return Array.isArray(json) && json.every((e) => typeof e === "object" && e !== null && "present" in e && "agencyId" in e);
}
