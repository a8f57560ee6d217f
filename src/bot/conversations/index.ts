/**
 * Every dialog of the bot, registered in one composer that sits before the other features: an
 * update in a chat with a dialog under way goes to that dialog first, whatever it is. A new dialog
 * is declared with `defineDialog` in its module and added to DIALOGS; features enter it with
 * `enterDialog` (see registry.ts). This module is the conversations' only entry: features import the
 * dialogs, their argument types and `enterDialog` from here, and nothing else of this folder.
 */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";
import { blockedDialog, doneDialog, noteDialog, progressDialog } from "./assignment-dialogs.js";
import { noticeCancelDialog, noticeComposeDialog, noticeMoveDialog, rsvpAbsentDialog, rsvpDelegateDialog } from "./notice-dialogs.js";
import { everyDialog, type AnyDialog } from "./registry.js";
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

export { enterDialog, type DialogArgs } from "./registry.js";
export { blockedDialog, doneDialog, noteDialog, progressDialog, type NoteDialogArgs } from "./assignment-dialogs.js";
export { noticeCancelDialog, noticeComposeDialog, noticeMoveDialog, rsvpAbsentDialog, rsvpDelegateDialog } from "./notice-dialogs.js";
export type { NoticeChangeArgs, NoticeComposeArgs, RsvpDialogArgs } from "./notice-dialogs.js";
export {
  addAgencyDialog,
  cancelItemDialog,
  extendDialog,
  extensionRequestDialog,
  instructionDialog,
  reassignDialog,
  sendBackDialog,
  type StaffDialogArgs,
} from "./staff-dialogs.js";
export { weeklyReportDialog, type WeeklyReportDialogArgs } from "./weekly-report-dialog.js";

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
  return new BotComposer<BotContext>(everyDialog(DIALOGS));
}
