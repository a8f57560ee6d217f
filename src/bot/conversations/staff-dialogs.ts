/**
 * The secretariat's and governorate's short dialogs on an item — send a done claim back, extend,
 * cancel, reassign, add an agency, give an instruction — and the agency's extension request.
 * Each asks its questions, shows a summary, and ends in one service call that checks the
 * person's access again and writes everything at once: nothing is saved before "ثبت".
 */
import { z } from "zod";
import { deadlineDay } from "../../domain/assignments/deadline.js";
import { formatJalaliLong, type JalaliDate } from "../../domain/calendar/index.js";
import { parseDeadlineInput, resolveDeadline } from "../../domain/minutes/index.js";
import { toJalali } from "../../domain/calendar/index.js";
import { workCalendarOf } from "../../services/calendars.js";
import type { StaffActor } from "../../services/secretariat/access.js";
import type { BotContext } from "../context.js";
import { agencyMember, committeeStaff, secretariatMember, type ChatActor } from "../helpers/actors.js";
import { refusalMessage } from "../helpers/staff.js";
import type { Dialog } from "./dialog.js";
import { accept, CANCEL, reject, type Check, type Reply, type Say } from "./dialog.js";
import { defineDialog } from "./registry.js";

const staffDialogArgs = z.object({
  assignmentId: z.number().int().positive(),
  /** «مصوبه ۱ جلسه ۱۴۰۵-۰۸ — اداره تعاون…», in the reader's language. */
  title: z.string(),
  /** The item's calendar configuration, its current deadline (ISO) and the agencies a reassignment may go to. */
  calendar: z.unknown().optional(),
  deadline: z.string().nullable().optional(),
  /** Other agencies on the resolution, for "this agency only / all agencies". */
  partners: z.number().int().nonnegative().optional(),
  agencies: z.array(z.object({ id: z.number().int().positive(), name: z.string() })).optional(),
});
export type StaffDialogArgs = z.infer<typeof staffDialogArgs>;

const textAnswer = (expected: string) => (reply: Reply) => (reply.kind === "text" ? accept(reply.text) : reject(expected));

/** A new deadline typed in the dialog: a date or a span from today, later than the current one, on a working day. */
function deadlineAnswer(args: StaffDialogArgs, now: Date) {
  const calendar = workCalendarOf(args.calendar);
  return (reply: Reply): Check<JalaliDate> => {
    if (reply.kind !== "text") return reject("staff-date-expected");
    const spec = parseDeadlineInput(reply.text, now, calendar);
    if (!spec.ok) return rejectCode(spec.error.code, spec.error.params);
    if (spec.value.kind === "standing") return reject("staff-date-expected");
    const day = resolveDeadline(spec.value, toJalali(now), now, calendar);
    if (!day.ok) return rejectCode(day.error.code, day.error.params);
    if (args.deadline && day.value && formatKey(day.value) <= formatKey(deadlineDay(new Date(args.deadline))))
      return reject("staff-extend-not-later");
    return accept(day.value!);
  };
}

const formatKey = (d: JalaliDate) => d.jy * 10_000 + d.jm * 100 + d.jd;

/** An input or deadline error code as a dialog rejection (the texts are shared with /meeting). */
function rejectCode(code: string, params?: Readonly<Record<string, string | number>>): Check<never> {
  return { ok: false, say: (t) => refusalMessage(t, "staff-refused", code, { ...params }) };
}

async function nowOf(dialog: Dialog): Promise<Date> {
  return new Date(await dialog.call((ctx) => Promise.resolve(ctx.clock.now().toISOString())));
}

/** Runs the final call as the dialog's actor and says how it went. */
async function finish(
  dialog: Dialog,
  actor: StaffActor,
  call: (ctx: BotContext, actor: StaffActor) => Promise<{ ok: true } | { ok: false; refusal: string; next?: JalaliDate }>,
  successKey: string,
  vars: Record<string, string | number>,
): Promise<void> {
  await dialog.call(async (ctx) => {
    const result = await call(ctx, actor);
    if (result.ok) return void (await ctx.reply(ctx.t(successKey, vars)));
    const params: Record<string, string | number> = result.next ? { jy: result.next.jy, jm: result.next.jm, jd: result.next.jd } : {};
    await ctx.reply(refusalMessage(ctx.t, "staff-refused", result.refusal === "day_off" ? "deadline.day_off" : result.refusal, params));
  });
}

async function sendBack(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const comment = await dialog.ask(
    { key: "verify-ask-comment", vars: { title: args.title } },
    [[CANCEL]],
    textAnswer("staff-comment-expected"),
  );
  await finish(dialog, actor, (ctx, actor) => ctx.services.verification.sendBack(actor, args.assignmentId, comment), "verify-sent-back", {
    title: args.title,
  });
}

async function extend(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const now = await nowOf(dialog);
  const until = await dialog.ask({ key: "staff-ask-new-deadline", vars: { title: args.title } }, [[CANCEL]], deadlineAnswer(args, now));
  const ONE = { key: "staff-button-scope-agency", choice: "one" };
  const ALL = { key: "staff-button-scope-all", choice: "all" };
  const scope =
    (args.partners ?? 0) > 0
      ? await dialog.ask({ key: "staff-ask-scope" }, [[ONE, ALL], [CANCEL]], (reply) =>
          reply.kind === "choice" && (reply.choice === ONE.choice || reply.choice === ALL.choice)
            ? accept(reply.choice === ALL.choice ? ("resolution" as const) : ("agency" as const))
            : reject("staff-choice-expected"),
        )
      : ("agency" as const);
  const reason = await dialog.ask({ key: "staff-ask-reason" }, [[CANCEL]], textAnswer("staff-reason-expected"));
  await dialog.confirm((t) => t("staff-extend-summary", { title: args.title, date: formatJalaliLong(until), reason }));
  await finish(
    dialog,
    actor,
    (ctx, actor) => ctx.services.deadlineChanges.extend(actor, { assignmentId: args.assignmentId, until, reason, scope }),
    "staff-extended",
    { title: args.title, date: formatJalaliLong(until) },
  );
}

async function cancelItem(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const reason = await dialog.ask(
    { key: "staff-ask-cancel-reason", vars: { title: args.title } },
    [[CANCEL]],
    textAnswer("staff-reason-expected"),
  );
  await dialog.confirm((t) => t("staff-cancel-summary", { title: args.title, reason }));
  await finish(dialog, actor, (ctx, actor) => ctx.services.itemChanges.cancel(actor, args.assignmentId, reason), "staff-cancelled", {
    title: args.title,
  });
}

async function chooseAgency(dialog: Dialog, args: StaffDialogArgs, question: string): Promise<{ id: number; name: string }> {
  const agencies = args.agencies ?? [];
  const choices = agencies.map((a) => [{ key: "staff-button-label", vars: { label: a.name }, choice: `g${a.id}` }]);
  return dialog.ask({ key: question, vars: { title: args.title } }, [...choices, [CANCEL]], (reply) => {
    const found = reply.kind === "choice" ? agencies.find((a) => `g${a.id}` === reply.choice) : undefined;
    return found ? accept(found) : reject("staff-agency-expected");
  });
}

async function reassign(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const agency = await chooseAgency(dialog, args, "staff-ask-reassign-to");
  const reason = await dialog.ask({ key: "staff-ask-reason" }, [[CANCEL]], textAnswer("staff-reason-expected"));
  await dialog.confirm((t) => t("staff-reassign-summary", { title: args.title, agency: agency.name, reason }));
  await finish(
    dialog,
    actor,
    (ctx, actor) => ctx.services.itemChanges.reassign(actor, args.assignmentId, agency.id, reason),
    "staff-reassigned",
    {
      title: args.title,
      agency: agency.name,
    },
  );
}

async function addAgency(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const agency = await chooseAgency(dialog, args, "staff-ask-add-agency");
  await finish(
    dialog,
    actor,
    (ctx, actor) => ctx.services.itemChanges.addAgency(actor, args.assignmentId, agency.id),
    "staff-agency-added",
    {
      title: args.title,
      agency: agency.name,
    },
  );
}

async function instruction(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const text = await dialog.ask(
    { key: "staff-ask-instruction", vars: { title: args.title } },
    [[CANCEL]],
    textAnswer("staff-instruction-expected"),
  );
  await dialog.confirm((t) => t("staff-instruction-summary", { title: args.title, text }));
  await finish(dialog, actor, (ctx, actor) => ctx.services.instructions.give(actor, args.assignmentId, text), "staff-instruction-sent", {
    title: args.title,
  });
}

/** The agency's side: a new day and a reason, sent to the secretariat for its decision. */
async function extensionRequest(dialog: Dialog, args: StaffDialogArgs, actor: ChatActor): Promise<void> {
  const now = await nowOf(dialog);
  const until = await dialog.ask({ key: "ext-request-ask-date", vars: { title: args.title } }, [[CANCEL]], deadlineAnswer(args, now));
  const reason = await dialog.ask({ key: "ext-request-ask-reason" }, [[CANCEL]], textAnswer("staff-reason-expected"));
  await dialog.confirm((t) => t("ext-request-summary", { title: args.title, date: formatJalaliLong(until), reason }));
  await dialog.call(async (ctx) => {
    const result = await ctx.services.extensionRequests.request(actor, { assignmentId: args.assignmentId, until, reason });
    if (result.ok) return void (await ctx.reply(ctx.t("ext-request-sent", { title: args.title, date: formatJalaliLong(until) })));
    const params: Record<string, string | number> = result.next ? { ...result.next } : {};
    await ctx.reply(refusalMessage(ctx.t, "staff-refused", result.refusal === "day_off" ? "deadline.day_off" : result.refusal, params));
  });
}

/** A staff dialog on the item named in its arguments. */
function staffDialog(
  id: string,
  topicKey: string,
  actor: typeof secretariatMember,
  run: (dialog: Dialog, args: StaffDialogArgs, actor: ChatActor) => Promise<void>,
) {
  return defineDialog({ id, args: staffDialogArgs, actor, topic: (args): Say => ({ key: topicKey, vars: { title: args.title } }), run });
}

export const sendBackDialog = staffDialog("staff.send_back", "staff-topic-send-back", secretariatMember, sendBack);
export const extendDialog = staffDialog("staff.extend", "staff-topic-extend", secretariatMember, extend);
export const cancelItemDialog = staffDialog("staff.cancel", "staff-topic-cancel", secretariatMember, cancelItem);
export const reassignDialog = staffDialog("staff.reassign", "staff-topic-reassign", secretariatMember, reassign);
export const addAgencyDialog = staffDialog("staff.add_agency", "staff-topic-add-agency", secretariatMember, addAgency);
export const instructionDialog = staffDialog("staff.instruction", "staff-topic-instruction", committeeStaff, instruction);
export const extensionRequestDialog = staffDialog(
  "agency.extension_request",
  "staff-topic-extension-request",
  agencyMember,
  extensionRequest,
);
