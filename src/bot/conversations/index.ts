/**
 * Every dialog of the bot, registered in one composer that sits before the other features: an
 * update in a chat with a dialog under way goes to that dialog first, whatever it is. A new dialog
 * is declared with `defineDialog` in its module and added to DIALOGS; features enter it with
 * `enterDialog` (see registry.ts).
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotContext } from "../context.js";
import { blockedDialog, doneDialog, noteDialog, progressDialog } from "./assignment-dialogs.js";
import { noticeCancelDialog, noticeComposeDialog, noticeMoveDialog, rsvpAbsentDialog, rsvpDelegateDialog } from "./notice-dialogs.js";
import { scriptOf, type AnyDialog } from "./registry.js";
import {
  addAgencyDialog,
  cancelItemDialog,
  extendDialog,
  extensionRequestDialog,
  instructionDialog,
  reassignDialog,
  sendBackDialog,
} from "./staff-dialogs.js";
import { weeklyReportDialog } from "./weekly-report-dialog.js";

const DIALOGS: readonly AnyDialog[] = [
  progressDialog,
  doneDialog,
  blockedDialog,
  noteDialog,
  weeklyReportDialog,
  noticeComposeDialog,
  noticeMoveDialog,
  noticeCancelDialog,
  rsvpDelegateDialog,
  rsvpAbsentDialog,
  sendBackDialog,
  extendDialog,
  cancelItemDialog,
  reassignDialog,
  addAgencyDialog,
  instructionDialog,
  extensionRequestDialog,
];

export function dialogs(): Composer<BotContext> {
  const ids = DIALOGS.map((d) => d.id);
  if (new Set(ids).size !== ids.length) throw new Error(`two dialogs share an id: ${ids.join(", ")}`);
  const composer = new Composer<BotContext>();
  for (const dialog of DIALOGS) composer.use(createConversation<BotContext, Context>(scriptOf(dialog), dialog.id));
  return composer;
}
