/** What the notice handlers and dialogs say after a service call, in one place. */
import type { InlineKeyboardButton } from "grammy/types";
import type { RsvpAnswer } from "../../domain/notices/index.js";
import type { NoticeActor, RsvpResult } from "../../services/notices/index.js";
import { noticeSendButton } from "../../services/render/callback-data.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import type { BotContext } from "../context.js";

/**
 * Who acts, from the outside context of the update. Someone the bot does not know acts as
 * person 0, whom no membership or recipient row names: the services refuse them like anyone else.
 */
export function noticeActorOf(ctx: BotContext): NoticeActor {
  return { personId: ctx.caller?.personId ?? 0, platform: ctx.profile.platform };
}

const ERROR_KEYS: Record<string, string> = {
  not_secretariat: "notice-error-not-secretariat",
  unknown: "notice-error-unknown",
  cancelled: "notice-error-cancelled",
  not_sent: "notice-error-not-sent",
  not_started: "notice-error-not-started",
  empty_audience: "notice-error-empty-audience",
  conflict: "notice-error-conflict",
};

export function noticeErrorText(t: BotContext["t"], code: string): string {
  return t(ERROR_KEYS[code] ?? "notice-error-invalid");
}

export function rsvpOutcomeText(t: BotContext["t"], result: RsvpResult, answer: RsvpAnswer): string {
  if (!result.ok) return "refusal" in result ? t(`rsvp-refused-${result.refusal}`) : t(`rsvp-invalid-${result.invalid.replace(/_/g, "-")}`);
  return t(result.changed ? `rsvp-saved-${answer}` : "rsvp-unchanged", { title: result.title });
}

export const markupOf = (message: OutgoingMessage) => ({
  reply_markup: { inline_keyboard: (message.buttons ?? []) as InlineKeyboardButton[][] },
});

/** The preview: the notice exactly as recipients get it (and its letter), then Send / Discard. */
export async function sendPreview(ctx: BotContext, noticeId: number): Promise<void> {
  const preview = await ctx.services.notices.compose.preview(noticeActorOf(ctx), noticeId, ctx.t);
  await ctx.reply(ctx.t("notice-preview-head"));
  await ctx.reply(preview.message.text, markupOf(preview.message));
  if (preview.document) {
    const caption = ctx.t("meeting-notice-document-caption", { title: preview.title });
    if (preview.document.kind === "photo") await ctx.replyWithPhoto(preview.document.fileId, { caption });
    else await ctx.replyWithDocument(preview.document.fileId, { caption });
  }
  await ctx.reply(ctx.t("notice-preview-question", { people: preview.recipients }), {
    reply_markup: {
      inline_keyboard: [
        [
          { text: ctx.t("notice-button-send"), callback_data: noticeSendButton.pack({ noticeId, choice: "send" }) },
          { text: ctx.t("notice-button-discard"), callback_data: noticeSendButton.pack({ noticeId, choice: "discard" }) },
        ],
      ],
    },
  });
}
