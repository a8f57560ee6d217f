/**
 * The Excel export of a committee: for an operator (`peygir export`) or, in chat, for a member of
 * its secretariat only (checked here, from the database, on every call).
 */
import type { I18n } from "@grammyjs/i18n";
import type { Db } from "../../db/client.js";
import { jalaliKey, toJalali } from "../../domain/calendar/index.js";
import { type ReportPeriod, periodContaining } from "../../domain/reports/index.js";
import { writeWorkbook } from "../../exports/workbook.js";
import { translatorFor } from "../../i18n/index.js";
import type { Clock } from "../../shared/clock.js";
import { loadExportData } from "./export-data.js";
import { committeeIdOf } from "./figures.js";

export interface Workbook {
  fileName: string;
  bytes: Buffer;
  rows: { assignments: number; history: number; reports: number; notices: number };
}

export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly i18n: I18n<never>,
  ) {}

  /** For operators: no access check. Without a period, everything. */
  async workbookOf(committeeCode: string, period?: ReportPeriod): Promise<Workbook> {
    return this.#workbook(await committeeIdOf(this.db, committeeCode), period ?? periodContaining("all", this.clock.now()));
  }

  /** For the secretariat in chat: undefined unless the person is on the committee's secretariat. */
  async workbookFor(personId: number, committeeId: number): Promise<Workbook | undefined> {
    const secretary = await this.db.membership.findFirst({
      where: { personId, committeeId, role: "secretariat", active: true },
      select: { id: true },
    });
    if (!secretary) return undefined;
    return this.#workbook(committeeId, periodContaining("all", this.clock.now()));
  }

  /** Committees whose records the person may export (they are on the secretariat). */
  async exportableCommittees(personId: number): Promise<{ id: number; code: string; name: string }[]> {
    const memberships = await this.db.membership.findMany({
      where: { personId, role: "secretariat", active: true, committeeId: { not: null } },
      select: { committee: { select: { id: true, code: true, name: true } } },
      orderBy: { id: "asc" },
    });
    return memberships.flatMap((m) => (m.committee ? [m.committee] : []));
  }

  async #workbook(committeeId: number, period: ReportPeriod): Promise<Workbook> {
    const now = this.clock.now();
    const data = await loadExportData(this.db, committeeId, now, period);
    // The workbook is for the secretariat's records: Persian, whatever a reader's chat language.
    const bytes = await writeWorkbook(data, translatorFor(this.i18n, "fa"));
    const day = jalaliKey(toJalali(now)).replace(/\//g, "-");
    return {
      fileName: `peygir-${data.committee.code}-${day}.xlsx`,
      bytes,
      rows: {
        assignments: data.assignments.length,
        history: data.history.length,
        reports: data.reports.length,
        notices: data.notices.length,
      },
    };
  }
}
