/**
 * The "instruction" (دستور) button of a governorate digest item, callback family `gi:<assignmentId>`
 * (see services/render/callback-data.ts: instructionData / INSTRUCTION_DATA). Until the secretariat
 * issue's instruction dialog lands, pressing it says the feature is coming; that dialog replaces
 * this composer and keeps the callback family.
 */
import { Composer } from "grammy";
import { INSTRUCTION_DATA } from "../../services/render/callback-data.js";
import type { BotContext } from "../context.js";

export function instructionButton(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(INSTRUCTION_DATA, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("instruction-coming-soon"), show_alert: true }));
  return composer;
}
