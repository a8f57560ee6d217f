/**
 * The secretariat's and governorate's view of items: /items (filters by agency, status, overdue),
 * an item's card (from the list, or by replying to any message about it), its /history, and the
 * card's buttons, which open the change dialogs. Every list, card and button asks the services,
 * which check the person's role in the item's committee each time.
 */
import type { Composer } from "grammy";
import { type CallbackQueryContext } from "grammy";
import { BotComposer } from "../../composer.js";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { OutgoingMessage } from "../../../outbox/outbox.js";
import { itemsFilterButton, staffActionButton, type ItemsFilterKind, type StaffAction } from "../../../services/render/callback-data.js";
import type { ItemFilter } from "../../../services/secretariat/items.js";
import type { BotContext } from "../../context.js";
import {
  addAgencyDialog,
  cancelItemDialog,
  enterDialog,
  extendDialog,
  extensionRequestDialog,
  instructionDialog,
  reassignDialog,
  type StaffDialogArgs,
} from "../../conversations/index.js";
import { itemTitleOf, renderHistory, renderItemList, renderStaffItem } from "./item-screens.js";
import { looksLikeStaff, staffActorOf } from "../../helpers/staff.js";

const markup = (message: OutgoingMessage) =>
  message.buttons && message.buttons.length > 0 ? { reply_markup: { inline_keyboard: message.buttons as InlineKeyboardButton[][] } } : {};

const DIALOG_OF: Partial<Record<StaffAction, typeof extendDialog>> = {
  ext: extendDialog,
  cnl: cancelItemDialog,
  rea: reassignDialog,
  add: addAgencyDialog,
  ins: instructionDialog,
};
/** Actions that change an item: the secretariat's only. */
const MANAGING = new Set(["ext", "cnl", "rea", "add"]);

export function items(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("items", async (ctx) => {
    const list = await listScreen(ctx, { kind: "open" }, 1);
    await (list ? ctx.reply(list.text, markup(list)) : ctx.reply(ctx.t("staff-refused-forbidden")));
  });
  // A filter or a page: the list is redrawn in the message pressed on.
  composer.callbackQuery(itemsFilterButton.filter(), async (ctx) => {
    const pressed = itemsFilterButton.unpack(ctx.callbackQuery.data);
    // "agency" names which agency; a payload without one is forged.
    const agencyId = pressed?.kind === "agency" ? pressed.agencyId || undefined : undefined;
    if (!pressed || (pressed.kind === "agency" && agencyId === undefined)) return refusePress(ctx);
    const list = await listScreen(ctx, { kind: pressed.kind, ...(agencyId !== undefined ? { agencyId } : {}) }, pressed.page ?? 1);
    if (!list) return refusePress(ctx);
    await ctx.answerCallbackQuery();
    await editOrReply(ctx, list);
  });

  privateChats.command("history", async (ctx) => {
    const id = await itemOfCommand(ctx);
    if (id === undefined)
      return void (await ctx.reply(ctx.t(staffActorOf(ctx) && looksLikeStaff(ctx) ? "history-how" : "staff-refused-forbidden")));
    await showHistory(ctx, id);
  });

  composer.callbackQuery(staffActionButton.filter(), onPress);

  // A reply to any message about an item opens its card (notices, done claims, requests).
  privateChats.on("message").filter(
    (ctx) => !!ctx.msg.reply_to_message && looksLikeStaff(ctx),
    async (ctx, next) => {
      const id = await itemOfMessage(ctx, ctx.msg.reply_to_message!);
      if (id === undefined) return next();
      const actor = staffActorOf(ctx)!;
      const found = await ctx.services.items.item(actor, id);
      if (!found) return next();
      const card = renderStaffItem(found.loaded, found.manage, ctx.t, ctx.clock.now());
      await ctx.reply(card.text, markup(card));
    },
  );
  return composer;
}

/** A page of the list under a filter; undefined when the person oversees no committee. */
async function listScreen(
  ctx: BotContext,
  filter: { kind: ItemsFilterKind; agencyId?: number },
  page: number,
): Promise<OutgoingMessage | undefined> {
  const actor = staffActorOf(ctx);
  const query: ItemFilter =
    filter.kind === "overdue"
      ? { overdue: true }
      : filter.kind === "reported_done"
        ? { status: "reported_done" }
        : filter.kind === "agency"
          ? { agencyId: filter.agencyId! }
          : {};
  const listed = actor && (await ctx.services.items.list(actor, query, page));
  if (!actor || !listed) return undefined;
  const agencies = await ctx.services.items.agencies(actor);
  const label =
    filter.kind === "agency"
      ? (agencies.find((a) => a.id === filter.agencyId)?.name ?? "")
      : ctx.t(`items-filter-${filter.kind.replace(/_/g, "-")}`);
  return renderItemList(listed, { ...filter, label }, agencies, ctx.t, ctx.clock.now());
}

/** Redraws the pressed message; one that can no longer be edited (too old, deleted) gets the screen as a new message. */
async function editOrReply(ctx: BotContext, message: OutgoingMessage): Promise<void> {
  try {
    await ctx.editMessageText(message.text, markup(message));
  } catch (err) {
    if (/not modified/i.test(String((err as Error).message))) return;
    ctx.logger.warn({ err }, "could not edit the /items message; sending it anew");
    await ctx.reply(message.text, markup(message));
  }
}

const refusePress = async (ctx: BotContext) =>
  void (await ctx.answerCallbackQuery({ text: ctx.t("staff-refused-forbidden"), show_alert: true }));

/** `/history 12`, or /history as a reply to a message about the item. */
async function itemOfCommand(ctx: BotContext): Promise<number | undefined> {
  const arg = String(ctx.match ?? "")
    .trim()
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
  if (/^\d{1,9}$/.test(arg)) return Number(arg);
  const replied = ctx.msg?.reply_to_message;
  return replied ? itemOfMessage(ctx, replied) : undefined;
}

/** The item a message is about: what the outbox sent under its topic, or the item on its staff buttons. */
async function itemOfMessage(ctx: BotContext, message: Message): Promise<number | undefined> {
  const fromOutbox = await ctx.services.assignments.assignmentOfMessage(ctx.profile.platform, String(ctx.chat!.id), message.message_id);
  if (fromOutbox !== undefined) return fromOutbox;
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const b of row) {
      const parsed = "callback_data" in b && b.callback_data ? staffActionButton.unpack(b.callback_data) : undefined;
      if (parsed) return parsed.assignmentId;
    }
  }
  return undefined;
}

async function showHistory(ctx: BotContext, assignmentId: number): Promise<void> {
  const actor = staffActorOf(ctx);
  const found = actor && (await ctx.services.items.item(actor, assignmentId));
  const history = actor && found ? await ctx.services.itemHistory.history(actor, assignmentId) : undefined;
  if (!found || !history?.ok) return void (await ctx.reply(ctx.t("staff-refused-forbidden")));
  await ctx.reply(renderHistory(found.loaded.view, history.entries, ctx.t));
}

async function onPress(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = staffActionButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return refusePress(ctx);
  if (pressed.action === "req") return startExtensionRequest(ctx, pressed.assignmentId);
  return openStaffAction(ctx, pressed);
}

/**
 * A press of an item's staff button (or of a digest's instruction button): the card, the history,
 * or the dialog of the change, if the person's role allows it.
 */
export async function openStaffAction(ctx: BotContext, pressed: { action: StaffAction; assignmentId: number }): Promise<void> {
  const actor = staffActorOf(ctx);
  if (!actor) return refusePress(ctx);
  const found = await ctx.services.items.item(actor, pressed.assignmentId);
  if (!found || (MANAGING.has(pressed.action) && !found.manage)) {
    return refusePress(ctx);
  }
  const { view } = found.loaded;
  if (pressed.action === "car") {
    await ctx.answerCallbackQuery();
    const card = renderStaffItem(found.loaded, found.manage, ctx.t, ctx.clock.now());
    return void (await ctx.reply(card.text, markup(card)));
  }
  if (pressed.action === "his") {
    await ctx.answerCallbackQuery();
    return showHistory(ctx, view.id);
  }
  if ((view.status === "done" || view.status === "cancelled") && pressed.action !== "ins") {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("staff-refused-final"), show_alert: true }));
  }
  const args: StaffDialogArgs = {
    assignmentId: view.id,
    title: itemTitleOf(ctx.t, view),
    calendar: await ctx.services.items.calendarOf(actor, view.id),
    deadline: view.deadline?.toISOString() ?? null,
    partners: view.partners.length,
  };
  if (pressed.action === "rea" || pressed.action === "add") {
    const onResolution = new Set([view.agency.name, ...view.partners.map((p) => p.name)]);
    args.agencies = (await ctx.services.items.agencies(actor))
      .filter((a) => !onResolution.has(a.name))
      .map((a) => ({ id: a.id, name: a.name }));
    if (args.agencies.length === 0) return void (await ctx.answerCallbackQuery({ text: ctx.t("staff-no-other-agency"), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  await enterDialog(ctx, DIALOG_OF[pressed.action]!, args);
}

/** The agency's "ask for more time" button on its assignment message. */
async function startExtensionRequest(ctx: BotContext, assignmentId: number): Promise<void> {
  const actor = ctx.caller ? { personId: ctx.caller.personId, platform: ctx.profile.platform } : undefined;
  const check = actor ? await ctx.services.extensionRequests.canAsk(actor, assignmentId) : undefined;
  if (!actor || !check?.ok) {
    const refusal = check && !check.ok ? check.refusal : "forbidden";
    return void (await ctx.answerCallbackQuery({ text: ctx.t(`staff-refused-${refusal.replace(/_/g, "-")}`), show_alert: true }));
  }
  const loaded = await ctx.services.assignments.view(actor, assignmentId);
  await ctx.answerCallbackQuery();
  const args: StaffDialogArgs = {
    assignmentId,
    title: loaded ? itemTitleOf(ctx.t, loaded.view) : String(assignmentId),
    calendar: check.calendar,
    deadline: check.deadline.toISOString(),
  };
  await enterDialog(ctx, extensionRequestDialog, args);
}
