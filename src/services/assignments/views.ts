/**
 * What is shown about an assignment (its card, a /tasks line, a staff screen): the rows with
 * everything a message needs, loaded in one query, and the order /tasks lists them in.
 */
import type { Prisma, Tx } from "../../db/client.js";
import { assignmentViewRows, type AssignmentViewRow } from "../../db/sql/assignment-view-rows.js";
import { compareUrgency } from "../../domain/assignments/deadline.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { AssignmentStatus, PartyRole, ResolutionKind } from "../../domain/vocabulary.js";
import { workCalendarOf } from "../calendars.js";
import type { AssignmentView } from "../render/assignment.js";

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

export interface LoadedView {
  view: AssignmentView;
  calendar: WorkCalendar;
}

function toLoadedView(row: AssignmentViewRow): LoadedView {
  const { resolution } = row;
  const partners = resolution.parties
    .filter((p) => p.agencyId !== row.agencyId)
    .sort((a, b) => (a.role === b.role ? a.agency.name.localeCompare(b.agency.name, "fa") : a.role === "lead" ? -1 : 1))
    .map((p) => ({ name: p.agency.name, role: p.role as PartyRole }));
  return {
    view: {
      id: row.id,
      status: row.status as AssignmentStatus,
      role: row.role as PartyRole,
      percent: row.percent,
      deadline: row.deadline,
      blockedReason: row.blockedReason,
      agency: row.agency,
      resolution: {
        number: resolution.number,
        text: resolution.text,
        kind: resolution.kind as ResolutionKind,
        leadAll: resolution.leadAll,
        reportTo: resolution.reportTo,
      },
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

/** The views of these assignments (in id order), read with plain SQL: for the scheduler, which loads a thousand at a time. */
export async function loadAssignmentViewsByIds(tx: Tx, ids: readonly number[]): Promise<LoadedView[]> {
  return (await assignmentViewRows(tx, ids)).map(toLoadedView);
}

/** A person's open items as /tasks lists them: by agency (in `agencyIds` order), the most urgent first. */
export function sortByUrgency(loaded: LoadedView[], agencyIds: number[]): LoadedView[] {
  const agencyOrder = new Map(agencyIds.map((id, index) => [id, index]));
  const urgency = (l: LoadedView) => ({
    deadline: l.view.deadline,
    meetingHeldOn: l.view.meeting.heldOn,
    resolutionNumber: l.view.resolution.number,
  });
  return loaded.sort(
    (a, b) => agencyOrder.get(a.view.agency.id)! - agencyOrder.get(b.view.agency.id)! || compareUrgency(urgency(a), urgency(b)),
  );
}
