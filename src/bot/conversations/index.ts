/**
 * Every dialog of the bot, registered in one composer that sits before the other features: an
 * update in a chat with a dialog under way goes to that dialog first, whatever it is.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotContext } from "../context.js";
import { blockedDialog, DIALOG_IDS, doneDialog, noteDialog, progressDialog } from "./assignment-dialogs.js";
import {
  STAFF_DIALOG_IDS,
  addAgencyDialog,
  cancelItemDialog,
  extendDialog,
  extensionRequestDialog,
  instructionDialog,
  reassignDialog,
  sendBackDialog,
} from "./staff-dialogs.js";
import { WEEKLY_REPORT_DIALOG_ID, weeklyReportDialog } from "./weekly-report-dialog.js";

export function dialogs(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, Context>(progressDialog, DIALOG_IDS.progress));
  composer.use(createConversation<BotContext, Context>(doneDialog, DIALOG_IDS.done));
  composer.use(createConversation<BotContext, Context>(blockedDialog, DIALOG_IDS.blocked));
  composer.use(createConversation<BotContext, Context>(noteDialog, DIALOG_IDS.note));
  composer.use(createConversation<BotContext, Context>(weeklyReportDialog, WEEKLY_REPORT_DIALOG_ID));
  composer.use(createConversation<BotContext, Context>(sendBackDialog, STAFF_DIALOG_IDS.sendBack));
  composer.use(createConversation<BotContext, Context>(extendDialog, STAFF_DIALOG_IDS.extend));
  composer.use(createConversation<BotContext, Context>(cancelItemDialog, STAFF_DIALOG_IDS.cancel));
  composer.use(createConversation<BotContext, Context>(reassignDialog, STAFF_DIALOG_IDS.reassign));
  composer.use(createConversation<BotContext, Context>(addAgencyDialog, STAFF_DIALOG_IDS.addAgency));
  composer.use(createConversation<BotContext, Context>(instructionDialog, STAFF_DIALOG_IDS.instruction));
  composer.use(createConversation<BotContext, Context>(extensionRequestDialog, STAFF_DIALOG_IDS.extensionRequest));
  return composer;
}
