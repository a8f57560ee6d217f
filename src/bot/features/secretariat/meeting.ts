/**
 * `/meeting`: recording a meeting from its minutes and publishing its resolutions. The flow is
 * driven by the secretary's draft in the database (its step says what is asked), so it survives
 * restarts and can be left and continued; every step is a service call that checks her role.
 * A text at a step that expects buttons, a button of an earlier step, or a command in the middle
 * get a clear message and change nothing (a command leaves the draft waiting for /meeting).
 */
import { minutesFileKind, minutesFileText } from "../../../services/secretariat/minutes-file.js";
import type { Composer } from "grammy";
import { type CallbackQueryContext } from "grammy";
import { BotComposer } from "../../composer.js";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { OutgoingMessage } from "../../../outbox/outbox.js";
import { meetingButton } from "../../../services/render/callback-data.js";
import { formatsFor } from "../../../services/render/format.js";
import type { Draft, DraftResult } from "../../../services/secretariat/meeting-drafts.js";
import { proposeParties } from "../../../domain/minutes/index.js";
import type { BotContext } from "../../context.js";
import { isCommand, normalisedText } from "../../helpers/incoming.js";
import { draftScreen, resumeOffer, STEP_VERBS, stepOf } from "./meeting-screens.js";
import { looksLikeStaff, refusalMessage, staffActorOf } from "../../helpers/staff.js";
import { downloadFile } from "../../helpers/download.js";

/** Steps whose answer is typed (or a file, for the minutes). */
const TEXT_STEPS = new Set(["title", "date", "minutes", "edit", "split", "parties", "deadline", "report"]);
/** Largest minutes file read: minutes are a few pages of text. */
const MAX_MINUTES_FILE_BYTES = 512 * 1024;

const markup = (message: OutgoingMessage) =>
  message.buttons && message.buttons.length > 0 ? { reply_markup: { inline_keyboard: message.buttons as InlineKeyboardButton[][] } } : {};

async function show(ctx: BotContext, message: OutgoingMessage, mode: "reply" | "edit" = "reply"): Promise<void> {
  if (mode === "edit") {
    try {
      await ctx.editMessageText(message.text, markup(message));
      return;
    } catch (err) {
      if (/not modified/i.test(String((err as Error).message))) return;
    }
  }
  await ctx.reply(message.text, markup(message));
}

export function meeting(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("meeting", async (ctx) => {
    const actor = staffActorOf(ctx);
    if (!actor || !(await ctx.services.meetingDrafts.mayRecord(actor))) return void (await ctx.reply(ctx.t("meeting-not-allowed")));
    const open = await ctx.services.meetingDrafts.current(actor);
    if (open) return show(ctx, resumeOffer(open, ctx.t));
    return startDraft(ctx);
  });

  composer.callbackQuery(meetingButton.filter(), onPress);

  // Whatever the secretary sends while her draft is under way goes to it first.
  privateChats.on("message", async (ctx, next) => {
    const actor = looksLikeStaff(ctx) ? staffActorOf(ctx) : undefined;
    const draft = actor && (await ctx.services.meetingDrafts.current(actor));
    if (!draft || !draft.active || isCommand(ctx.msg)) return next();
    const { name } = stepOf(draft.step);
    if (!TEXT_STEPS.has(name)) {
      await ctx.reply(ctx.t("meeting-use-buttons"));
      return show(ctx, draftScreen(draft, ctx.t));
    }
    return onAnswer(ctx, draft, ctx.msg);
  });

  return composer;
}

/**
 * A command other than /meeting while a draft is under way: the draft waits, unchanged, and the
 * command goes on. Registered before every other command.
 */
export function meetingInterruptions(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.chatType("private").on("message:text", async (ctx, next) => {
    if (!isCommand(ctx.msg) || /^\/meeting(?:@\w+)?(?:\s|$)/.test(ctx.msg.text) || !looksLikeStaff(ctx)) return next();
    const actor = staffActorOf(ctx)!;
    const draft = await ctx.services.meetingDrafts.current(actor);
    if (draft?.active) {
      await ctx.services.meetingDrafts.pause(actor, draft.id);
      await ctx.reply(ctx.t("meeting-paused", { title: draft.data.title ?? ctx.t("meeting-untitled") }));
    }
    return next();
  });
  return composer;
}

async function startDraft(ctx: BotContext, committeeId?: number): Promise<void> {
  const actor = staffActorOf(ctx)!;
  const started = await ctx.services.meetingDrafts.start(actor, committeeId);
  if (!started.ok) {
    if (started.refusal === "several_committees") {
      const committees = (ctx.caller?.memberships ?? []).filter((m) => m.role === "secretariat" && m.committee).map((m) => m.committee!);
      await ctx.reply(ctx.t("meeting-choose-committee"), {
        reply_markup: {
          inline_keyboard: committees.map((c) => [{ text: c.name, callback_data: meetingButton.pack({ draftId: c.id, verb: "cm" }) }]),
        },
      });
      return;
    }
    await ctx.reply(refusalMessage(ctx.t, "meeting-refused", started.refusal, started.params));
    return;
  }
  await show(ctx, draftScreen(started.value, ctx.t));
}

/** After a service call: the next screen, or why nothing changed. */
async function after(ctx: BotContext, result: DraftResult, mode: "reply" | "edit" = "reply"): Promise<void> {
  if (!result.ok) {
    const text = refusalMessage(ctx.t, "meeting-refused", result.refusal, result.params);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
    return;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const { name } = stepOf(result.value.step);
  if (name === "date_confirm") {
    // The day as understood, in full, before it is kept.
    return show(ctx, draftScreen(result.value, ctx.t));
  }
  await show(ctx, draftScreen(result.value, ctx.t), mode);
}

async function onAnswer(ctx: BotContext, draft: Draft, message: Message): Promise<void> {
  const actor = staffActorOf(ctx)!;
  const drafts = ctx.services.meetingDrafts;
  const { name, index } = stepOf(draft.step);
  if (name === "minutes" && message.document) return addMinutesFile(ctx, draft, message);
  const text = normalisedText(message.text ?? message.caption);
  if (text === undefined) return void (await ctx.reply(ctx.t("meeting-text-expected")));
  switch (name) {
    case "title":
      return after(ctx, await drafts.setTitle(actor, draft.id, text));
    case "date":
      return after(ctx, await drafts.setDate(actor, draft.id, text));
    case "minutes": {
      const result = await drafts.addMinutes(actor, draft.id, message.text ?? text);
      if (!result.ok) return after(ctx, result);
      return show(ctx, {
        text: ctx.t("meeting-minutes-received", { chars: result.value.data.minutes.length }),
        buttons: draftScreen(result.value, ctx.t).buttons ?? [],
      });
    }
    case "edit":
      return after(ctx, await drafts.edit(actor, draft.id, index, text));
    case "split":
      return after(ctx, await drafts.split(actor, draft.id, index, message.text ?? text));
    case "parties": {
      const query = text.replace(/\u200C/g, " ");
      const matches = draft.agencies.filter((a) => a.name.replace(/\u200C/g, " ").includes(query)).map((a) => a.id);
      // A name that is not an agency's: nothing chosen, and the reader is told so.
      const named = matches.length > 0 ? matches : proposeParties(text, draft.agencies).agencyIds;
      if (named.length === 0) return void (await ctx.reply(ctx.t("meeting-agency-not-found", { query: text })));
      return show(ctx, draftScreen(draft, ctx.t, { query: text, matches: named }));
    }
    case "deadline":
      return after(ctx, await drafts.setDeadline(actor, draft.id, index, text));
    case "report":
      return after(ctx, await drafts.setReportTo(actor, draft.id, index, text));
  }
}

/** A .txt or .docx file of minutes: read and added like a pasted message. */
async function addMinutesFile(ctx: BotContext, draft: Draft, message: Message): Promise<void> {
  const doc = message.document!;
  const kind = minutesFileKind(doc);
  if (!kind) return void (await ctx.reply(ctx.t("meeting-file-unsupported")));
  if ((doc.file_size ?? 0) > MAX_MINUTES_FILE_BYTES) return void (await ctx.reply(ctx.t("meeting-file-too-large")));
  const bytes = await downloadFile(ctx, doc.file_id);
  if (!bytes) return void (await ctx.reply(ctx.t("meeting-file-unreadable")));
  const text = await minutesFileText(kind, bytes);
  if (text === undefined) return void (await ctx.reply(ctx.t("meeting-file-unreadable")));
  const result = await ctx.services.meetingDrafts.addMinutes(staffActorOf(ctx)!, draft.id, text);
  if (!result.ok) return after(ctx, result);
  await show(ctx, {
    text: ctx.t("meeting-minutes-received", { chars: result.value.data.minutes.length }),
    buttons: draftScreen(result.value, ctx.t).buttons ?? [],
  });
}

async function onPress(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = meetingButton.unpack(ctx.callbackQuery.data);
  const actor = staffActorOf(ctx);
  const drafts = ctx.services.meetingDrafts;
  if (!pressed || !actor || !(await drafts.mayRecord(actor))) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("meeting-not-allowed"), show_alert: true }));
  }
  if (pressed.verb === "cm") {
    await ctx.answerCallbackQuery();
    return startDraft(ctx, pressed.draftId);
  }
  const draft = await drafts.current(actor);
  if (!draft || draft.id !== pressed.draftId) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("meeting-button-stale"), show_alert: true }));
  }
  if (pressed.verb === "go") {
    const resumed = await drafts.goTo(actor, draft.id, draft.step);
    return after(ctx, resumed);
  }
  if (pressed.verb === "new") {
    await drafts.discard(actor, draft.id);
    await ctx.answerCallbackQuery();
    return startDraft(ctx);
  }
  const { name } = stepOf(draft.step);
  if (!(STEP_VERBS[name] ?? []).includes(pressed.verb)) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("meeting-button-stale"), show_alert: true }));
  }
  const i = pressed.index ?? 0;
  const r = draft.data.resolutions[i];
  switch (pressed.verb) {
    case "del": {
      const result = await drafts.discard(actor, draft.id);
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(result.ok ? ctx.t("meeting-discarded") : refusalMessage(ctx.t, "meeting-refused", result.refusal)));
    }
    case "dc":
      return after(ctx, await drafts.goTo(actor, draft.id, "minutes"));
    case "dr":
      return after(ctx, await drafts.goTo(actor, draft.id, "date"));
    case "md":
      return after(ctx, await drafts.parseMinutes(actor, draft.id));
    case "mc":
      return after(ctx, await drafts.clearMinutes(actor, draft.id));
    case "it":
      return after(ctx, await drafts.goTo(actor, draft.id, `item:${i}`));
    case "ls":
      return after(ctx, await drafts.goTo(actor, draft.id, "list"));
    case "ok":
      return after(ctx, await drafts.goTo(actor, draft.id, "parties:0"));
    case "mg":
      return after(ctx, await drafts.merge(actor, draft.id, i));
    case "sp":
      return after(ctx, await drafts.goTo(actor, draft.id, `split:${i}`));
    case "ed":
      return after(ctx, await drafts.goTo(actor, draft.id, `edit:${i}`));
    case "rm":
      return after(ctx, await drafts.remove(actor, draft.id, i));
    case "as":
      return after(ctx, await drafts.goTo(actor, draft.id, `parties:${i}`));
    case "tg":
    case "all": {
      if (!r) break;
      const agencyId = pressed.agencyId;
      const ids =
        pressed.verb === "all"
          ? []
          : r.agencyIds.includes(agencyId!)
            ? r.agencyIds.filter((x) => x !== agencyId)
            : [...r.agencyIds, agencyId!];
      const all = pressed.verb === "all" ? !r.leadAll : false;
      return after(ctx, await drafts.setParties(actor, draft.id, i, { all, agencyIds: ids }, false), "edit");
    }
    case "pok":
      if (!r) break;
      return after(ctx, await drafts.setParties(actor, draft.id, i, { all: r.leadAll, agencyIds: r.agencyIds }, true));
    case "dp":
      if (!r?.proposedDeadline) break;
      return after(ctx, await drafts.setDeadline(actor, draft.id, i, r.proposedDeadline));
    case "st":
      return after(ctx, await drafts.setDeadline(actor, draft.id, i, { kind: "standing" }));
    case "rs":
      return after(ctx, await drafts.setReportTo(actor, draft.id, i, null));
    case "rp":
      return after(ctx, await drafts.setReportTo(actor, draft.id, i, r?.proposedReportTo ?? null));
    case "pub": {
      const published = await drafts.publish(actor, draft.id);
      if (!published.ok) return after(ctx, published);
      await ctx.answerCallbackQuery();
      const report = published.value;
      const fmt = formatsFor(ctx.t);
      const agencies = new Set(report.assignments.map((a) => a.agency)).size;
      await ctx.reply(
        ctx.t("meeting-published", {
          meeting: fmt.digits(report.meeting.number),
          resolutions: new Set(report.assignments.map((a) => a.resolutionNumber)).size,
          assignments: report.assignments.length,
          agencies,
          from: fmt.dateTime(report.sendFrom),
        }),
      );
      return;
    }
  }
  await ctx.answerCallbackQuery({ text: ctx.t("meeting-button-stale"), show_alert: true });
}
