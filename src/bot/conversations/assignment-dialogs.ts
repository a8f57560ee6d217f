/**
 * The dialogs behind an assignment's buttons — progress, done, blocked — and the one that files
 * a loose message under the item it is about. Each ends in one service call that writes
 * everything at once: nothing is saved before the user confirms.
 */
import { z } from "zod";
import { parsePercent, inputErrorKey, type InputField } from "../../domain/text/index.js";
import { incomingFileSchema, type IncomingFile } from "../../services/attachments.js";
import type { AgencyActionResult, AgencyActor } from "../../services/assignments/index.js";
import type { BotContext } from "../context.js";
import { outcomeText } from "../helpers/agency-replies.js";
import { agencyMember, type ChatActor } from "../helpers/actors.js";
import type { Dialog } from "./dialog.js";
import { accept, CANCEL, reject, withinLimit, type Check, type Reply, type Say } from "./dialog.js";
import { defineDialog } from "./registry.js";

const assignmentDialogArgs = z.object({
  assignmentId: z.number().int().positive(),
  /** "مصوبه ۱ جلسه ۱۴۰۵-۰۸", in the reader's language. */
  title: z.string().min(1),
});
export type AssignmentDialogArgs = z.infer<typeof assignmentDialogArgs>;

/** A loose message (not a reply, outside any dialog) waiting to be filed under an item. */
const noteDialogArgs = z.object({
  text: z.string().optional(),
  file: incomingFileSchema.optional(),
  items: z.array(z.object({ id: z.number().int().positive(), label: z.string() })).min(1),
});
export type NoteDialogArgs = z.infer<typeof noteDialogArgs>;

/** What backs a done claim: a note, a file (with its caption), or nothing. */
interface Evidence {
  text?: string | undefined;
  files?: IncomingFile[];
}

const SKIP = { key: "dialog-button-skip", choice: "skip" };
const NO_EVIDENCE = { key: "done-button-no-evidence", choice: "none" };

const textOnly = (expected: string, field: InputField) => (reply: Reply) =>
  reply.kind === "text" ? withinLimit(reply.text, field) : reject(expected);

function percentAnswer(reply: Reply) {
  if (reply.kind === "choice" && reply.choice === SKIP.choice) return accept(undefined);
  if (reply.kind !== "text") return reject("progress-percent-expected");
  const parsed = parsePercent(reply.text);
  return parsed.ok ? accept(parsed.value) : reject(inputErrorKey(parsed.error.code), parsed.error.params);
}

/** Lines of a summary before confirmation. */
function summary(t: BotContext["t"], headKey: string, title: string, lines: (string | false | undefined)[]): string {
  return [
    t(headKey, { title }),
    ...lines.filter((l): l is string => typeof l === "string" && l !== ""),
    "",
    t("dialog-confirm-question"),
  ].join("\n");
}

/** Runs the final service call for the dialog's actor, and says how it went. */
async function finish(
  dialog: Dialog,
  actor: AgencyActor,
  successKey: string,
  action: (services: BotContext["services"], actor: AgencyActor, idempotencyKey: string) => Promise<AgencyActionResult>,
): Promise<void> {
  await dialog.call(async (ctx, idempotencyKey) => {
    await ctx.reply(outcomeText(ctx.t, await action(ctx.services, actor, idempotencyKey), successKey));
  });
}

async function progress(dialog: Dialog, args: AssignmentDialogArgs, actor: ChatActor): Promise<void> {
  const text = await dialog.ask(
    { key: "progress-ask-text", vars: { title: args.title } },
    [[CANCEL]],
    textOnly("progress-text-expected", "progressText"),
  );
  const percent = await dialog.ask({ key: "progress-ask-percent" }, [[SKIP, CANCEL]], percentAnswer);
  const files = await dialog.collectFiles({ key: "progress-ask-files" });
  await dialog.confirm((t) =>
    summary(t, "progress-summary", args.title, [
      t("summary-text", { text }),
      percent !== undefined ? t("summary-percent", { percent }) : t("summary-percent-unchanged"),
      files.length > 0 && t("summary-files", { count: files.length }),
    ]),
  );
  await finish(dialog, actor, "progress-saved", (services, actor, idempotencyKey) =>
    services.assignments.recordProgress(actor, { assignmentId: args.assignmentId, text, percent, files, idempotencyKey }),
  );
}

async function done(dialog: Dialog, args: AssignmentDialogArgs, actor: ChatActor): Promise<void> {
  const evidence = await dialog.ask(
    { key: "done-ask-evidence", vars: { title: args.title } },
    [[NO_EVIDENCE, CANCEL]],
    (reply): Check<Evidence> => {
      if (reply.kind === "choice") return reply.choice === NO_EVIDENCE.choice ? accept({}) : reject("done-evidence-expected");
      const note = reply.kind === "text" ? reply.text : reply.caption;
      const fits = note === undefined ? accept(undefined) : withinLimit(note, "doneNote");
      if (!fits.ok) return fits;
      if (reply.kind === "text") return accept({ text: reply.text });
      const file = dialog.checkFile(reply.file);
      return file.ok ? accept({ text: reply.caption, files: [file.value] }) : file;
    },
  );
  // A note and several files together: after the note, files may follow; after a file, more of them.
  if (evidence.text !== undefined || evidence.files) {
    const files = await dialog.collectFiles({ key: "done-ask-files" }, evidence.files ?? []);
    if (files.length > 0) evidence.files = files;
  }
  await dialog.confirm((t) =>
    summary(t, "done-summary", args.title, [
      evidence.text ? t("summary-text", { text: evidence.text }) : !evidence.files && t("done-summary-no-evidence"),
      evidence.files && t("summary-files", { count: evidence.files.length }),
    ]),
  );
  await finish(dialog, actor, "done-saved", (services, actor, idempotencyKey) =>
    services.assignments.claimDone(actor, { assignmentId: args.assignmentId, ...evidence, idempotencyKey }),
  );
}

async function blocked(dialog: Dialog, args: AssignmentDialogArgs, actor: ChatActor): Promise<void> {
  const reason = await dialog.ask(
    { key: "blocked-ask-reason", vars: { title: args.title } },
    [[CANCEL]],
    textOnly("blocked-reason-expected", "blockedReason"),
  );
  await dialog.confirm((t) => summary(t, "blocked-summary", args.title, [t("blocked-summary-reason", { reason })]));
  await finish(dialog, actor, "blocked-saved", (services, actor, idempotencyKey) =>
    services.assignments.reportBlocked(actor, { assignmentId: args.assignmentId, reason, idempotencyKey }),
  );
}

async function note(dialog: Dialog, args: NoteDialogArgs, actor: ChatActor): Promise<void> {
  const choices = args.items.map((item) => [{ key: "note-button-item", vars: { label: item.label }, choice: `p${item.id}` }]);
  const ids = new Set(args.items.map((item) => item.id));
  const assignmentId = await dialog.ask({ key: "note-ask-item" }, [...choices, [CANCEL]], (reply) => {
    const id = reply.kind === "choice" && /^p\d+$/.test(reply.choice) ? Number(reply.choice.slice(1)) : NaN;
    return ids.has(id) ? accept(id) : reject("note-item-expected");
  });
  await finish(dialog, actor, "progress-saved", (services, actor, idempotencyKey) =>
    services.assignments.recordProgress(actor, {
      assignmentId,
      idempotencyKey,
      ...(args.text ? { text: args.text } : {}),
      files: args.file ? [args.file] : [],
    }),
  );
}

const titled =
  (key: string) =>
  (args: AssignmentDialogArgs): Say => ({ key, vars: { title: args.title } });

export const progressDialog = defineDialog({
  id: "assignment.progress",
  args: assignmentDialogArgs,
  actor: agencyMember,
  topic: titled("dialog-topic-progress"),
  run: progress,
});
export const doneDialog = defineDialog({
  id: "assignment.done",
  args: assignmentDialogArgs,
  actor: agencyMember,
  topic: titled("dialog-topic-done"),
  run: done,
});
export const blockedDialog = defineDialog({
  id: "assignment.blocked",
  args: assignmentDialogArgs,
  actor: agencyMember,
  topic: titled("dialog-topic-blocked"),
  run: blocked,
});
export const noteDialog = defineDialog({
  id: "assignment.note",
  args: noteDialogArgs,
  actor: agencyMember,
  topic: () => ({ key: "dialog-topic-note" }),
  run: note,
});
