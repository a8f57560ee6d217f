/**
 * The step-by-step dialogs of the agency side, on @grammyjs/conversations 2.
 *
 * A conversation is replayed from its stored log on every update, so a dialog here is only a
 * script of questions and answers. Every effect — sending a message, calling a service — goes
 * through `conversation.external` with the OUTSIDE context of the current update: that context
 * carries the platform's API transformers (Bale's Markdown neutralisation), the caller's language
 * and identity, and the services; and what `external` returns is stored, so a replay (or a
 * restart: the log lives in the database) never repeats it.
 *
 * An answer that does not fit the question (a percent of 150, text where a file is expected, a
 * button from an older dialog) gets a clear message and is then `skip`ped: the dialog stays
 * exactly where it was, and the log does not grow with mistakes.
 *
 * What points elsewhere always means what it says: a press on another message's button, a reply
 * to another message, or a command closes the dialog with a one-line note (nothing of it was
 * saved: every dialog saves only at its end) and is handled as if no dialog were open. /help,
 * /tasks and /start are answered beside the dialog, which stays at its question. A question left
 * unanswered longer than DIALOG_IDLE_MINUTES is dropped the same way when the person next writes.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { overLimit, type InputField } from "../../domain/text/index.js";
import type { TranslationVars } from "../../i18n/index.js";
import { isWithinLimit, type IncomingFile } from "../../services/attachments.js";
import { dialogButton } from "../../services/render/callback-data.js";
import type { BotContext } from "../context.js";
import type { ActorResolver, ChatActor } from "../helpers/actors.js";
import { incomingFileOf, isCommand, megabytes, normalisedText } from "../helpers/incoming.js";

export type AgencyConversation = Conversation<BotContext, Context>;

/** A text to show: a locale key with variables, or built from the translator of the reader. */
export type Say = { key: string; vars?: TranslationVars } | ((t: BotContext["t"]) => string);

/** A button of a dialog: its label and the choice it sends back. */
export interface Choice {
  key: string;
  vars?: TranslationVars;
  choice: string;
}

/** What the user answered. */
export type Reply =
  { kind: "text"; text: string } | { kind: "file"; file: IncomingFile; caption: string | undefined } | { kind: "choice"; choice: string };

export type Check<T> = { ok: true; value: T } | { ok: false; say: Say };

export const accept = <T>(value: T): Check<T> => ({ ok: true, value });
export const reject = (key: string, vars?: TranslationVars): Check<never> => ({ ok: false, say: vars ? { key, vars } : { key } });

/** A text for `field`, or the stated maximum when it is over it (the dialog stays at its question). */
export function withinLimit(text: string, field: InputField): Check<string> {
  const over = overLimit(text, field);
  return over ? reject("input-too-long", over) : accept(text);
}

export const CANCEL: Choice = { key: "dialog-button-cancel", choice: "x" };
const CONFIRM: Choice = { key: "dialog-button-confirm", choice: "ok" };
const FILES_DONE = "fin";

function textOf(say: Say, t: BotContext["t"]): string {
  return typeof say === "function" ? say(t) : t(say.key, say.vars);
}

/** Commands that only show something: answered beside a dialog, which keeps its question. */
const ASIDE_COMMANDS = new Set(["help", "tasks", "start"]);

/** What an update that is not an answer does to the dialog. */
type Interruption = "aside" | "leave";

export class Dialog {
  private constructor(
    private readonly conversation: AgencyConversation,
    /** Ties this dialog's buttons to it: a button of an older or other dialog is recognised as stale. */
    readonly token: string,
    readonly maxAttachmentBytes: number,
    /** What the dialog is about, for "you are in the middle of …". */
    private readonly topic: Say,
    /** Unique to this run of the dialog (kept in its log, so the same after a replay or restart). */
    private readonly runId: string,
    /** Who the dialog acts for: resolved again on every answer. */
    private readonly actor: ActorResolver,
  ) {}

  /** Effects run so far; a replay runs them in the same order, so the count names a step. */
  #steps = 0;
  /** The dialog's own messages (ids come from the log on a replay): a reply to one of them is an answer. */
  readonly #ownMessages = new Set<number>();
  /** When the dialog last spoke: its question waits from then. */
  #lastSaidAt: number | undefined;

  /**
   * Opens a dialog for the actor `resolver` finds in the current update, or says the dialog is not
   * for the caller and returns undefined (a resumed dialog whose log has no actor ends the same way).
   */
  static async open<A extends ChatActor>(
    conversation: AgencyConversation,
    topic: Say,
    resolver: ActorResolver<A>,
  ): Promise<{ dialog: Dialog; actor: A } | undefined> {
    const { token, maxAttachmentBytes, runId, actor } = await conversation.external(async (ctx) => {
      const actor = resolver.resolve(ctx);
      if (!actor) await ctx.reply(ctx.t("dialog-actor-refused"));
      return { token: randomBytes(3).toString("hex"), maxAttachmentBytes: ctx.config.maxAttachmentBytes, runId: randomUUID(), actor };
    });
    if (!actor) return undefined;
    return { dialog: new Dialog(conversation, token, maxAttachmentBytes, topic, runId, resolver), actor };
  }

  /** Sends a message in the reader's language, with this dialog's buttons. */
  async say(say: Say, choices: Choice[][] = []): Promise<void> {
    const { messageId, at } = await this.conversation.external(async (ctx) => {
      const keyboard: InlineKeyboardButton[][] = choices.map((row) =>
        row.map((c) => ({ text: ctx.t(c.key, c.vars), callback_data: dialogButton.pack({ token: this.token, choice: c.choice }) })),
      );
      // Taken before sending: the person cannot answer a question before it is asked.
      const at = ctx.clock.now().getTime();
      const sent = await ctx.reply(textOf(say, ctx.t), keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {});
      return { messageId: sent.message_id, at };
    });
    this.#ownMessages.add(messageId);
    this.#lastSaidAt = at;
  }

  /**
   * Runs a service call (or anything with effects) once, with the outside context. Its result
   * must be plain data. `idempotencyKey` names this step of this dialog: a state change made with
   * it is recorded once, even when a crash makes the step run again (its result was not yet in
   * the dialog's log), so pass it to every service call that changes state.
   */
  call<R>(task: (ctx: BotContext, idempotencyKey: string) => Promise<R>): Promise<R> {
    const idempotencyKey = `dialog:${this.runId}:${++this.#steps}`;
    return this.conversation.external((ctx) => task(ctx, idempotencyKey));
  }

  /** Asks, then waits until an answer passes `check`; the cancel button ends the dialog. */
  async ask<T>(question: Say, choices: Choice[][], check: (reply: Reply) => Check<T>): Promise<T> {
    await this.say(question, choices);
    return this.answer(check);
  }

  /** Waits for the next answer to this dialog; anything else is explained and skipped, or ends it. */
  async answer<T>(check: (reply: Reply) => Check<T>): Promise<T> {
    const waitingSince = this.#lastSaidAt ?? (await this.#now());
    const ctx = await this.conversation.wait();
    const now = await this.conversation.external((outside) => ({
      over: outside.clock.now().getTime() - waitingSince > outside.config.dialogIdleMinutes * 60_000,
      minutes: outside.config.dialogIdleMinutes,
      // Roles are read afresh for every update: one taken away mid-dialog ends it here.
      actorLost: this.actor.resolve(outside) === undefined,
    }));
    if (now.actorLost) {
      await this.say((t) => t("dialog-actor-lost", { topic: textOf(this.topic, t) }));
      return this.conversation.halt();
    }
    if (now.over) {
      await this.say((t) => t("dialog-expired", { topic: textOf(this.topic, t), minutes: now.minutes }));
      return this.conversation.halt({ next: true });
    }
    const interruption = this.#interruptionBy(ctx);
    if (interruption === "aside") return this.conversation.skip({ next: true });
    if (interruption === "leave") {
      await this.say((t) => t("dialog-left", { topic: textOf(this.topic, t) }));
      return this.conversation.halt({ next: true });
    }
    const reply = await this.#read(ctx);
    if (reply === undefined) return this.conversation.skip({ next: false });
    if (reply.kind === "choice" && reply.choice === CANCEL.choice) {
      await this.say({ key: "dialog-cancelled" });
      return this.conversation.halt();
    }
    const result = check(reply);
    if (result.ok) return result.value;
    await this.say(result.say);
    return this.conversation.skip({ next: false });
  }

  /** Shows a summary with Confirm / Cancel; returns once confirmed (cancel ends the dialog). */
  async confirm(summary: Say): Promise<void> {
    await this.ask(summary, [[CONFIRM, CANCEL]], (reply) =>
      reply.kind === "choice" && reply.choice === CONFIRM.choice ? accept(undefined) : reject("dialog-confirm-expected"),
    );
  }

  /**
   * Collects documents and photos until "done"; each is checked against the size limit. Given the
   * files already received, it goes on from them (asking for more, not for a first one).
   */
  async collectFiles(prompt: Say, received: readonly IncomingFile[] = []): Promise<IncomingFile[]> {
    const files = [...received];
    const more = (): Say => ({ key: "dialog-file-received", vars: { count: files.length } });
    let question = files.length > 0 ? more() : prompt;
    let finish: Choice = { key: files.length > 0 ? "dialog-button-files-done" : "dialog-button-no-files", choice: FILES_DONE };
    for (;;) {
      const file = await this.ask(question, [[finish, CANCEL]], (reply) => {
        if (reply.kind === "choice" && reply.choice === FILES_DONE) return accept(null);
        if (reply.kind !== "file") return reject("dialog-file-expected");
        return this.checkFile(reply.file);
      });
      if (file === null) return files;
      files.push(file);
      question = more();
      finish = { key: "dialog-button-files-done", choice: FILES_DONE };
    }
  }

  checkFile(file: IncomingFile): Check<IncomingFile> {
    return isWithinLimit(file, this.maxAttachmentBytes)
      ? accept(file)
      : reject("dialog-file-too-large", { size: megabytes(file.size ?? 0), max: megabytes(this.maxAttachmentBytes) });
  }

  #now(): Promise<number> {
    return this.conversation.external((ctx) => ctx.clock.now().getTime());
  }

  /** Whether an update points away from this dialog (see the module comment), or is for it. */
  #interruptionBy(ctx: Context): Interruption | undefined {
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) return dialogButton.unpack(data) ? undefined : "leave";
    const message = ctx.message;
    if (!message) return undefined;
    if (isCommand(message)) {
      const command = /^\/([A-Za-z_]+)/.exec(message.text ?? "")?.[1]?.toLowerCase();
      return command && ASIDE_COMMANDS.has(command) ? "aside" : "leave";
    }
    const repliedTo = message.reply_to_message?.message_id;
    return repliedTo !== undefined && !this.#ownMessages.has(repliedTo) ? "leave" : undefined;
  }

  /** The update as an answer to this dialog, or undefined after explaining why it is not one. */
  async #read(ctx: Context): Promise<Reply | undefined> {
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      const dialog = dialogButton.unpack(data);
      if (dialog?.token === this.token) return { kind: "choice", choice: dialog.choice };
      await this.#alert({ key: "dialog-button-stale" });
      return undefined;
    }
    const message = ctx.message;
    // Edits of earlier messages and other updates do not answer a question.
    if (!message) return undefined;
    const file = incomingFileOf(message);
    if (file) return { kind: "file", file, caption: normalisedText(message.caption) };
    const text = normalisedText(message.text);
    if (text !== undefined) return { kind: "text", text };
    await this.say({ key: "dialog-unsupported-message" });
    return undefined;
  }

  async #alert(say: Say): Promise<void> {
    await this.conversation.external(async (ctx) => {
      await ctx.answerCallbackQuery({ text: textOf(say, ctx.t), show_alert: true });
    });
  }
}
