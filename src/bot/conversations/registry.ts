/**
 * The dialog registry. Each conversation module declares its dialogs with `defineDialog` — an id,
 * a zod schema of its arguments, the actor it needs, what it is about and the script to run — and
 * `conversations/index.ts` registers the list. A feature enters a dialog with one typed call,
 * `enterDialog(ctx, someDialog, args)`, which checks the arguments before anything is stored (a
 * dialog never starts on arguments it cannot use, and the same schema checks them again when a
 * stored dialog is resumed after a restart) and resolves the actor: a caller who does not hold the
 * dialog's role is told so and no dialog starts. The script receives the resolved actor, and the
 * dialog resolves it again on every answer (see `Dialog.answer`), ending with a clear line when
 * the caller lost the role in the middle.
 *
 * The conversations plugin knows a conversation on an update only once the update has passed that
 * conversation's middleware (`createConversation`). Seventeen of them on every update were a fifth
 * of the bot's allocations under load (bench/inbound.ts), though most updates come from chats with
 * no dialog under way. So `everyDialog` runs the whole list only where a dialog is under way (it
 * must see the update), and `enterDialog` registers the one dialog it enters everywhere else.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context, type MiddlewareFn } from "grammy";
import type { z } from "zod";
import type { BotContext } from "../context.js";
import type { ActorResolver, ChatActor } from "../helpers/actors.js";
import { Dialog, type AgencyConversation, type Say } from "./dialog.js";

/** One dialog: what it is called in storage, what it needs, who may run it, and what it does. */
export interface DialogDefinition<S extends z.ZodType, A extends ChatActor = ChatActor> {
  /** Stored with the conversation's state: never rename one that may be under way in production. */
  readonly id: string;
  readonly args: S;
  /** Who the dialog acts for; resolved on entry and again on every answer. */
  readonly actor: ActorResolver<A>;
  /** What the dialog is about, for "you are in the middle of …" and the line that closes it. */
  readonly topic: (args: z.infer<S>) => Say;
  readonly run: (dialog: Dialog, args: z.infer<S>, actor: A) => Promise<void>;
}

/** The arguments a dialog is entered with. */
export type DialogArgs<D> = D extends DialogDefinition<infer S> ? z.infer<S> : never;

/** Declares a dialog (see the module comment). */
export function defineDialog<S extends z.ZodType, A extends ChatActor>(definition: DialogDefinition<S, A>): DialogDefinition<S, A> {
  return definition;
}

/**
 * Enters a dialog after checking its arguments (a wrong argument is a programming error and
 * throws) and its actor: a caller who does not hold its role is told so, and nothing starts.
 */
export async function enterDialog<S extends z.ZodType, A extends ChatActor>(
  ctx: BotContext,
  dialog: DialogDefinition<S, A>,
  args: z.infer<S>,
): Promise<void> {
  const checked = dialog.args.parse(args);
  if (!dialog.actor.resolve(ctx)) {
    await ctx.reply(ctx.t("dialog-actor-refused"));
    return;
  }
  await registerOnce(ctx, dialog);
  await ctx.conversation.enter(dialog.id, checked);
}

/** Each dialog's middleware for the conversations plugin, made once. */
const registrations = new WeakMap<AnyDialog, MiddlewareFn<BotContext>>();

function registrationOf(dialog: AnyDialog): MiddlewareFn<BotContext> {
  let registration = registrations.get(dialog);
  if (!registration) {
    registration = createConversation<BotContext, Context>(scriptOf(dialog), dialog.id);
    registrations.set(dialog, registration);
  }
  return registration;
}

/** The dialogs registered on each update so far, by id (every one, once it passed `everyDialog`'s list). */
const registeredOn = new WeakMap<BotContext, Set<string> | "all">();

/** Registers `dialog` on this update unless it already is: the plugin refuses a second registration. */
async function registerOnce(ctx: BotContext, dialog: AnyDialog): Promise<void> {
  const ids = registeredOn.get(ctx);
  if (ids === "all" || ids?.has(dialog.id)) return;
  // No dialog is under way in this chat (or `everyDialog` would have registered them all), so the
  // plugin only records the dialog and calls next, which has nothing to do here.
  await registrationOf(dialog)(ctx, async () => {});
  registeredOn.set(ctx, new Set(ids).add(dialog.id));
}

/**
 * The middleware that gives an update to the dialog under way in its chat, if any: the whole list
 * registered in order, as `createConversation` expects; nothing where no dialog is under way.
 */
export function everyDialog(dialogs: readonly AnyDialog[]): MiddlewareFn<BotContext> {
  const ids = dialogs.map((d) => d.id);
  if (new Set(ids).size !== ids.length) throw new Error(`two dialogs share an id: ${ids.join(", ")}`);
  const all = new Composer<BotContext>(...dialogs.map(registrationOf), (ctx, next) => {
    registeredOn.set(ctx, "all");
    return next();
  }).middleware();
  return (ctx, next) => (Object.keys(ctx.conversation.active()).length > 0 ? all(ctx, next) : next());
}

/** Any dialog, for the list that registers them (each keeps its own argument type where it is entered). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDialog = DialogDefinition<any, any>;

/** The script as the conversations plugin calls it, with the stored arguments checked again. */
export function scriptOf(dialog: AnyDialog) {
  return async (conversation: AgencyConversation, _ctx: Context, stored: unknown): Promise<void> => {
    const args: unknown = dialog.args.parse(stored);
    const opened = await Dialog.open(conversation, dialog.topic(args), dialog.actor);
    if (opened) await dialog.run(opened.dialog, args, opened.actor);
  };
}
