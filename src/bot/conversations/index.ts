/**
 * Every dialog of the bot, registered in one composer that sits before the other features: an
 * update in a chat with a dialog under way goes to that dialog first, whatever it is.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotContext } from "../context.js";
import { blockedDialog, DIALOG_IDS, doneDialog, noteDialog, progressDialog } from "./assignment-dialogs.js";
import { WEEKLY_REPORT_DIALOG_ID, weeklyReportDialog } from "./weekly-report-dialog.js";

export function dialogs(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, Context>(progressDialog, DIALOG_IDS.progress));
  composer.use(createConversation<BotContext, Context>(doneDialog, DIALOG_IDS.done));
  composer.use(createConversation<BotContext, Context>(blockedDialog, DIALOG_IDS.blocked));
  composer.use(createConversation<BotContext, Context>(noteDialog, DIALOG_IDS.note));
  composer.use(createConversation<BotContext, Context>(weeklyReportDialog, WEEKLY_REPORT_DIALOG_ID));
  return composer;
}
