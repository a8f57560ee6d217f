/**
 * The secretariat's dialogs for meeting notices — composing one (/notice), moving or cancelling
 * it — and a recipient's dialogs for the RSVP answers that need typing (a delegate's name and
 * post, a reason for not attending). Each ends in one service call; the services check the
 * secretariat role and the recipient again.
 */
import { z } from "zod";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import { instantAt } from "../../domain/calendar/index.js";
import { meetingTimeConcerns, type AudienceRole, type AudienceSpec, type MeetingTimeConcern } from "../../domain/notices/index.js";
import { DELEGATE_NAME_MAX, DELEGATE_POST_MAX, REASON_MAX } from "../../domain/notices/index.js";
import { inputErrorKey, parseJalaliInput, parseTimeInput } from "../../domain/text/index.js";
import { workCalendarOf } from "../../services/calendars.js";
import { letterFileName, NOTICE_AGENDA_MAX, NOTICE_PLACE_MAX, NOTICE_TITLE_MAX } from "../../services/notices/compose.js";
import type { NoticeDraftInput } from "../../services/notices/index.js";
import { formatsFor } from "../../services/render/format.js";
import type { BotContext } from "../context.js";
import { knownPerson, secretariatMember, type ChatActor } from "../helpers/actors.js";
import type { Dialog } from "./dialog.js";
import { accept, CANCEL, reject, type Check, type Choice, type Reply, type Say } from "./dialog.js";
import { defineDialog } from "./registry.js";
import { noticeErrorText, rsvpOutcomeText, sendPreview } from "../helpers/notice-replies.js";
import { downloadFile } from "../helpers/download.js";

const noticeComposeArgs = z.object({ committees: z.array(z.object({ id: z.number().int().positive(), name: z.string() })).min(1) });
const noticeChangeArgs = z.object({ noticeId: z.number().int().positive(), title: z.string() });
const rsvpDialogArgs = z.object({ recipientId: z.number().int().positive(), title: z.string() });
export type NoticeComposeArgs = z.infer<typeof noticeComposeArgs>;
export type NoticeChangeArgs = z.infer<typeof noticeChangeArgs>;
export type RsvpDialogArgs = z.infer<typeof rsvpDialogArgs>;

const SKIP: Choice = { key: "dialog-button-skip", choice: "skip" };
const DONE: Choice = { key: "notice-button-done", choice: "fin" };

const textWithin =
  (max: number, expected: string) =>
  (reply: Reply): Check<string> =>
    reply.kind === "text" ? (reply.text.length <= max ? accept(reply.text) : reject("notice-text-too-long", { max })) : reject(expected);

const choiceOf =
  <T extends string>(options: readonly T[], expected: string) =>
  (reply: Reply): Check<T> =>
    reply.kind === "choice" && (options as readonly string[]).includes(reply.choice) ? accept(reply.choice as T) : reject(expected);

/** Several of a list, each pressed to toggle it, then "done". */
async function pickMany(dialog: Dialog, question: Say, options: { id: number; label: string }[]): Promise<number[]> {
  const chosen = new Set<number>();
  let say = question;
  for (;;) {
    const buttons = options.map((o) => [
      { key: "notice-option", vars: { mark: chosen.has(o.id) ? "✅" : "▫️", label: o.label }, choice: `o${o.id}` },
    ]);
    const pick = await dialog.ask(say, [...buttons, [DONE, CANCEL]], (reply) => {
      if (reply.kind === "choice" && reply.choice === DONE.choice) return chosen.size > 0 ? accept(0) : reject("notice-pick-one");
      const id = reply.kind === "choice" && /^o\d+$/.test(reply.choice) ? Number(reply.choice.slice(1)) : NaN;
      return options.some((o) => o.id === id) ? accept(id) : reject("notice-pick-expected");
    });
    if (pick === 0) return [...chosen];
    if (chosen.has(pick)) chosen.delete(pick);
    else chosen.add(pick);
    say = { key: "notice-picked", vars: { count: chosen.size } };
  }
}

function concernText(t: BotContext["t"], c: MeetingTimeConcern): string {
  if (c.kind === "past") return t("notice-concern-past");
  if (c.kind === "outside_hours") return t("notice-concern-outside-hours");
  return c.holiday
    ? t("notice-concern-holiday", { name: c.holiday })
    : t(`notice-concern-${c.reasons[0] === "thursday" ? "thursday" : "friday"}`);
}

/** Date, then time; a questionable one is asked about until confirmed or changed. */
async function askMeetingTime(dialog: Dialog, nowIso: string, calendar: WorkCalendar): Promise<{ meetingAt: Date; confirmed: boolean }> {
  const now = new Date(nowIso);
  for (;;) {
    const date = await dialog.ask({ key: "notice-ask-date" }, [[CANCEL]], (reply) => {
      if (reply.kind !== "text") return reject("notice-date-expected");
      const parsed = parseJalaliInput(reply.text, now, calendar);
      return parsed.ok ? accept(parsed.value.date) : reject(inputErrorKey(parsed.error.code), parsed.error.params);
    });
    const ms = await dialog.ask({ key: "notice-ask-time" }, [[CANCEL]], (reply) => {
      if (reply.kind !== "text") return reject("notice-time-expected");
      const parsed = parseTimeInput(reply.text);
      return parsed.ok ? accept(parsed.value.msOfDay) : reject(inputErrorKey(parsed.error.code), parsed.error.params);
    });
    const meetingAt = instantAt(date, ms);
    const concerns = meetingTimeConcerns(meetingAt, now, calendar);
    if (concerns.length === 0) return { meetingAt, confirmed: false };
    const keep = await dialog.ask(
      (t) =>
        [
          t("notice-concern-head", { when: formatsFor(t).dateTime(meetingAt) }),
          ...concerns.map((c) => `• ${concernText(t, c)}`),
          t("notice-concern-question"),
        ].join("\n"),
      [
        [
          { key: "notice-button-keep-time", choice: "keep" },
          { key: "notice-button-change-time", choice: "change" },
        ],
        [CANCEL],
      ],
      choiceOf(["keep", "change"] as const, "notice-concern-expected"),
    );
    if (keep === "keep") return { meetingAt, confirmed: true };
  }
}

async function noticeCompose(dialog: Dialog, args: NoticeComposeArgs, actor: ChatActor): Promise<void> {
  const committeeId =
    args.committees.length === 1
      ? args.committees[0]!.id
      : await dialog.ask(
          { key: "notice-ask-committee" },
          [...args.committees.map((c) => [{ key: "notice-option-plain", vars: { label: c.name }, choice: `c${c.id}` }]), [CANCEL]],
          (reply) => {
            const id = reply.kind === "choice" && /^c\d+$/.test(reply.choice) ? Number(reply.choice.slice(1)) : NaN;
            return args.committees.some((c) => c.id === id) ? accept(id) : reject("notice-pick-expected");
          },
        );
  const facts = await dialog.call(async (ctx) => {
    const choices = await ctx.services.notices.compose.choices(actor, committeeId).catch(() => undefined);
    if (!choices) await ctx.reply(noticeErrorText(ctx.t, "not_secretariat"));
    return choices && { ...choices, nowIso: ctx.clock.now().toISOString() };
  });
  if (!facts) return;
  const calendar = workCalendarOf(facts.calendar);
  const title = await dialog.ask({ key: "notice-ask-title" }, [[CANCEL]], textWithin(NOTICE_TITLE_MAX, "notice-title-expected"));
  const { meetingAt, confirmed } = await askMeetingTime(dialog, facts.nowIso, calendar);
  const location = await dialog.ask({ key: "notice-ask-place" }, [[CANCEL]], textWithin(NOTICE_PLACE_MAX, "notice-place-expected"));

  const agendaKind = await dialog.ask(
    { key: "notice-ask-agenda-kind" },
    [
      [{ key: "notice-button-agenda-text", choice: "text" }],
      ...(facts.resolutions.length > 0 ? [[{ key: "notice-button-agenda-resolutions", choice: "res" }]] : []),
      [CANCEL],
    ],
    choiceOf(["text", "res"] as const, "notice-agenda-kind-expected"),
  );
  const resolutionOptions = facts.resolutions.map((r) => ({
    id: r.id,
    label: `${r.number} / ${r.meeting.number} — ${r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text}`,
  }));
  const agenda: NoticeDraftInput["agenda"] =
    agendaKind === "text"
      ? {
          kind: "text",
          text: await dialog.ask({ key: "notice-ask-agenda" }, [[CANCEL]], textWithin(NOTICE_AGENDA_MAX, "notice-agenda-expected")),
        }
      : { kind: "resolutions", resolutionIds: await pickMany(dialog, { key: "notice-ask-agenda-resolutions" }, resolutionOptions) };

  const file = await dialog.ask(
    { key: "notice-ask-document" },
    [[{ key: "notice-button-no-document", choice: "none" }, CANCEL]],
    (reply) => {
      if (reply.kind === "choice" && reply.choice === "none") return accept(null);
      return reply.kind === "file" ? dialog.checkFile(reply.file) : reject("notice-document-expected");
    },
  );

  const target = await dialog.ask(
    { key: "notice-ask-audience" },
    [
      [{ key: "notice-button-audience-all", choice: "all" }],
      [{ key: "notice-button-audience-some", choice: "some" }],
      ...(facts.resolutions.length > 0 ? [[{ key: "notice-button-audience-resolution", choice: "res" }]] : []),
      [{ key: "notice-button-audience-governorate-only", choice: "gov" }],
      [CANCEL],
    ],
    choiceOf(["all", "some", "res", "gov"] as const, "notice-audience-expected"),
  );
  const agencyIds =
    target === "some"
      ? await pickMany(
          dialog,
          { key: "notice-ask-agencies" },
          facts.agencies.map((a) => ({ id: a.id, label: a.name })),
        )
      : [];
  const resolutionIds = target === "res" ? await pickMany(dialog, { key: "notice-ask-audience-resolutions" }, resolutionOptions) : [];
  const governorate =
    target === "gov" ||
    (await dialog.ask(
      { key: "notice-ask-governorate" },
      [
        [
          { key: "notice-button-yes", choice: "yes" },
          { key: "notice-button-no", choice: "no" },
        ],
        [CANCEL],
      ],
      choiceOf(["yes", "no"] as const, "notice-yes-no-expected"),
    )) === "yes";
  const roles: AudienceRole[] =
    target === "gov"
      ? []
      : (
          {
            heads: ["head"],
            liaisons: ["liaison"],
            both: ["head", "liaison"],
          } as const satisfies Record<string, AudienceRole[]>
        )[
          await dialog.ask(
            { key: "notice-ask-roles" },
            [
              [
                { key: "notice-button-roles-heads", choice: "heads" },
                { key: "notice-button-roles-liaisons", choice: "liaisons" },
                { key: "notice-button-roles-both", choice: "both" },
              ],
              [CANCEL],
            ],
            choiceOf(["heads", "liaisons", "both"] as const, "notice-roles-expected"),
          )
        ].slice();
  const audience: AudienceSpec = { allAgencies: target === "all", agencyIds, resolutionIds, governorate, roles };

  await dialog.call(async (ctx) => {
    // A file id is valid only here: for recipients on the other platforms the letter's bytes are
    // fetched once now and uploaded there.
    const bytes = file && ctx.config.platforms.length > 1 ? await downloadFile(ctx, file.fileId) : undefined;
    const input: NoticeDraftInput = {
      committeeId,
      title,
      meetingAt,
      location,
      agenda,
      audience,
      concernsConfirmed: confirmed,
      ...(file
        ? {
            document: {
              platform: ctx.profile.platform,
              fileId: file.fileId,
              kind: file.kind,
              ...(bytes ? { file: { name: file.fileName ?? letterFileName(file.kind), bytes } } : {}),
            },
          }
        : {}),
    };
    try {
      const draft = await ctx.services.notices.compose.createDraft(actor, input);
      if (!draft.ok) return void (await ctx.reply(ctx.t("notice-concern-changed")));
      await sendPreview(ctx, draft.noticeId);
    } catch (err) {
      await ctx.reply(noticeErrorText(ctx.t, (err as { code?: string }).code ?? "invalid"));
    }
  });
}

async function noticeMove(dialog: Dialog, args: NoticeChangeArgs, actor: ChatActor): Promise<void> {
  const facts = await dialog.call(async (ctx) => {
    const view = await ctx.services.notices.tracking.tracking(actor, args.noticeId).catch(() => undefined);
    const calendar = view && (await ctx.services.notices.compose.calendarOf(args.noticeId));
    return view && { calendar, nowIso: ctx.clock.now().toISOString() };
  });
  if (!facts) return;
  const { meetingAt, confirmed } = await askMeetingTime(dialog, facts.nowIso, workCalendarOf(facts.calendar));
  await dialog.confirm((t) => t("notice-move-confirm", { title: args.title, when: formatsFor(t).dateTime(meetingAt) }));
  await dialog.call(async (ctx) => {
    try {
      const result = await ctx.services.notices.changes.move(actor, args.noticeId, meetingAt, {
        concernsConfirmed: confirmed,
      });
      await ctx.reply(result.ok ? ctx.t("notice-moved-done", { people: result.people }) : ctx.t("notice-concern-changed"));
    } catch (err) {
      await ctx.reply(noticeErrorText(ctx.t, (err as { code?: string }).code ?? "invalid"));
    }
  });
}

async function noticeCancel(dialog: Dialog, args: NoticeChangeArgs, actor: ChatActor): Promise<void> {
  const reason = await dialog.ask({ key: "notice-ask-cancel-reason", vars: { title: args.title } }, [[SKIP, CANCEL]], (reply) => {
    if (reply.kind === "choice" && reply.choice === SKIP.choice) return accept(undefined);
    return textWithin(REASON_MAX, "notice-cancel-reason-expected")(reply);
  });
  await dialog.confirm((t) => t("notice-cancel-confirm", { title: args.title }));
  await dialog.call(async (ctx) => {
    try {
      const result = await ctx.services.notices.changes.cancel(actor, args.noticeId, reason);
      await ctx.reply(ctx.t(result.changed ? "notice-cancelled-done" : "notice-cancelled-already", { people: result.people }));
    } catch (err) {
      await ctx.reply(noticeErrorText(ctx.t, (err as { code?: string }).code ?? "invalid"));
    }
  });
}

async function rsvpDelegate(dialog: Dialog, args: RsvpDialogArgs, actor: ChatActor): Promise<void> {
  const delegateName = await dialog.ask(
    { key: "rsvp-ask-delegate-name", vars: { title: args.title } },
    [[CANCEL]],
    textWithin(DELEGATE_NAME_MAX, "rsvp-delegate-name-expected"),
  );
  const delegatePost = await dialog.ask(
    { key: "rsvp-ask-delegate-post", vars: { name: delegateName } },
    [[CANCEL]],
    textWithin(DELEGATE_POST_MAX, "rsvp-delegate-post-expected"),
  );
  await dialog.call(async (ctx) => {
    const result = await ctx.services.notices.rsvp.answer(actor, args.recipientId, {
      answer: "delegate",
      delegateName,
      delegatePost,
    });
    await ctx.reply(rsvpOutcomeText(ctx.t, result, "delegate"));
  });
}

async function rsvpAbsent(dialog: Dialog, args: RsvpDialogArgs, actor: ChatActor): Promise<void> {
  const reason = await dialog.ask({ key: "rsvp-ask-reason", vars: { title: args.title } }, [[SKIP, CANCEL]], (reply) => {
    if (reply.kind === "choice" && reply.choice === SKIP.choice) return accept(undefined);
    return textWithin(REASON_MAX, "rsvp-reason-expected")(reply);
  });
  await dialog.call(async (ctx) => {
    const result = await ctx.services.notices.rsvp.answer(actor, args.recipientId, {
      answer: "absent",
      ...(reason ? { reason } : {}),
    });
    await ctx.reply(rsvpOutcomeText(ctx.t, result, "absent"));
  });
}

const titled =
  (key: string) =>
  (args: { title: string }): Say => ({ key, vars: { title: args.title } });

export const noticeComposeDialog = defineDialog({
  id: "notice.compose",
  args: noticeComposeArgs,
  actor: secretariatMember,
  topic: () => ({ key: "dialog-topic-notice" }),
  run: noticeCompose,
});
export const noticeMoveDialog = defineDialog({
  id: "notice.move",
  args: noticeChangeArgs,
  actor: secretariatMember,
  topic: titled("dialog-topic-notice-move"),
  run: noticeMove,
});
export const noticeCancelDialog = defineDialog({
  id: "notice.cancel",
  args: noticeChangeArgs,
  actor: secretariatMember,
  topic: titled("dialog-topic-notice-cancel"),
  run: noticeCancel,
});
// A recipient answers as whoever they are: the service checks the recipient is theirs.
export const rsvpDelegateDialog = defineDialog({
  id: "notice.delegate",
  args: rsvpDialogArgs,
  actor: knownPerson,
  topic: titled("dialog-topic-rsvp"),
  run: rsvpDelegate,
});
export const rsvpAbsentDialog = defineDialog({
  id: "notice.absent",
  args: rsvpDialogArgs,
  actor: knownPerson,
  topic: titled("dialog-topic-rsvp"),
  run: rsvpAbsent,
});
