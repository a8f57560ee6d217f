/** A report period's name in the reader's language: "آذر ۱۴۰۵", "پاییز ۱۴۰۵", "سال ۱۴۰۵". */
import { jalaliMonthName } from "../../domain/calendar/index.js";
import type { ReportPeriod } from "../../domain/reports/index.js";
import type { Translate } from "../../i18n/index.js";
import { formatsFor } from "./format.js";

export function periodLabel(period: ReportPeriod, t: Translate): string {
  if (period.kind === "all") return t("report-period-all");
  if (period.kind === "range")
    return t("report-period-range", { from: formatsFor(t).date(period.from), to: formatsFor(t).date(new Date(period.to.getTime() - 1)) });
  const year = formatsFor(t).digits(period.year);
  if (period.kind === "year") return t("report-period-year", { year });
  if (period.kind === "season") return t("report-period-season", { season: t(`report-season-${period.season}`), year });
  return t("report-period-month", { month: jalaliMonthName(period.month ?? 1), year });
}
