/**
 * The items of the committees a person oversees, for /items: filtered by agency, status or
 * overdue, most urgent first; and one item with everything shown about it.
 */
import type { Db } from "../../db/client.js";
import { compareUrgency } from "../../domain/assignments/deadline.js";
import type { Prisma } from "../../db/client.js";
import type { Clock } from "../../shared/clock.js";
import { loadAssignmentViews, type LoadedView } from "../assignments/index.js";
import { pageOf } from "../render/assignment.js";
import { committeeIdsOf, holdsRole, itemFor, MANAGE, OVERSEE, type StaffActor } from "./access.js";

export interface ItemFilter {
  agencyId?: number;
  /** One status, or "open" for everything still followed up. */
  status?: string;
  overdue?: boolean;
}

export interface StaffItems {
  /** Whether the person is secretariat (may change items) or only governorate (may read and instruct). */
  manage: boolean;
  /** The items of the page asked for, most urgent first. */
  items: LoadedView[];
  /** The page shown (clamped to the list: a page past the end shows the last), and how many there are. */
  page: number;
  pageCount: number;
  /** Items matching the filter, on every page. */
  total: number;
  /** The list position of the page's first item (1-based), for its numbered lines. */
  firstPosition: number;
}

/** Items per /items page: with their numbered buttons and the filters, a page still fits a phone screen. */
export const ITEMS_PAGE_SIZE = 15;

export interface CommitteeAgencyRef {
  id: number;
  name: string;
  kind: string;
}

export class ItemQueryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the items matching `filter`; undefined when the person oversees no committee.
   * The whole list is ordered on a few columns, and only the page's items are loaded in full.
   */
  async list(actor: StaffActor, filter: ItemFilter = {}, page = 1): Promise<StaffItems | undefined> {
    const committees = await committeeIdsOf(this.db, actor.personId, OVERSEE);
    if (committees.length === 0) return undefined;
    const manage = (await committeeIdsOf(this.db, actor.personId, MANAGE)).length > 0;
    const now = this.clock.now();
    const where: Prisma.AssignmentWhereInput = {
      resolution: { meeting: { committeeId: { in: committees } } },
      ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
      ...(filter.status && filter.status !== "open" ? { status: filter.status } : { status: { notIn: ["done", "cancelled"] } }),
      ...(filter.overdue ? { deadline: { lt: now }, status: { notIn: ["done", "cancelled"] } } : {}),
    };
    const keys = await this.db.assignment.findMany({
      where,
      select: {
        id: true,
        deadline: true,
        agency: { select: { name: true } },
        resolution: { select: { number: true, meeting: { select: { heldOn: true } } } },
      },
    });
    const urgency = (k: (typeof keys)[number]) => ({
      deadline: k.deadline,
      meetingHeldOn: k.resolution.meeting.heldOn,
      resolutionNumber: k.resolution.number,
    });
    keys.sort((a, b) => compareUrgency(urgency(a), urgency(b)) || a.agency.name.localeCompare(b.agency.name, "fa") || a.id - b.id);
    const slice = pageOf(keys, page, ITEMS_PAGE_SIZE);
    const loaded = new Map((await loadAssignmentViews(this.db, { id: { in: slice.items.map((k) => k.id) } })).map((l) => [l.view.id, l]));
    const items = slice.items.map((k) => loaded.get(k.id)).filter((l): l is LoadedView => l !== undefined);
    return { manage, items, page: slice.page, pageCount: slice.pageCount, total: slice.total, firstPosition: slice.firstPosition };
  }

  /** One item as the secretariat or governorate sees it; undefined when it is not theirs to see. */
  async item(actor: StaffActor, assignmentId: number): Promise<{ loaded: LoadedView; manage: boolean } | undefined> {
    const facts = await itemFor(this.db, actor.personId, assignmentId, OVERSEE);
    if (!facts) return undefined;
    const [loaded] = await loadAssignmentViews(this.db, { id: assignmentId });
    return loaded ? { loaded, manage: await holdsRole(this.db, actor.personId, facts.committeeId, MANAGE) } : undefined;
  }

  /** The calendar configuration of an item's committee, for dialogs that read dates; undefined when not theirs. */
  async calendarOf(actor: StaffActor, assignmentId: number): Promise<unknown> {
    return (await itemFor(this.db, actor.personId, assignmentId, OVERSEE))?.calendar;
  }

  /** The agencies of the committees this person oversees, by name (for filters and pickers). */
  async agencies(actor: StaffActor): Promise<CommitteeAgencyRef[]> {
    const committees = await committeeIdsOf(this.db, actor.personId, OVERSEE);
    const rows = await this.db.committeeAgency.findMany({
      where: { committeeId: { in: committees } },
      select: { agency: { select: { id: true, name: true, kind: true } } },
    });
    const unique = new Map(rows.map((r) => [r.agency.id, r.agency]));
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name, "fa"));
  }
}
