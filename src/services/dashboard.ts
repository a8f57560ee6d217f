/**
 * What the web dashboard shows, with the reader's rights checked here on every call, from the
 * database: the secretariat and the governorate of a committee see all of it; an agency's head or
 * liaison sees their own agency's page only. The figures are the report service's (the same as
 * /status, the chart, the workbook and the CLI).
 */
import type { Db } from "../db/client.js";
import { tallyNotice, type NoticeTally } from "../domain/notices/index.js";
import type { CommitteeFigures, AgencyFigures } from "../domain/reports/index.js";
import { recipientFacts } from "./notices/common.js";
import type { CommitteeRef, ReportService } from "./reports/figures.js";
import { historyEntriesOf, type HistoryEntry } from "./secretariat/item-history.js";

export interface DashboardAccess {
  committee: CommitteeRef;
  /** "all" for the secretariat and the governorate; otherwise the agencies the reader belongs to. */
  agencyIds: number[] | "all";
}

export interface AgencyItem {
  assignmentId: number;
  meetingNumber: string;
  resolutionNumber: number;
  text: string;
  status: string;
  percent: number;
  deadline: Date | null;
  blockedReason: string | null;
  history: HistoryEntry[];
}

export interface NoticeSummary {
  id: number;
  title: string;
  meetingAt: Date | null;
  location: string | null;
  status: string;
  tally: NoticeTally;
}

export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly reports: ReportService,
  ) {}

  /** The committees the person may open, secretariat and governorate ones first (empty: no dashboard). */
  async committeesOf(personId: number): Promise<DashboardAccess[]> {
    return this.reports.visibleCommittees(personId);
  }

  /** The person's access to one committee, or undefined when they have none. */
  async accessTo(personId: number, committeeId: number): Promise<DashboardAccess | undefined> {
    return (await this.committeesOf(personId)).find((c) => c.committee.id === committeeId);
  }

  /**
   * The whole committee's figures, for its secretariat and governorate only. `access` is what
   * accessTo answered for this request (the pages ask once per request, not once per part).
   */
  async overview(access: DashboardAccess | undefined): Promise<{ committee: CommitteeRef; figures: CommitteeFigures } | undefined> {
    if (access?.agencyIds !== "all") return undefined;
    return this.reports.committeeReport(access.committee.code);
  }

  /** One agency's figures and items with their history, when the person (`access`, from accessTo) may see that agency. */
  async agencyPage(
    access: DashboardAccess | undefined,
    agencyId: number,
  ): Promise<{ committee: CommitteeRef; agency: AgencyFigures; committeeRealization: number | null; items: AgencyItem[] } | undefined> {
    if (!access || (access.agencyIds !== "all" && !access.agencyIds.includes(agencyId))) return undefined;
    const committeeId = access.committee.id;
    const { figures } = await this.reports.committeeReport(access.committee.code);
    const agency = figures.agencies.find((a) => a.agency.id === agencyId);
    if (!agency) return undefined;
    const rows = await this.db.assignment.findMany({
      where: { agencyId, resolution: { meeting: { committeeId } } },
      select: {
        id: true,
        status: true,
        percent: true,
        deadline: true,
        blockedReason: true,
        resolution: { select: { number: true, text: true, meeting: { select: { number: true } } } },
      },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
    });
    const items: AgencyItem[] = [];
    for (const row of rows) {
      items.push({
        assignmentId: row.id,
        meetingNumber: row.resolution.meeting.number,
        resolutionNumber: row.resolution.number,
        text: row.resolution.text,
        status: row.status,
        percent: row.percent,
        deadline: row.deadline,
        blockedReason: row.blockedReason,
        history: await historyEntriesOf(this.db, row.id),
      });
    }
    return { committee: access.committee, agency, committeeRealization: figures.committee.realization, items };
  }

  /** The committee's sent notices with their RSVP tally, latest first; secretariat and governorate only (`access`, from accessTo). */
  async notices(access: DashboardAccess | undefined, take = 20): Promise<NoticeSummary[] | undefined> {
    if (access?.agencyIds !== "all") return undefined;
    const committeeId = access.committee.id;
    const notices = await this.db.notice.findMany({
      where: { committeeId, status: { in: ["sent", "cancelled"] } },
      select: { id: true, title: true, meetingAt: true, location: true, status: true },
      orderBy: { id: "desc" },
      take,
    });
    const out: NoticeSummary[] = [];
    for (const n of notices) out.push({ ...n, tally: tallyNotice(await recipientFacts(this.db as never, n.id)) });
    return out;
  }
}
