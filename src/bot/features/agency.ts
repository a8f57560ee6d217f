/**
 * The agency side in chat: the buttons on an assignment message, /tasks, replies to an
 * assignment message (progress), and loose messages from an agency member (filed under the item
 * they pick). Handlers parse, call a service, and render; the services authorise every action.
 */
import type { Composer } from "grammy";
import { type CallbackQueryContext } from "grammy";
import { BotComposer } from "../composer.js";
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from "grammy/types";
import { overLimit } from "../../domain/text/index.js";
import { agenciesOf } from "../../services/identity.js";
import { formatsFor } from "../../services/render/format.js";
import { isWithinLimit } from "../../services/attachments.js";
import type { AgencyActor, AgencyRefusal, LoadedView } from "../../services/assignments/index.js";
import {
  PICK_SUBJECT_LIMIT,
  itemLabel,
  pageOf,
  renderAssignment,
  renderTaskPage,
  TASKS_PAGE_SIZE,
} from "../../services/render/assignment.js";
import { assignmentButton, tasksPageButton } from "../../services/render/callback-data.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { BotContext } from "../context.js";
import { blockedDialog, doneDialog, enterDialog, noteDialog, progressDialog, type NoteDialogArgs } from "../conversations/index.js";
import { chatActorOf } from "../helpers/actors.js";
import { incomingFileOf, isCommand, megabytes, normalisedText } from "../helpers/incoming.js";
import { outcomeText, refusalText, shortTitle } from "../helpers/agency-replies.js";

/** How many open items a loose message offers to be filed under (the most urgent first). */
const NOTE_CHOICES = 8;

const DIALOG_OF_ACTION = { progress: progressDialog, claim_done: doneDialog, block: blockedDialog } as const;

export function agency(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.callbackQuery(assignmentButton.filter(), onAssignmentButton);
  composer.callbackQuery(tasksPageButton.filter(), (ctx) =>
    showTasks(ctx, tasksPageButton.unpack(ctx.callbackQuery.data)?.page ?? 1, "edit"),
  );
  const privateChats = composer.chatType("private");
  privateChats.command("tasks", (ctx) => showTasks(ctx, 1, "reply"));
  privateChats.on("message").filter((ctx) => ctx.msg.reply_to_message !== undefined && !isCommand(ctx.msg), onReplyToMessage);
  privateChats
    .on(["message:text", "message:document", "message:photo"])
    .filter((ctx) => agencyActor(ctx) !== undefined && !isCommand(ctx.msg), onLooseMessage);
  return composer;
}

/** Which agency actor may be acting, for handlers that need one (undefined: not an agency member). */
function agencyActor(ctx: BotContext): AgencyActor | undefined {
  return ctx.caller && agenciesOf(ctx.caller).length > 0 ? chatActorOf(ctx) : undefined;
}

/** A person in several agencies sees items grouped and named by agency. */
function actsForSeveralAgencies(ctx: BotContext): boolean {
  return ctx.caller !== undefined && agenciesOf(ctx.caller).length > 1;
}

async function refuse(ctx: BotContext, refusal: AgencyRefusal): Promise<void> {
  await ctx.answerCallbackQuery({ text: refusalText(ctx.t, refusal), show_alert: true });
}

async function onAssignmentButton(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = assignmentButton.unpack(ctx.callbackQuery.data);
  const actor = agencyActor(ctx);
  if (!pressed || !actor) return refuse(ctx, "unknown");
  if (pressed.action === "ack") {
    // Pressed on the card itself: this handler redraws it (below), so the cards' refresh leaves it alone.
    const message = ctx.callbackQuery.message;
    const shown =
      pressed.tasksPage === undefined && message
        ? { platform: ctx.profile.platform, chatId: String(message.chat.id), messageId: String(message.message_id) }
        : undefined;
    const result = await ctx.services.assignments.acknowledge(actor, pressed.assignmentId, shown);
    if (!result.ok) return refuse(ctx, result.refusal);
    await ctx.answerCallbackQuery({ text: ctx.t(result.changed ? "ack-saved" : "ack-already") });
    if (result.changed) await refreshPressedMessage(ctx, actor, pressed.assignmentId, pressed.tasksPage);
    return;
  }
  // Refuse at the press (a finished item, another agency's item), not after the user typed a report.
  const check = await ctx.services.assignments.checkAction(actor, pressed.assignmentId, pressed.action);
  if (!check.ok) return refuse(ctx, check.refusal);
  // Done already claimed (by a colleague, or earlier): say who and when, and claim nothing again.
  if (pressed.action === "claim_done" && !check.changed) {
    const claim = await ctx.services.assignments.latestDoneClaim(actor, pressed.assignmentId);
    const when = claim ? formatsFor(ctx.t).dateTime(claim.at) : "";
    const text = claim?.name ? ctx.t("done-already-claimed-by", { name: claim.name, when }) : ctx.t("done-already-claimed", { when });
    return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  await enterDialog(ctx, DIALOG_OF_ACTION[pressed.action], {
    assignmentId: pressed.assignmentId,
    title: shortTitle(ctx.t, check.view),
  });
}

/** Assignment ids behind the buttons of a message (a card has one, a /tasks page several). */
function assignmentIdsIn(markup: InlineKeyboardMarkup | undefined): Set<number> {
  const ids = new Set<number>();
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) {
      const parsed = "callback_data" in button && button.callback_data ? assignmentButton.unpack(button.callback_data) : undefined;
      if (parsed) ids.add(parsed.assignmentId);
    }
  }
  return ids;
}

/** After "seen": the card shows its new status, or the /tasks page it was pressed on is redrawn around the item. */
async function refreshPressedMessage(
  ctx: BotContext,
  actor: AgencyActor,
  assignmentId: number,
  tasksPage: number | undefined,
): Promise<void> {
  if (tasksPage !== undefined) {
    const open = await ctx.services.assignments.openFor(actor.personId);
    const position = open.findIndex((l) => l.view.id === assignmentId);
    return showTasks(ctx, position < 0 ? 1 : Math.floor(position / TASKS_PAGE_SIZE) + 1, "edit", open);
  }
  const loaded = await ctx.services.assignments.view(actor, assignmentId);
  if (loaded) await editPressedMessage(ctx, renderAssignment(loaded.view, ctx.t, ctx.clock.now(), loaded.calendar));
}

/** Our buttons are callback buttons only, which is what the Bot API type's union needs here. */
const markupOf = (message: OutgoingMessage) => ({ reply_markup: { inline_keyboard: (message.buttons ?? []) as InlineKeyboardButton[][] } });

async function editPressedMessage(ctx: BotContext, message: OutgoingMessage): Promise<void> {
  try {
    await ctx.editMessageText(message.text, markupOf(message));
  } catch (err) {
    // The action is saved either way; an old message that cannot be edited only stays as it was.
    if (!/not modified/i.test(String((err as Error).message))) ctx.logger.warn({ err }, "could not refresh the pressed message");
  }
}

async function showTasks(ctx: BotContext, page: number, mode: "reply" | "edit", loaded?: LoadedView[]): Promise<void> {
  const actor = agencyActor(ctx);
  if (!actor) {
    if (mode === "edit") return refuse(ctx, "unknown");
    await ctx.reply(ctx.t(ctx.caller ? "tasks-not-agency" : "start-unknown"));
    return;
  }
  const open = loaded ?? (await ctx.services.assignments.openFor(actor.personId));
  if (open.length === 0) {
    if (mode === "edit") await editPressedMessage(ctx, { text: ctx.t("tasks-empty") });
    else await ctx.reply(ctx.t("tasks-empty"));
    return;
  }
  const calendars = new Map(open.map((l) => [l.view.id, l.calendar]));
  const slice = pageOf(open, page);
  const message = renderTaskPage(
    { ...slice, items: slice.items.map((l) => l.view), grouped: actsForSeveralAgencies(ctx) },
    ctx.t,
    ctx.clock.now(),
    (view) => calendars.get(view.id)!,
  );
  if (mode === "edit") return editPressedMessage(ctx, message);
  await ctx.reply(message.text, markupOf(message));
}

/**
 * The assignment a replied-to message is about: the single item on its buttons (an item's card,
 * as the platform hands the replied message back, buttons included), or else what the outbox sent
 * as that message (a reminder without buttons, a card whose buttons the platform left out). The
 * buttons come first: they cost no query, and a reply to a card is the progress note of every
 * update that is one (bench/inbound.ts). Either way the service authorises the note.
 */
async function assignmentOfRepliedMessage(ctx: BotContext, target: Message): Promise<number | undefined> {
  const ids = assignmentIdsIn(target.reply_markup);
  if (ids.size === 1) return [...ids][0];
  return ctx.services.assignments.assignmentOfMessage(ctx.profile.platform, String(ctx.chat!.id), target.message_id);
}

/** What a message says, for a progress note: text or caption, and a file within the size limit. */
async function noteContent(ctx: BotContext, message: Message): Promise<Pick<NoteDialogArgs, "text" | "file"> | undefined> {
  const file = incomingFileOf(message);
  const text = normalisedText(message.text ?? message.caption);
  if (!file && text === undefined) {
    await ctx.reply(ctx.t("reply-unsupported"));
    return undefined;
  }
  const over = text === undefined ? undefined : overLimit(text, "note");
  if (over) {
    await ctx.reply(ctx.t("input-too-long", over));
    return undefined;
  }
  if (file && !isWithinLimit(file, ctx.config.maxAttachmentBytes)) {
    await ctx.reply(ctx.t("dialog-file-too-large", { size: megabytes(file.size ?? 0), max: megabytes(ctx.config.maxAttachmentBytes) }));
    return undefined;
  }
  return { ...(text !== undefined ? { text } : {}), ...(file ? { file } : {}) };
}

/** A reply to an assignment message is progress on that assignment. */
async function onReplyToMessage(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const actor = agencyActor(ctx);
  const target = ctx.msg!.reply_to_message!;
  const assignmentId = actor && (await assignmentOfRepliedMessage(ctx, target));
  if (!actor || assignmentId === undefined) return next();
  const content = await noteContent(ctx, ctx.msg!);
  if (!content) return;
  const result = await ctx.services.assignments.recordProgress(actor, {
    assignmentId,
    ...(content.text ? { text: content.text } : {}),
    files: content.file ? [content.file] : [],
    // The message itself is the step: handled again after a crash, it is recorded once.
    idempotencyKey: messageKey(ctx),
  });
  await ctx.reply(outcomeText(ctx.t, result, "progress-saved"));
}

/** Names a user's message for an idempotency key: the platform keeps its id for the chat. */
function messageKey(ctx: BotContext): string {
  return `message:${ctx.profile.platform}:${ctx.chat!.id}:${ctx.msg!.message_id}`;
}

/** A message outside any dialog: ask which open item it is about, then file it as progress. */
async function onLooseMessage(ctx: BotContext): Promise<void> {
  const actor = agencyActor(ctx)!;
  const content = await noteContent(ctx, ctx.msg!);
  if (!content) return;
  const open = await ctx.services.assignments.openFor(actor.personId);
  if (open.length === 0) {
    await ctx.reply(ctx.t("note-no-items"));
    return;
  }
  const several = actsForSeveralAgencies(ctx);
  const items = open.slice(0, NOTE_CHOICES).map(({ view }) => ({
    id: view.id,
    label: itemLabel(
      view,
      ctx.t,
      several ? "note-item-label-agency" : "note-item-label",
      { meeting: formatsFor(ctx.t).digits(view.meeting.number), ...(several ? { agency: view.agency.name } : {}) },
      PICK_SUBJECT_LIMIT,
    ),
  }));
  const args: NoteDialogArgs = { ...content, items };
  await enterDialog(ctx, noteDialog, args);
}
