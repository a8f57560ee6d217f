/**
 * The "instruction" (دستور) button of a governorate digest item, callback family `gi:<assignmentId>`
 * (see services/render/callback-data.ts: instructionData / INSTRUCTION_DATA): it opens the same
 * instruction dialog as the item card's button, after the same access check.
 */
import { Composer } from "grammy";
import { INSTRUCTION_DATA } from "../../services/render/callback-data.js";
import type { BotContext } from "../context.js";
import { openStaffAction } from "./secretariat/items.js";

export function instructionButton(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(INSTRUCTION_DATA, (ctx) => {
    const assignmentId = Number(INSTRUCTION_DATA.exec(ctx.callbackQuery.data)![1]);
    return openStaffAction(ctx, { action: "ins", assignmentId });
  });
  return composer;
}
