/**
 * The dialog registry. Each conversation module declares its dialogs with `defineDialog` — an id,
 * a zod schema of its arguments and the script to run — and `conversations/index.ts` registers the
 * list. A feature enters a dialog with one typed call, `enterDialog(ctx, someDialog, args)`, which
 * checks the arguments before anything is stored: a dialog never starts on arguments it cannot use,
 * and the same schema checks them again when a stored dialog is resumed after a restart.
 */
import type { Context } from "grammy";
import type { z } from "zod";
import type { BotContext } from "../context.js";
import type { AgencyConversation } from "./dialog.js";

/** One dialog: what it is called in storage, what it needs, and what it does. */
export interface DialogDefinition<S extends z.ZodType> {
  /** Stored with the conversation's state: never rename one that may be under way in production. */
  readonly id: string;
  readonly args: S;
  readonly run: (conversation: AgencyConversation, ctx: Context, args: z.infer<S>) => Promise<void>;
}

/** The arguments a dialog is entered with. */
export type DialogArgs<D> = D extends DialogDefinition<infer S> ? z.infer<S> : never;

/** Declares a dialog (see the module comment). */
export function defineDialog<S extends z.ZodType>(definition: DialogDefinition<S>): DialogDefinition<S> {
  return definition;
}

/** Enters a dialog after checking its arguments; a wrong argument is a programming error and throws. */
export async function enterDialog<S extends z.ZodType>(ctx: BotContext, dialog: DialogDefinition<S>, args: z.infer<S>): Promise<void> {
  await ctx.conversation.enter(dialog.id, dialog.args.parse(args));
}

/** Any dialog, for the list that registers them (each keeps its own argument type where it is entered). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDialog = DialogDefinition<any>;

/** The script as the conversations plugin calls it, with the stored arguments checked again. */
export function scriptOf(dialog: AnyDialog) {
  return (conversation: AgencyConversation, ctx: Context, args: unknown): Promise<void> =>
    dialog.run(conversation, ctx, dialog.args.parse(args));
}
