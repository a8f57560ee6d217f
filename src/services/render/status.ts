/**
 * `/status` as messages: the committee overview on one screen, then the screens its buttons open
 * (the agencies, one agency's detail, the overdue list, weekly-report compliance, indicators and
 * quotas); an agency member's own screen. Only agency names appear, never people's.
 *
 * Pure rendering of figures computed in domain/reports; `button` makes each button's callback data.
 */
import type {
  AgencyFigures,
  CommitteeFigures,
  ComplianceCounts,
  OverdueItem,
  PeriodKind,
  QuotaProgress,
} from "../../domain/reports/index.js";
import type { Translate } from "../../i18n/index.js";
import type { InlineButton, OutgoingMessage } from "../../outbox/outbox.js";
import type { CommitteeRef, StatusView } from "../reports/figures.js";
import { formatsFor } from "./format.js";
import { periodLabel } from "./period.js";

export const STATUS_SCREENS = ["overview", "agencies", "agency", "overdue", "compliance", "indicators"] as const;
export type StatusScreen = (typeof STATUS_SCREENS)[number];

/** What a button opens: a screen of a period (and, for one agency's detail, which one). */
export interface StatusTarget {
  screen: StatusScreen;
  period: PeriodKind;
  /** The agency of an `agency` screen, or the page of the `agencies` list. */
  id?: number;
}

export type StatusButton = (target: StatusTarget) => string;

/** Lines of a list shown before "and N more": a screen stays well inside a message's 4096 characters. */
export const STATUS_LIST_LIMIT = 15;
const AGENCY_PAGE = 8;
const PERIODS: readonly PeriodKind[] = ["month", "season", "year", "all"];

type Fmt = ReturnType<typeof formatsFor>;

function share(t: Translate, f: Fmt, value: number | null): string {
  return value === null ? t("status-none") : t("chart-percent", { value: f.number(Math.round(value * 100)) });
}

function complianceText(t: Translate, c: ComplianceCounts): string {
  return c.due === 0 ? t("status-compliance-none") : t("status-compliance", { onTime: c.onTime, late: c.late, missing: c.missing });
}

function header(t: Translate, committee: CommitteeRef, figures: Pick<CommitteeFigures, "now" | "period">): string[] {
  const f = formatsFor(t);
  return [
    t("status-title", { committee: committee.name }),
    t("status-period", { period: periodLabel(figures.period, t), date: f.date(figures.now) }),
  ];
}

function figureLines(t: Translate, fig: AgencyFigures | CommitteeFigures["committee"]): string[] {
  const f = formatsFor(t);
  const lines = [
    t("status-realization", { share: share(t, f, fig.realization), done: fig.done, countable: fig.countable }),
    t("status-progress", { share: share(t, f, fig.averageProgress === null ? null : fig.averageProgress / 100) }),
    fig.overdue > 0 ? t("status-overdue", { count: fig.overdue, days: fig.worstLateness }) : t("status-overdue-none"),
    t("status-on-time", { share: share(t, f, fig.onTimeShare) }),
    t("status-compliance-4", { text: complianceText(t, fig.compliance4) }),
  ];
  if (fig.standing + fig.cancelled > 0) lines.push(t("status-excluded", { standing: fig.standing, cancelled: fig.cancelled }));
  return lines;
}

function periodButtons(t: Translate, button: StatusButton, target: StatusTarget): InlineButton[] {
  return PERIODS.filter((p) => p !== target.period).map((period) => ({
    text: t(`status-button-period-${period}`),
    callback_data: button({ ...target, period }),
  }));
}

function more(t: Translate, count: number): string[] {
  return count > 0 ? [t("status-more", { count })] : [];
}

/** The first screen: the committee overview, or an agency member's own figures. */
export function renderStatus(view: StatusView, t: Translate, button: StatusButton, period: PeriodKind): OutgoingMessage {
  if (view.scope === "agency") return renderOwnAgency(view, t, button, period);
  const { figures } = view;
  const f = formatsFor(t);
  const lines = [...header(t, view.committee, figures), "", ...figureLines(t, figures.committee), "", t("status-agencies-worst-first")];
  const listed = figures.agencies.slice(0, STATUS_LIST_LIMIT);
  listed.forEach((a, i) => lines.push(agencyLine(t, f, a, i + 1)));
  lines.push(...more(t, figures.agencies.length - listed.length));
  const target = { screen: "overview", period } as const;
  return {
    text: lines.join("\n"),
    buttons: [
      [
        { text: t("status-button-agencies"), callback_data: button({ screen: "agencies", period, id: 1 }) },
        { text: t("status-button-overdue"), callback_data: button({ screen: "overdue", period }) },
      ],
      [
        { text: t("status-button-compliance"), callback_data: button({ screen: "compliance", period }) },
        { text: t("status-button-indicators"), callback_data: button({ screen: "indicators", period }) },
      ],
      periodButtons(t, button, target),
    ],
  };
}

function agencyLine(t: Translate, f: Fmt, a: AgencyFigures, rank: number): string {
  return t(a.overdue > 0 ? "status-agency-line-overdue" : "status-agency-line", {
    rank: f.digits(rank),
    name: a.agency.name,
    share: share(t, f, a.realization),
    overdue: a.overdue,
  });
}

function renderOwnAgency(
  view: Extract<StatusView, { scope: "agency" }>,
  t: Translate,
  button: StatusButton,
  period: PeriodKind,
): OutgoingMessage {
  const lines = [
    ...header(t, view.committee, view.figures),
    t("status-agency-heading", { agency: view.agency.agency.name }),
    "",
    ...figureLines(t, view.agency),
    t("status-committee-realization", { share: share(t, formatsFor(t), view.committeeRealization) }),
    ...indicatorLines(t, view.figures.indicators, view.agency.indicatorTotals, view.agency.quotas),
    ...overdueLines(t, view.overdue, false),
  ];
  return { text: lines.join("\n"), buttons: [periodButtons(t, button, { screen: "overview", period })] };
}

/** The list of agencies as buttons, a page at a time. */
export function renderAgencyList(
  committee: CommitteeRef,
  figures: CommitteeFigures,
  t: Translate,
  button: StatusButton,
  page: number,
): OutgoingMessage {
  const f = formatsFor(t);
  const pages = Math.max(1, Math.ceil(figures.agencies.length / AGENCY_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = figures.agencies.slice((current - 1) * AGENCY_PAGE, current * AGENCY_PAGE);
  const period = figures.period.kind === "range" ? "all" : figures.period.kind;
  const rows: InlineButton[][] = slice.map((a) => [
    { text: `${a.agency.name} — ${share(t, f, a.realization)}`, callback_data: button({ screen: "agency", period, id: a.agency.id }) },
  ]);
  const nav: InlineButton[] = [];
  if (current > 1) nav.push({ text: t("status-button-previous"), callback_data: button({ screen: "agencies", period, id: current - 1 }) });
  if (current < pages) nav.push({ text: t("status-button-next"), callback_data: button({ screen: "agencies", period, id: current + 1 }) });
  if (nav.length > 0) rows.push(nav);
  rows.push([backButton(t, button, period)]);
  return { text: [...header(t, committee, figures), "", t("status-choose-agency", { page: current, pages })].join("\n"), buttons: rows };
}

function backButton(t: Translate, button: StatusButton, period: PeriodKind): InlineButton {
  return { text: t("status-button-back"), callback_data: button({ screen: "overview", period }) };
}

/** One agency's detail, as the secretariat and the governorate see it. */
export function renderAgencyDetail(
  committee: CommitteeRef,
  figures: CommitteeFigures,
  agency: AgencyFigures,
  t: Translate,
  button: StatusButton,
  period: PeriodKind,
): OutgoingMessage {
  const s = agency.byStatus;
  const lines = [
    ...header(t, committee, figures),
    t("status-agency-heading", { agency: agency.agency.name }),
    "",
    ...figureLines(t, agency),
    t("status-compliance-12", { text: complianceText(t, agency.compliance12) }),
    t("status-by-status", {
      assigned: s.assigned,
      acknowledged: s.acknowledged,
      inProgress: s.in_progress,
      reportedDone: s.reported_done,
      done: s.done,
      blocked: s.blocked,
      cancelled: s.cancelled,
    }),
    ...indicatorLines(t, figures.indicators, agency.indicatorTotals, agency.quotas),
    ...overdueLines(
      t,
      figures.overdue.filter((o) => o.agency.id === agency.agency.id),
      false,
    ),
  ];
  return {
    text: lines.join("\n"),
    buttons: [
      [{ text: t("status-button-agencies"), callback_data: button({ screen: "agencies", period, id: 1 }) }, backButton(t, button, period)],
    ],
  };
}

function overdueLines(t: Translate, items: readonly OverdueItem[], withAgency: boolean): string[] {
  if (items.length === 0) return [];
  const f = formatsFor(t);
  const shown = items.slice(0, STATUS_LIST_LIMIT);
  return [
    "",
    t("status-overdue-heading", { count: items.length }),
    ...shown.map((o) =>
      t(withAgency ? "status-overdue-item-agency" : "status-overdue-item", {
        agency: o.agency.name,
        resolution: f.digits(o.resolutionNumber),
        meeting: f.digits(o.meetingNumber),
        days: o.workingDaysLate,
        deadline: f.date(o.deadline),
      }),
    ),
    ...more(t, items.length - shown.length),
  ];
}

/** Every overdue item, the latest first. */
export function renderOverdue(
  committee: CommitteeRef,
  figures: CommitteeFigures,
  t: Translate,
  button: StatusButton,
  period: PeriodKind,
): OutgoingMessage {
  const lines = [
    ...header(t, committee, figures),
    ...(figures.overdue.length === 0 ? ["", t("status-overdue-none")] : overdueLines(t, figures.overdue, true)),
  ];
  return { text: lines.join("\n"), buttons: [[backButton(t, button, period)]] };
}

/** Weekly-report compliance per agency, the most missing first. */
export function renderCompliance(
  committee: CommitteeRef,
  figures: CommitteeFigures,
  t: Translate,
  button: StatusButton,
  period: PeriodKind,
): OutgoingMessage {
  const agencies = [...figures.agencies].sort(
    (a, b) =>
      b.compliance4.missing - a.compliance4.missing ||
      b.compliance12.missing - a.compliance12.missing ||
      a.agency.name.localeCompare(b.agency.name, "fa"),
  );
  const shown = agencies.slice(0, STATUS_LIST_LIMIT);
  const lines = [
    ...header(t, committee, figures),
    "",
    t("status-compliance-4", { text: complianceText(t, figures.committee.compliance4) }),
    t("status-compliance-12", { text: complianceText(t, figures.committee.compliance12) }),
    "",
    t("status-compliance-heading"),
    ...shown.map((a) =>
      t("status-compliance-agency", {
        agency: a.agency.name,
        last4: complianceText(t, a.compliance4),
        last12: complianceText(t, a.compliance12),
      }),
    ),
    ...more(t, agencies.length - shown.length),
  ];
  return { text: lines.join("\n"), buttons: [[backButton(t, button, period)]] };
}

function quotaLine(t: Translate, q: QuotaProgress): string {
  const f = formatsFor(t);
  const pace =
    q.remaining === 0
      ? t("chart-quota-reached")
      : q.pacePerWeek === null
        ? t("chart-quota-missed")
        : t("chart-quota-pace", { pace: f.number(Math.ceil(q.pacePerWeek)), unit: q.unit ?? "", weeks: q.weeksLeft });
  return t("status-quota", {
    label: q.label,
    year: f.digits(q.year),
    achieved: f.number(q.achieved),
    target: f.number(q.target),
    unit: q.unit ?? "",
    share: share(t, f, q.share),
    pace,
  });
}

function indicatorLines(
  t: Translate,
  indicators: CommitteeFigures["indicators"],
  totals: Readonly<Record<string, number>>,
  quotas: readonly QuotaProgress[],
): string[] {
  if (indicators.length === 0) return [];
  const f = formatsFor(t);
  return [
    "",
    t("status-indicators-heading"),
    ...indicators.map((i) => t("status-indicator", { label: i.label, total: f.number(totals[i.key] ?? 0), unit: i.unit ?? "" })),
    ...quotas.map((q) => quotaLine(t, q)),
  ];
}

/** The committee's indicator totals for the period, its quotas, and each agency's totals. */
export function renderIndicators(
  committee: CommitteeRef,
  figures: CommitteeFigures,
  t: Translate,
  button: StatusButton,
  period: PeriodKind,
): OutgoingMessage {
  const f = formatsFor(t);
  const first = figures.indicators[0];
  const agencies = first
    ? [...figures.agencies].sort((a, b) => (b.indicatorTotals[first.key] ?? 0) - (a.indicatorTotals[first.key] ?? 0))
    : [];
  const shown = agencies.slice(0, STATUS_LIST_LIMIT);
  const lines = [
    ...header(t, committee, figures),
    ...(figures.indicators.length === 0
      ? ["", t("status-indicators-none")]
      : indicatorLines(t, figures.indicators, figures.committee.indicatorTotals, figures.committee.quotas)),
    ...(first
      ? [
          "",
          t("status-indicators-by-agency", { label: first.label }),
          ...shown.map((a) =>
            t("status-indicator-agency", {
              agency: a.agency.name,
              total: f.number(a.indicatorTotals[first.key] ?? 0),
              unit: first.unit ?? "",
            }),
          ),
          ...more(t, agencies.length - shown.length),
        ]
      : []),
  ];
  return { text: lines.join("\n"), buttons: [[backButton(t, button, period)]] };
}

/**
 * The weekly digest to the working group (its bound group chats, and governorate members who
 * asked for it): the standing of each agency as /status shows it, the overdue items, and the
 * indicator totals of the week just due. Agency names only, never people's; no buttons (a group
 * is no place for them).
 */
export function renderWeeklyDigest(
  committee: CommitteeRef,
  standing: CommitteeFigures,
  week: Pick<CommitteeFigures, "indicators" | "committee"> & { label: string },
  t: Translate,
): OutgoingMessage {
  const f = formatsFor(t);
  const listed = standing.agencies.slice(0, STATUS_LIST_LIMIT);
  const weekTotals =
    week.indicators.length === 0
      ? []
      : [
          "",
          t("weekly-digest-week-indicators", { week: week.label }),
          ...week.indicators.map((i) =>
            t("status-indicator", { label: i.label, total: f.number(week.committee.indicatorTotals[i.key] ?? 0), unit: i.unit ?? "" }),
          ),
        ];
  const lines = [
    t("weekly-digest-title", { committee: committee.name }),
    t("status-period", { period: periodLabel(standing.period, t), date: f.date(standing.now) }),
    "",
    ...figureLines(t, standing.committee),
    "",
    t("status-agencies-worst-first"),
    ...listed.map((a, i) => agencyLine(t, f, a, i + 1)),
    ...more(t, standing.agencies.length - listed.length),
    // figureLines says when nothing is overdue; the list comes only when something is.
    ...overdueLines(t, standing.overdue, true),
    ...weekTotals,
  ];
  return { text: lines.join("\n") };
}
