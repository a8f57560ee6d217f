/**
 * What the /meeting flow shows at each step of a draft: the question, what is known so far, and
 * the buttons that answer it. Pure: (draft, translate) → message.
 */
import { formatJalaliLong } from "../../../domain/calendar/index.js";
import type { Translate } from "../../../i18n/index.js";
import type { InlineButton, OutgoingMessage } from "../../../outbox/outbox.js";
import { meetingButton, noticeTrackingButton } from "../../../services/render/callback-data.js";
import { formatsFor, joinNames } from "../../../services/render/format.js";
import type { Draft, DraftDeadline, DraftResolution } from "../../../services/secretariat/meeting-drafts.js";

/** Which verbs each step accepts (a button of an earlier step is stale). */
export const STEP_VERBS: Record<string, readonly string[]> = {
  title: ["del"],
  date: ["del"],
  date_confirm: ["dc", "dr", "del"],
  minutes: ["md", "mc", "del"],
  list: ["it", "ok", "del"],
  item: ["mg", "sp", "ed", "rm", "ls"],
  edit: ["ls"],
  split: ["ls"],
  parties: ["tg", "all", "pok", "ls"],
  deadline: ["dp", "st", "ls"],
  report: ["rs", "rp", "ls"],
  review: ["pub", "as", "ls", "del"],
};

/** "parties:3" → { name: "parties", index: 3 }. */
export function stepOf(step: string): { name: string; index: number } {
  const [name = step, index = "0"] = step.split(":");
  return { name, index: Number(index) };
}

const button = (text: string, data: string): InlineButton => ({ text, callback_data: data });

function rows<T>(items: T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

export function deadlineLabel(t: Translate, d: DraftDeadline | null): string {
  if (!d) return t("meeting-deadline-unset");
  return d.kind === "standing" ? t("meeting-deadline-standing") : formatJalaliLong(d.date);
}

function partiesLabel(t: Translate, draft: Draft, r: DraftResolution): string {
  if (r.leadAll) return t("meeting-parties-all");
  if (r.agencyIds.length === 0) return t("meeting-parties-none");
  const name = (id: number) => draft.agencies.find((a) => a.id === id)?.name ?? `#${id}`;
  const [lead, ...co] = r.agencyIds;
  return co.length > 0
    ? t("meeting-parties-lead-co", { lead: name(lead!), co: joinNames(co.map(name), t) })
    : t("meeting-parties-lead", { lead: name(lead!) });
}

/**
 * The attendance the day's notice holds, on the minutes and review screens: who is present, that
 * publishing stores it on the meeting, and a button to the notice's sheet to correct it.
 */
function attendanceOf(draft: Draft, t: Translate): { lines: string[]; buttons: InlineButton[][] } {
  const a = draft.attendance;
  if (!a) return { lines: [], buttons: [] };
  const present = a.entries.filter((e) => e.present).map((e) => e.agency ?? t("tracking-governorate"));
  const names = joinNames(present, t);
  const lines = [
    "",
    a.noticeTitle === null
      ? t("meeting-attendees-saved", { count: present.length, names })
      : present.length > 0
        ? t("meeting-attendees", { title: a.noticeTitle, count: present.length, names })
        : t("meeting-attendees-none", { title: a.noticeTitle }),
  ];
  if (a.noticeId === null) return { lines, buttons: [] };
  lines.push(t("meeting-attendees-hint"));
  return {
    lines,
    buttons: [[button(t("meeting-button-attendance"), noticeTrackingButton.pack({ noticeId: a.noticeId, action: "attendance" }))]],
  };
}

function numbered(t: Translate, list: DraftResolution[]): string[] {
  const fmt = formatsFor(t);
  return list.map((r, i) => `${fmt.digits(i + 1)}) ${r.text}`);
}

/** The screen of the draft's current step. `search` narrows the agency buttons of the parties step. */
export function draftScreen(draft: Draft, t: Translate, search?: { query: string; matches: number[] }): OutgoingMessage {
  const id = draft.id;
  const { name, index } = stepOf(draft.step);
  const fmt = formatsFor(t);
  const d = draft.data;
  const cancel = button(t("meeting-button-discard"), meetingButton.pack({ draftId: id, verb: "del" }));
  switch (name) {
    case "title":
      return { text: t("meeting-ask-title", { committee: draft.committeeName }), buttons: [[cancel]] };
    case "date":
      return { text: t("meeting-ask-date", { title: d.title ?? "" }), buttons: [[cancel]] };
    case "date_confirm":
      return {
        text: t("meeting-confirm-date", { date: d.heldOn ? formatJalaliLong(d.heldOn) : "" }),
        buttons: [
          [
            button(t("meeting-button-date-ok"), meetingButton.pack({ draftId: id, verb: "dc" })),
            button(t("meeting-button-date-retry"), meetingButton.pack({ draftId: id, verb: "dr" })),
          ],
        ],
      };
    case "minutes": {
      const attendance = attendanceOf(draft, t);
      const lines = [t("meeting-ask-minutes"), ...attendance.lines];
      if (d.minutes) lines.push("", t("meeting-minutes-so-far", { chars: d.minutes.length }));
      return {
        text: lines.join("\n"),
        buttons: [
          [button(t("meeting-button-minutes-done"), meetingButton.pack({ draftId: id, verb: "md" }))],
          ...attendance.buttons,
          [button(t("meeting-button-minutes-clear"), meetingButton.pack({ draftId: id, verb: "mc" })), cancel],
        ],
      };
    }
    case "list":
      return {
        text: [
          t("meeting-list-header", { count: d.resolutions.length }),
          "",
          ...numbered(t, d.resolutions),
          "",
          t("meeting-list-hint"),
        ].join("\n"),
        buttons: [
          ...rows(
            d.resolutions.map((_, i) =>
              button(t("meeting-button-item", { n: i + 1 }), meetingButton.pack({ draftId: id, verb: "it", index: i })),
            ),
            5,
          ),
          [button(t("meeting-button-list-ok"), meetingButton.pack({ draftId: id, verb: "ok" }))],
          [cancel],
        ],
      };
    case "item": {
      const r = d.resolutions[index]!;
      const actions = [
        ...(index + 1 < d.resolutions.length
          ? [button(t("meeting-button-merge"), meetingButton.pack({ draftId: id, verb: "mg", index }))]
          : []),
        button(t("meeting-button-split"), meetingButton.pack({ draftId: id, verb: "sp", index })),
        button(t("meeting-button-edit"), meetingButton.pack({ draftId: id, verb: "ed", index })),
        ...(d.resolutions.length > 1 ? [button(t("meeting-button-delete"), meetingButton.pack({ draftId: id, verb: "rm", index }))] : []),
      ];
      return {
        text: [t("meeting-item-header", { n: index + 1 }), "", r.text].join("\n"),
        buttons: [...rows(actions, 2), [button(t("meeting-button-back"), meetingButton.pack({ draftId: id, verb: "ls" }))]],
      };
    }
    case "edit":
      return {
        text: t("meeting-ask-edit", { n: index + 1, text: d.resolutions[index]?.text ?? "" }),
        buttons: [[button(t("meeting-button-back"), meetingButton.pack({ draftId: id, verb: "ls" }))]],
      };
    case "split":
      return {
        text: t("meeting-ask-split", { n: index + 1, text: d.resolutions[index]?.text ?? "" }),
        buttons: [[button(t("meeting-button-back"), meetingButton.pack({ draftId: id, verb: "ls" }))]],
      };
    case "parties": {
      const r = d.resolutions[index]!;
      const shown = search ? draft.agencies.filter((a) => search.matches.includes(a.id)) : draft.agencies;
      const agencyButtons = shown.map((a) => {
        const position = r.agencyIds.indexOf(a.id);
        const mark = r.leadAll ? "" : position === 0 ? "⭐ " : position > 0 ? "✅ " : "";
        return button(`${mark}${a.name}`, meetingButton.pack({ draftId: id, verb: "tg", index, agencyId: a.id }));
      });
      const lines = [
        t("meeting-parties-header", { n: index + 1, total: d.resolutions.length }),
        "",
        r.text,
        "",
        t("meeting-parties-chosen", { parties: partiesLabel(t, draft, r) }),
        ...(r.partiesConfirmed ? [] : [t("meeting-parties-proposed")]),
        ...(search ? [t("meeting-parties-search", { query: search.query, count: search.matches.length })] : []),
        t("meeting-parties-hint"),
      ];
      return {
        text: lines.join("\n"),
        buttons: [
          ...rows(agencyButtons, 1),
          [button(`${r.leadAll ? "✅ " : ""}${t("meeting-button-all")}`, meetingButton.pack({ draftId: id, verb: "all", index }))],
          [button(t("meeting-button-parties-ok"), meetingButton.pack({ draftId: id, verb: "pok", index }))],
        ],
      };
    }
    case "deadline": {
      const r = d.resolutions[index]!;
      const choices = [
        ...(r.proposedDeadline
          ? [
              button(
                t("meeting-button-proposed-deadline", { deadline: deadlineLabel(t, r.proposedDeadline) }),
                meetingButton.pack({ draftId: id, verb: "dp", index }),
              ),
            ]
          : []),
        button(t("meeting-button-standing"), meetingButton.pack({ draftId: id, verb: "st", index })),
      ];
      return { text: t("meeting-ask-deadline", { n: index + 1, text: r.text }), buttons: [choices] };
    }
    case "report": {
      const r = d.resolutions[index]!;
      const choices = [
        button(t("meeting-button-report-secretariat"), meetingButton.pack({ draftId: id, verb: "rs", index })),
        ...(r.proposedReportTo ? [button(r.proposedReportTo, meetingButton.pack({ draftId: id, verb: "rp", index }))] : []),
      ];
      return { text: t("meeting-ask-report", { n: index + 1 }), buttons: [choices] };
    }
    case "review": {
      const lines = [t("meeting-review-header", { title: d.title ?? "", date: d.heldOn ? formatJalaliLong(d.heldOn) : "" }), ""];
      d.resolutions.forEach((r, i) => {
        lines.push(
          `${fmt.digits(i + 1)}) ${r.text}`,
          `   ${partiesLabel(t, draft, r)}`,
          `   ${t("meeting-review-deadline", { deadline: deadlineLabel(t, r.deadline) })} — ${t("meeting-review-report", { to: r.reportTo ?? t("assignment-report-to-secretariat") })}`,
          "",
        );
      });
      const attendance = attendanceOf(draft, t);
      lines.push(...attendance.lines.slice(1), ...(attendance.lines.length > 0 ? [""] : []), t("meeting-review-hint"));
      return {
        text: lines.join("\n"),
        buttons: [
          [button(t("meeting-button-publish"), meetingButton.pack({ draftId: id, verb: "pub" }))],
          ...attendance.buttons,
          ...rows(
            d.resolutions.map((_, i) =>
              button(t("meeting-button-assign", { n: i + 1 }), meetingButton.pack({ draftId: id, verb: "as", index: i })),
            ),
            4,
          ),
          [button(t("meeting-button-back-list"), meetingButton.pack({ draftId: id, verb: "ls" })), cancel],
        ],
      };
    }
    default:
      return { text: t("meeting-published-already") };
  }
}

/** The offer when /meeting finds an open draft. */
export function resumeOffer(draft: Draft, t: Translate): OutgoingMessage {
  return {
    text: t("meeting-resume", { title: draft.data.title ?? t("meeting-untitled"), count: draft.data.resolutions.length }),
    buttons: [
      [
        button(t("meeting-button-resume"), meetingButton.pack({ draftId: draft.id, verb: "go" })),
        button(t("meeting-button-new"), meetingButton.pack({ draftId: draft.id, verb: "new" })),
      ],
    ],
  };
}
