/**
 * Meeting notices in chat: /notice (compose, preview, send), /notices (the latest, to track),
 * the recipients' RSVP buttons, and the secretariat's tracking view with its actions
 * (refresh, remind those who have not answered, move, cancel, attendance). Handlers parse,
 * call a service and render; the services check the secretariat role and the recipient.
 */
import type { Composer } from "grammy";
import { type CallbackQueryContext } from "grammy";
import { BotComposer } from "../composer.js";
import { committeesWhere } from "../../services/identity.js";
import { NoticeError } from "../../services/notices/index.js";
import type { AttendanceSheet } from "../../services/notices/index.js";
import { noticeAttendanceButton, noticeRsvpButton, noticeSendButton, noticeTrackingButton } from "../../services/render/callback-data.js";
import { formatsFor } from "../../services/render/format.js";
import { renderTracking } from "../../services/render/meeting-notice.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { BotContext } from "../context.js";
import {
  enterDialog,
  noticeCancelDialog,
  noticeComposeDialog,
  noticeMoveDialog,
  rsvpAbsentDialog,
  rsvpDelegateDialog,
  type NoticeChangeArgs,
  type NoticeComposeArgs,
  type RsvpDialogArgs,
} from "../conversations/index.js";
import { markupOf, noticeActorOf, noticeErrorText, rsvpOutcomeText } from "../helpers/notice-replies.js";

export function notices(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.callbackQuery(noticeRsvpButton.filter(), onRsvp);
  composer.callbackQuery(noticeSendButton.filter(), onSend);
  composer.callbackQuery(noticeTrackingButton.filter(), onTracking);
  composer.callbackQuery(noticeAttendanceButton.filter(), onAttendance);
  const privateChats = composer.chatType("private");
  privateChats.command("notice", async (ctx) => {
    const committees = committeesWhere(ctx.caller, "secretariat");
    if (committees.length === 0) return void (await ctx.reply(noticeErrorText(ctx.t, "not_secretariat")));
    const args: NoticeComposeArgs = { committees: committees.map((c) => ({ id: c.id, name: c.name })) };
    await enterDialog(ctx, noticeComposeDialog, args);
  });
  privateChats.command("notices", async (ctx) => {
    if (committeesWhere(ctx.caller, "secretariat").length === 0) return void (await ctx.reply(noticeErrorText(ctx.t, "not_secretariat")));
    const list = await ctx.services.notices.tracking.list(noticeActorOf(ctx));
    if (list.length === 0) return void (await ctx.reply(ctx.t("notices-none")));
    const f = formatsFor(ctx.t);
    await ctx.reply(ctx.t("notices-list"), {
      reply_markup: {
        inline_keyboard: list.map((n) => [
          {
            text: ctx.t(n.status === "cancelled" ? "notices-item-cancelled" : "notices-item", {
              title: n.title,
              when: n.meetingAt ? f.dateTime(n.meetingAt) : "",
            }),
            callback_data: noticeTrackingButton.pack({ noticeId: n.id, action: "refresh", screen: "list" }),
          },
        ]),
      },
    });
  });
  return composer;
}

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text, show_alert: true });
}

async function onRsvp(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = noticeRsvpButton.unpack(ctx.callbackQuery.data);
  // Recipient 0: the buttons of a preview, which only show what recipients will see.
  if (!pressed || pressed.recipientId === 0) return alert(ctx, ctx.t("rsvp-preview-button"));
  const actor = noticeActorOf(ctx);
  if (pressed.answer === "attending") {
    const result = await ctx.services.notices.rsvp.answer(actor, pressed.recipientId, { answer: "attending" });
    const text = rsvpOutcomeText(ctx.t, result, "attending");
    if (!result.ok) return alert(ctx, text);
    await ctx.answerCallbackQuery();
    await ctx.reply(text);
    return;
  }
  // A delegate's name, or a reason, is typed: refuse a cancelled or started meeting before asking.
  const check = await ctx.services.notices.rsvp.check(actor, pressed.recipientId);
  if (!check.ok) return alert(ctx, ctx.t(`rsvp-refused-${check.refusal}`));
  await ctx.answerCallbackQuery();
  const args: RsvpDialogArgs = { recipientId: pressed.recipientId, title: check.title };
  await enterDialog(ctx, pressed.answer === "delegate" ? rsvpDelegateDialog : rsvpAbsentDialog, args);
}

/** Shows the tracking view as a new message and remembers it, so it follows the answers. */
async function showTracking(ctx: BotContext, noticeId: number, mode: "reply" | "edit"): Promise<void> {
  const view = await ctx.services.notices.tracking.tracking(noticeActorOf(ctx), noticeId);
  const message = renderTracking(view, ctx.t);
  const shown = mode === "edit" ? await editPressed(ctx, message) : await ctx.reply(message.text, markupOf(message));
  const messageId = shown === true ? ctx.callbackQuery?.message?.message_id : shown ? shown.message_id : undefined;
  if (messageId !== undefined) {
    await ctx.services.notices.tracking.watch(noticeActorOf(ctx), noticeId, {
      platform: ctx.profile.platform,
      chatId: String(ctx.chat!.id),
      messageId: String(messageId),
    });
  }
}

async function editPressed(ctx: BotContext, message: OutgoingMessage): Promise<true | undefined> {
  try {
    await ctx.editMessageText(message.text, markupOf(message));
    return true;
  } catch (err) {
    if (/not modified/i.test(String((err as Error).message))) return true;
    ctx.logger.warn({ err }, "could not refresh the tracking view");
    return undefined;
  }
}

async function onSend(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = noticeSendButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return alert(ctx, noticeErrorText(ctx.t, "unknown"));
  const actor = noticeActorOf(ctx);
  try {
    if (pressed.choice === "discard") {
      const dropped = await ctx.services.notices.compose.discard(actor, pressed.noticeId);
      await ctx.answerCallbackQuery({ text: ctx.t(dropped ? "notice-discarded" : "notice-already-sent") });
      return;
    }
    const result = await ctx.services.notices.compose.send(actor, pressed.noticeId);
    if (!result.sent) return alert(ctx, ctx.t(result.reason === "cancelled" ? "notice-error-cancelled" : "notice-already-sent"));
    await ctx.answerCallbackQuery({ text: ctx.t("notice-sent", { people: result.recipients }) });
    await ctx.reply(ctx.t("notice-sent", { people: result.recipients }));
    await showTracking(ctx, pressed.noticeId, "reply");
  } catch (err) {
    if (err instanceof NoticeError) return alert(ctx, noticeErrorText(ctx.t, err.code));
    throw err;
  }
}

async function onTracking(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = noticeTrackingButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return alert(ctx, noticeErrorText(ctx.t, "unknown"));
  const actor = noticeActorOf(ctx);
  try {
    const { noticeId } = pressed;
    switch (pressed.action) {
      case "refresh": {
        await ctx.answerCallbackQuery();
        // From the /notices list a new view is shown; on a view, the view itself is redrawn.
        return showTracking(ctx, noticeId, pressed.screen === "list" ? "reply" : "edit");
      }
      case "remind": {
        const { people } = await ctx.services.notices.tracking.remindNonResponders(actor, noticeId);
        await ctx.answerCallbackQuery({ text: ctx.t("tracking-reminded", { people }) });
        await ctx.reply(ctx.t("tracking-reminded", { people }));
        return;
      }
      case "move":
      case "cancel": {
        const view = await ctx.services.notices.tracking.tracking(actor, noticeId);
        await ctx.answerCallbackQuery();
        const args: NoticeChangeArgs = { noticeId, title: view.notice.title };
        return enterDialog(ctx, pressed.action === "move" ? noticeMoveDialog : noticeCancelDialog, args);
      }
      case "attendance": {
        const sheet = await ctx.services.notices.attendance.sheet(actor, noticeId);
        await ctx.answerCallbackQuery();
        const message = renderSheet(ctx, sheet);
        await ctx.reply(message.text, markupOf(message));
        return;
      }
    }
  } catch (err) {
    if (err instanceof NoticeError) return alert(ctx, noticeErrorText(ctx.t, err.code));
    throw err;
  }
}

function renderSheet(ctx: BotContext, sheet: AttendanceSheet): OutgoingMessage {
  const lines = [ctx.t("attendance-title", { title: sheet.title })];
  for (const e of sheet.entries) {
    const who = e.name ? (e.delegate ? ctx.t("attendance-delegate", { name: e.name, post: e.post ?? "" }) : e.name) : "";
    lines.push(ctx.t(e.present ? "attendance-present" : "attendance-absent", { agency: e.agency ?? ctx.t("tracking-governorate"), who }));
  }
  lines.push("", ctx.t(sheet.savedAt ? "attendance-saved-state" : "attendance-hint"));
  const buttons = sheet.entries
    .filter((e) => e.agencyId !== null)
    .map((e) => [
      {
        text: `${e.present ? "✅" : "❌"} ${e.agency}`,
        callback_data: noticeAttendanceButton.pack({ noticeId: sheet.noticeId, agencyId: e.agencyId! }),
      },
    ]);
  buttons.push([
    { text: ctx.t("attendance-button-save"), callback_data: noticeAttendanceButton.pack({ noticeId: sheet.noticeId, agencyId: 0 }) },
  ]);
  return { text: lines.join("\n"), buttons };
}

async function onAttendance(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = noticeAttendanceButton.unpack(ctx.callbackQuery.data);
  if (!pressed) return alert(ctx, noticeErrorText(ctx.t, "unknown"));
  const actor = noticeActorOf(ctx);
  try {
    const sheet =
      pressed.agencyId === 0
        ? await ctx.services.notices.attendance.save(actor, pressed.noticeId)
        : await ctx.services.notices.attendance.toggle(actor, pressed.noticeId, pressed.agencyId);
    await ctx.answerCallbackQuery(
      pressed.agencyId === 0 ? { text: ctx.t(sheet.meetingId ? "attendance-saved" : "attendance-saved-no-meeting") } : {},
    );
    await editPressed(ctx, renderSheet(ctx, sheet));
  } catch (err) {
    if (err instanceof NoticeError) return alert(ctx, noticeErrorText(ctx.t, err.code));
    throw err;
  }
}
