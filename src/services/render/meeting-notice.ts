/**
 * A meeting notice as recipients read it (the preview shows exactly this), its reminders and
 * change announcements, and the secretariat's tracking view. Pure: (data, translate) → message.
 */
import type { Delivery, NoticeTally, RecipientFact, ReminderStep, RsvpAnswer, UnitTally } from "../../domain/notices/index.js";
import { formatTime } from "../../domain/calendar/index.js";
import type { Translate } from "../../i18n/index.js";
import type { InlineButton, OutgoingMessage } from "../../outbox/outbox.js";
import { noticeRsvpButton, noticeTrackingButton, type TrackingAction } from "./callback-data.js";
import { formatsFor } from "./format.js";

/** One resolution listed on an agenda, with the agencies whose part is still open. */
export interface AgendaItem {
  resolutionNumber: number;
  meetingNumber: string;
  text: string;
  open: { agency: string; statusKey: string }[];
}

export interface NoticeView {
  id: number;
  committeeName: string;
  title: string;
  meetingAt: Date;
  location: string;
  /** Free-text agenda, or null when the agenda is the open items of resolutions. */
  agendaText: string | null;
  agendaItems: AgendaItem[];
  hasDocument: boolean;
}

const RSVP_BUTTONS: { answer: RsvpAnswer; key: string }[] = [
  { answer: "attending", key: "rsvp-button-attending" },
  { answer: "delegate", key: "rsvp-button-delegate" },
  { answer: "absent", key: "rsvp-button-absent" },
];

/** The RSVP buttons for one recipient (recipient 0 in a preview: buttons that only show). */
export function rsvpButtons(t: Translate, recipientId: number): InlineButton[][] {
  return [RSVP_BUTTONS.map((b) => ({ text: t(b.key), callback_data: noticeRsvpButton.pack({ recipientId, answer: b.answer }) }))];
}

function headerLines(view: NoticeView, t: Translate): string[] {
  const f = formatsFor(t);
  return [
    t("meeting-notice-title", { title: view.title }),
    t("meeting-notice-committee", { committee: view.committeeName }),
    t("meeting-notice-when", { date: f.date(view.meetingAt), time: f.digits(timeOf(view.meetingAt)) }),
    t("meeting-notice-where", { place: view.location }),
  ];
}

/** "HH:MM" in Tehran (digits shaped by the reader's formats). */
const timeOf = (at: Date): string => formatTime(at);

function agendaLines(view: NoticeView, t: Translate): string[] {
  const f = formatsFor(t);
  const lines = ["", t("meeting-notice-agenda")];
  if (view.agendaText !== null) return [...lines, view.agendaText];
  view.agendaItems.forEach((item, i) => {
    lines.push(
      t("meeting-notice-agenda-item", {
        n: i + 1,
        resolution: item.resolutionNumber,
        meeting: f.digits(item.meetingNumber),
        text: item.text,
      }),
    );
    for (const open of item.open) lines.push(t("meeting-notice-agenda-open", { agency: open.agency, status: t(open.statusKey) }));
  });
  return lines;
}

/** The notice itself, with RSVP buttons for `recipientId`. */
export function renderNoticeMessage(view: NoticeView, t: Translate, recipientId: number): OutgoingMessage {
  const lines = [...headerLines(view, t), ...agendaLines(view, t)];
  if (view.hasDocument) lines.push("", t("meeting-notice-document"));
  lines.push("", t("meeting-notice-rsvp-question"));
  return { text: lines.join("\n"), buttons: rsvpButtons(t, recipientId) };
}

export function renderReminder(view: NoticeView, step: ReminderStep | "nudge", t: Translate, recipientId: number): OutgoingMessage {
  const f = formatsFor(t);
  const vars = { title: view.title, date: f.date(view.meetingAt), time: f.digits(timeOf(view.meetingAt)), place: view.location };
  if (step === "morning") return { text: t("meeting-notice-reminder-morning", vars) };
  return { text: t("meeting-notice-reminder-unanswered", vars), buttons: rsvpButtons(t, recipientId) };
}

export function renderCancelled(view: NoticeView, reason: string | null, t: Translate): OutgoingMessage {
  const f = formatsFor(t);
  const lines = [
    t("meeting-notice-cancelled", { title: view.title, date: f.date(view.meetingAt), time: f.digits(timeOf(view.meetingAt)) }),
  ];
  if (reason) lines.push(t("meeting-notice-cancelled-reason", { reason }));
  return { text: lines.join("\n") };
}

export function renderMoved(view: NoticeView, previous: Date, t: Translate, recipientId: number): OutgoingMessage {
  const f = formatsFor(t);
  return {
    text: [
      t("meeting-notice-moved", { title: view.title, before: `${f.date(previous)} ${f.digits(timeOf(previous))}` }),
      ...headerLines(view, t).slice(2),
      "",
      t("meeting-notice-moved-rsvp"),
    ].join("\n"),
    buttons: rsvpButtons(t, recipientId),
  };
}

/** What a person answered, in a few words. */
export function answerText(t: Translate, r: RecipientFact): string {
  const a = r.answer;
  if (!a) return t("tracking-no-answer");
  if (a.answer === "delegate") return t("tracking-answer-delegate", { name: a.delegateName ?? "", post: a.delegatePost ?? "" });
  if (a.answer === "absent") return a.reason ? t("tracking-answer-absent-reason", { reason: a.reason }) : t("tracking-answer-absent");
  return t("tracking-answer-attending");
}

const DELIVERY_KEYS: Record<Delivery, string> = {
  delivered: "tracking-delivery-delivered",
  pending: "tracking-delivery-pending",
  blocked: "tracking-delivery-blocked",
  failed: "tracking-delivery-failed",
  unreachable: "tracking-delivery-unreachable",
};

function unitLines(unit: UnitTally, t: Translate): string[] {
  const name = unit.agencyName ?? t("tracking-governorate");
  const head = unit.counted
    ? t("tracking-unit-answered", { agency: name, answer: answerText(t, unit.counted), by: unit.counted.personName })
    : t("tracking-unit-unanswered", { agency: name, delivery: t(DELIVERY_KEYS[unit.delivery]) });
  const lines = [head];
  // Every answer is kept: show the ones that do not count too, and who the notice did not reach.
  for (const r of unit.recipients) {
    if (r === unit.counted) continue;
    if (r.answer) lines.push(t("tracking-other-answer", { name: r.personName, answer: answerText(t, r) }));
    else if (r.delivery !== "delivered")
      lines.push(t("tracking-recipient-delivery", { name: r.personName, delivery: t(DELIVERY_KEYS[r.delivery]) }));
  }
  return lines;
}

export interface TrackingView {
  notice: NoticeView;
  status: string;
  tally: NoticeTally;
  /** True once the meeting has started: attendance can be recorded. */
  started: boolean;
}

export function renderTracking(view: TrackingView, t: Translate): OutgoingMessage {
  const { totals } = view.tally;
  const f = formatsFor(t);
  const lines = [
    t("tracking-title", { title: view.notice.title, date: f.date(view.notice.meetingAt), time: f.digits(timeOf(view.notice.meetingAt)) }),
  ];
  if (view.status === "cancelled") lines.push(t("tracking-cancelled"));
  lines.push(
    t("tracking-totals", {
      answered: totals.answered,
      agencies: totals.agencies,
      attending: totals.attending,
      delegates: totals.delegates,
      absent: totals.absent,
    }),
  );
  if (totals.unreached > 0) lines.push(t("tracking-unreached", { count: totals.unreached }));
  lines.push("");
  for (const unit of view.tally.agencies) lines.push(...unitLines(unit, t));
  if (view.tally.governorate) lines.push(...unitLines(view.tally.governorate, t));
  const action = (key: string, a: TrackingAction, vars?: Record<string, number>): InlineButton => ({
    text: t(key, vars),
    callback_data: noticeTrackingButton.pack({ noticeId: view.notice.id, action: a }),
  });
  const buttons: InlineButton[][] = [[action("tracking-button-refresh", "refresh")]];
  if (view.status === "sent" && !view.started) {
    if (totals.notAnswered > 0 || (view.tally.governorate && !view.tally.governorate.counted)) {
      buttons.push([action("tracking-button-remind", "remind", { count: totals.notAnswered })]);
    }
    buttons.push([action("tracking-button-move", "move"), action("tracking-button-cancel", "cancel")]);
  }
  if (view.status === "sent" && view.started) buttons.push([action("tracking-button-attendance", "attendance")]);
  return { text: lines.join("\n"), buttons };
}
