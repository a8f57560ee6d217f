/**
 * The "instruction" (دستور) button of a governorate digest item, callback family `gi:<assignmentId>`
 * (see services/render/callback-data.ts: instructionButton): it opens the same
 * instruction dialog as the item card's button, after the same access check.
 */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import { instructionButton } from "../../services/render/callback-data.js";
import type { BotContext } from "../context.js";
import { openStaffAction } from "./secretariat/items.js";

export function digestInstruction(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.callbackQuery(instructionButton.filter(), (ctx) => {
    const pressed = instructionButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return ctx.answerCallbackQuery({ text: ctx.t("staff-refused-forbidden"), show_alert: true });
    return openStaffAction(ctx, { action: "ins", assignmentId: pressed.assignmentId });
  });
  return composer;
}
