/**
 * Queueing a message for a person: one outbox row per reachable chat identity, on every platform
 * the person has bound, each rendered in that identity's language. Always inside the caller's
 * transaction. Which tokens the queueing process holds does not matter (the CLI may hold none):
 * the bot running with that platform's token sends the row.
 */
import { inSlices } from "../db/in-slices.js";
import type { I18n } from "@grammyjs/i18n";
import { createLogger, type Logger } from "../logging/logger.js";
import type { Platform } from "../config/index.js";
import { providerOfClient, type DbProvider, type Tx } from "../db/client.js";
import { afterCommit } from "../db/after-commit.js";
import { insertOutboxRows, type OutboxRow } from "../db/sql/insert-outbox.js";
import { translatorFor, type Translate } from "../i18n/index.js";
import {
  enqueue,
  requestOf,
  type OutgoingFile,
  type OutgoingMessage,
  type OutgoingStoredFile,
  type OutgoingUpload,
} from "../outbox/outbox.js";
import type { OutboxTopic } from "../domain/outbox-topic.js";
import type { TimeSlice } from "../shared/time-slice.js";

/** What every identity's dedupe key under `base` starts with (the identity id follows). */
export const identityKeyPrefix = (base: string): string => `${base}:identity:`;

/** The dedupe key of one identity's copy of a message queued under `base`. */
export const identityKey = (base: string, identityId: number): string => `${identityKeyPrefix(base)}${identityId}`;

/** An edit of a message the bot sent (a live view), already rendered for its chat. */
export interface ViewEdit {
  platform: Platform;
  chatId: string;
  identityId: number | null;
  messageId: string;
  topic: OutboxTopic;
  message: OutgoingMessage;
}

/** The editMessageText parameters (without chat_id) that make message `messageId` say `message`. */
function editPayload(messageId: string, message: OutgoingMessage): object {
  return {
    message_id: Number(messageId),
    text: message.text,
    ...(message.buttons?.length ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
  };
}

export type Render = (t: Translate) => OutgoingMessage;
/** A message or a file we made (a chart), for the queues that can carry one. */
export type RenderWithUpload = (t: Translate) => OutgoingMessage | OutgoingUpload;

export interface NotifyOptions {
  topic: OutboxTopic;
  /** Base of the dedupe key; the identity id is appended. Omit for messages that may repeat. */
  dedupeKey?: string;
  /** Marks a notice's invitation: the recipient it invites (the tally reads deliveries by it). */
  noticeRecipientId?: number;
  notBefore?: Date;
  /** Queue the rows claimed by this name until `until`, so no dispatcher sends them before it lets go (a pass's digests). */
  hold?: { by: string; until: Date };
}

/** Renders what one identity receives, in its language. */
type RenderFor = (t: Translate, platform: Platform) => OutgoingMessage | OutgoingFile | OutgoingUpload | OutgoingStoredFile;

export class Notifier {
  constructor(
    private readonly i18n: I18n<never>,
    private readonly onQueued: (platform: Platform) => void = () => undefined,
    /** Where work done after a commit on the queue's behalf (an item's card refresh) reports a failure. */
    readonly logger: Logger = createLogger("warn"),
  ) {}

  /** The translator of a chat identity's language (the default one for none or an unknown one). */
  translator(locale: string | null | undefined): Translate {
    return translatorFor(this.i18n, locale);
  }

  /** Tells the dispatcher of `platform` that rows became sendable (held rows released, after their commit). */
  wake(platform: Platform): void {
    this.onQueued(platform);
  }

  /** Returns how many messages were queued (0 when the person has no reachable chat yet). */
  toPerson(tx: Tx, personId: number, render: Render | RenderWithUpload, options: NotifyOptions): Promise<number> {
    return this.#queue(tx, personId, undefined, (t) => render(t), options).then((added) => added.length);
  }

  async toPeople(tx: Tx, personIds: Iterable<number>, render: Render, options: NotifyOptions): Promise<number> {
    let queued = 0;
    for (const personId of new Set(personIds)) queued += await this.toPerson(tx, personId, render, options);
    return queued;
  }

  /**
   * Queues an edit of a message the bot sent earlier (a live view), rendered in the language of
   * the chat's identity. Edits of the same view not yet sent are replaced: only the latest matters,
   * so a burst of changes costs one request, not one per change.
   */
  async editView(
    tx: Tx,
    view: { platform: Platform; chatId: string; messageId: string; topic: OutboxTopic },
    render: Render,
    now: Date,
  ): Promise<void> {
    const identity = await tx.chatIdentity.findFirst({
      where: { platform: view.platform, chatId: view.chatId },
      select: { id: true, locale: true },
    });
    const message = render(translatorFor(this.i18n, identity?.locale));
    // Per chat: the same view (an item's card) can be shown in several chats, each with its own edits.
    await tx.outboxMessage.deleteMany({
      where: {
        platform: view.platform,
        chatId: view.chatId,
        topic: view.topic,
        status: "pending",
        claimedBy: null,
        method: "editMessageText",
      },
    });
    await tx.outboxMessage.create({
      data: {
        platform: view.platform,
        chatId: view.chatId,
        identityId: identity?.id ?? null,
        method: "editMessageText",
        payload: editPayload(view.messageId, message),
        topic: view.topic,
        notBefore: now,
      },
    });
    this.#wakeAfterCommit(tx, [view]);
  }

  /**
   * Queues edits already rendered (an item's cards, services/assignments/cards.ts) with one insert.
   * The caller has replaced the views' pending edits (src/db/sql/delete-pending-edits.ts).
   */
  async queueEdits(tx: Tx, edits: readonly ViewEdit[], now: Date): Promise<void> {
    if (edits.length === 0) return;
    const rows: OutboxRow[] = edits.map((edit) => ({
      platform: edit.platform,
      chatId: edit.chatId,
      identityId: edit.identityId,
      method: "editMessageText",
      payload: editPayload(edit.messageId, edit.message),
      topic: edit.topic,
      dedupeKey: null,
      notBefore: now,
      claimedBy: null,
      claimedUntil: null,
    }));
    await insertOutboxRows(tx, providerOfClient(tx), rows);
    this.#wakeAfterCommit(tx, edits);
  }

  /**
   * Gives a queued message (still unclaimed: not being sent) what it should now say, rendered for
   * its chat by the caller, so it leaves saying what is true now rather than when it was queued.
   */
  async rerenderQueued(tx: Tx, rowId: number, message: OutgoingMessage): Promise<void> {
    const { payload } = requestOf(message);
    await tx.outboxMessage.updateMany({ where: { id: rowId, status: "pending", claimedBy: null }, data: { payload: payload as object } });
  }

  /**
   * Queues many messages at once — one identity query for all the people, one insert for all the
   * rows — for the scheduler's passes, where one person-at-a-time would cost a query per message.
   * Returns, per entry, how many messages were queued for it (0 = no reachable chat, or already queued).
   * The rows go in through src/db/sql/insert-outbox.ts, as every row the scheduler's sources queue
   * (the database's provider is read from the client when not given). With `turns`, the renders
   * and the insert give the event loop its turns (a publication's chunk: the sends go on meanwhile).
   * Not otherwise: on SQLite every other statement waits while the transaction is open, so a turn
   * given inside a scheduler pass's transaction held up the intake (bench/inbound.ts).
   */
  async queueMany(
    tx: Tx,
    entries: readonly { personId: number; render: (t: Translate) => OutgoingMessage | OutgoingMessage[]; options: NotifyOptions }[],
    provider?: DbProvider,
    turns?: TimeSlice,
  ): Promise<number[]> {
    if (entries.length === 0) return [];
    const identities = await inSlices([...new Set(entries.map((e) => e.personId))], (personIds) =>
      tx.chatIdentity.findMany({
        where: { personId: { in: personIds }, reachable: true },
        orderBy: { id: "asc" },
      }),
    );
    const byPerson = new Map<number, typeof identities>();
    for (const identity of identities) byPerson.set(identity.personId, [...(byPerson.get(identity.personId) ?? []), identity]);
    const keyOf = (dedupeKey: string | undefined, identityId: number) => (dedupeKey ? identityKey(dedupeKey, identityId) : null);
    const wanted = entries
      .flatMap((e) => (byPerson.get(e.personId) ?? []).map((i) => keyOf(e.options.dedupeKey, i.id)))
      .filter((k) => k !== null);
    const taken = new Set(
      wanted.length === 0
        ? []
        : (
            await inSlices(wanted, (keys) => tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } }))
          ).map((r) => r.dedupeKey),
    );
    const rows: OutboxRow[] = [];
    const counts: number[] = [];
    for (const entry of entries) {
      await turns?.yield();
      let queued = 0;
      for (const identity of byPerson.get(entry.personId) ?? []) {
        const base = keyOf(entry.options.dedupeKey, identity.id);
        if (base && taken.has(base)) continue;
        if (base) taken.add(base);
        // A long message comes in parts: one row each, the first under the entry's key.
        const parts = [entry.render(translatorFor(this.i18n, identity.locale))].flat();
        parts.forEach((part, index) => {
          const dedupeKey = base && index > 0 ? `${base}:part:${index + 1}` : base;
          const { method, payload } = requestOf(part);
          rows.push({
            platform: identity.platform,
            chatId: identity.chatId,
            identityId: identity.id,
            method,
            payload: payload as object,
            topic: entry.options.topic,
            dedupeKey,
            noticeRecipientId: entry.options.noticeRecipientId ?? null,
            // The database's default would be the wall clock; a queue without notBefore means "now" all the same.
            notBefore: entry.options.notBefore ?? new Date(),
            claimedBy: entry.options.hold?.by ?? null,
            claimedUntil: entry.options.hold?.until ?? null,
          });
          queued++;
        });
      }
      counts.push(queued);
    }
    await insertOutboxRows(tx, provider ?? providerOfClient(tx), rows, turns);
    this.#wakeAfterCommit(tx, rows);
    return counts;
  }

  /**
   * Forwards files a user sent on `platform` to these people's chats on the same platform: a file
   * id is valid only on the platform (and bot) that issued it. A file whose bytes were stored
   * (`storedKey`, an OutboxFile) reaches their chats on the other platforms too, uploaded there.
   * Returns how many messages were queued, and how many of them name a stored file (none when
   * every chat is on `platform`: then nothing will ever send the stored bytes).
   */
  async filesToPeople(
    tx: Tx,
    personIds: Iterable<number>,
    platform: Platform,
    files: readonly (OutgoingFile & { storedKey?: string })[],
    caption: (t: Translate) => string,
    options: NotifyOptions,
  ): Promise<{ queued: number; namingStored: number }> {
    let queued = 0;
    let namingStored = 0;
    for (const personId of new Set(personIds)) {
      for (const { storedKey, ...file } of files) {
        const added = await this.#queue(
          tx,
          personId,
          storedKey ? undefined : platform,
          (t, on) =>
            on === platform || !storedKey ? { ...file, caption: caption(t) } : { kind: file.kind, stored: storedKey, caption: caption(t) },
          options,
        );
        queued += added.length;
        if (storedKey) namingStored += added.filter((on) => on !== platform).length;
      }
    }
    return { queued, namingStored };
  }

  /** One identity only (e.g. the account that just joined), whatever else the person has bound. */
  async toIdentity(tx: Tx, identityId: number, render: Render, options: NotifyOptions): Promise<number> {
    const identity = await tx.chatIdentity.findUnique({ where: { id: identityId } });
    if (!identity || !identity.reachable) return 0;
    return (await this.#queueTo(tx, [identity], (t) => render(t), options)).length;
  }

  /**
   * A chat with no bound person behind it: a group bound to a committee, or someone whose join
   * request was refused. Rendered in the default language.
   */
  async toChat(tx: Tx, platform: Platform, chatId: string, render: Render | RenderWithUpload, options: NotifyOptions): Promise<number> {
    return this.toChats(tx, [{ platform, chatId, render }], options);
  }

  /**
   * Several messages to chats, queued in order with one insert (src/db/sql/insert-outbox.ts, like
   * every row the scheduler's sources queue): a group's, rendered in the default language, or a
   * person's private chat given with its `identity`, rendered in that chat's language (and again
   * in it if re-rendered). Returns how many were queued (a message whose dedupe key is taken is
   * left out).
   */
  async toChats(
    tx: Tx,
    messages: readonly {
      platform: Platform;
      chatId: string;
      identity?: { id: number; locale: string | null };
      render: Render | RenderWithUpload;
    }[],
    options: NotifyOptions,
  ): Promise<number> {
    const keyOf = (m: { platform: Platform; chatId: string }) =>
      options.dedupeKey ? `${options.dedupeKey}:chat:${m.platform}:${m.chatId}` : null;
    const keys = messages.map(keyOf).filter((k) => k !== null);
    const taken = new Set(
      keys.length === 0
        ? []
        : (await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey),
    );
    const rows: OutboxRow[] = [];
    for (const message of messages) {
      const dedupeKey = keyOf(message);
      if (dedupeKey && taken.has(dedupeKey)) continue;
      if (dedupeKey) taken.add(dedupeKey);
      const { method, payload } = requestOf(message.render(translatorFor(this.i18n, message.identity?.locale)));
      rows.push({
        platform: message.platform,
        chatId: message.chatId,
        identityId: message.identity?.id ?? null,
        method,
        payload,
        topic: options.topic,
        dedupeKey,
        notBefore: options.notBefore ?? new Date(),
        claimedBy: null,
        claimedUntil: null,
      });
    }
    await insertOutboxRows(tx, providerOfClient(tx), rows);
    this.#wakeAfterCommit(tx, rows);
    return rows.length;
  }

  /**
   * Wakes the dispatchers of these rows' platforms once the transaction commits. Made here, not in
   * the caller: a hook made beside the rows would keep them (and every message rendered in that
   * scope) alive until the commit, and a publication queues tens of thousands in one transaction.
   */
  #wakeAfterCommit(tx: Tx, rows: readonly { platform: string }[]): void {
    for (const platform of new Set(rows.map((r) => r.platform as Platform))) afterCommit(tx, () => this.onQueued(platform));
  }

  /** `platform` undefined: every platform the person has bound. */
  /** Queues to a person's reachable chats (on `platform` only, when given); returns the platforms of the rows added. */
  async #queue(tx: Tx, personId: number, platform: Platform | undefined, render: RenderFor, options: NotifyOptions): Promise<Platform[]> {
    const identities = await tx.chatIdentity.findMany({
      where: { personId, reachable: true, ...(platform ? { platform } : {}) },
      orderBy: { id: "asc" },
    });
    return this.#queueTo(tx, identities, render, options);
  }

  async #queueTo(
    tx: Tx,
    identities: { id: number; platform: string; chatId: string; locale: string | null }[],
    render: RenderFor,
    options: NotifyOptions,
  ): Promise<Platform[]> {
    const added: Platform[] = [];
    for (const identity of identities) {
      const queued = await enqueue(tx, {
        platform: identity.platform as Platform,
        chatId: identity.chatId,
        identityId: identity.id,
        message: render(translatorFor(this.i18n, identity.locale), identity.platform as Platform),
        topic: options.topic,
        ...(options.dedupeKey ? { dedupeKey: identityKey(options.dedupeKey, identity.id) } : {}),
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      });
      if (queued) {
        added.push(identity.platform as Platform);
        this.#wakeAfterCommit(tx, [identity]);
      }
    }
    return added;
  }
}
