/**
 * Queueing a message for a person: one outbox row per reachable chat identity, on every platform
 * the person has bound, each rendered in that identity's language. Always inside the caller's
 * transaction. Which tokens the queueing process holds does not matter (the CLI may hold none):
 * the bot running with that platform's token sends the row.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import { translatorFor, type Translate } from "../i18n/index.js";
import { enqueue, type OutgoingFile, type OutgoingMessage } from "../outbox/outbox.js";

export type Render = (t: Translate) => OutgoingMessage;

export interface NotifyOptions {
  topic: string;
  /** Base of the dedupe key; the identity id is appended. Omit for messages that may repeat. */
  dedupeKey?: string;
  notBefore?: Date;
}

/** Renders what one identity receives, in its language. */
type RenderFor = (t: Translate, platform: Platform) => OutgoingMessage | OutgoingFile;

export class Notifier {
  constructor(
    private readonly i18n: I18n<never>,
    private readonly onQueued: (platform: Platform) => void = () => undefined,
  ) {}

  /** Returns how many messages were queued (0 when the person has no reachable chat yet). */
  toPerson(tx: Tx, personId: number, render: Render, options: NotifyOptions): Promise<number> {
    return this.#queue(tx, personId, undefined, (t) => render(t), options);
  }

  async toPeople(tx: Tx, personIds: Iterable<number>, render: Render, options: NotifyOptions): Promise<number> {
    let queued = 0;
    for (const personId of new Set(personIds)) queued += await this.toPerson(tx, personId, render, options);
    return queued;
  }

  /**
   * Forwards files a user sent on `platform` to these people's chats on the same platform:
   * a file id is valid only on the platform (and bot) that issued it.
   */
  async filesToPeople(
    tx: Tx,
    personIds: Iterable<number>,
    platform: Platform,
    files: readonly OutgoingFile[],
    caption: (t: Translate) => string,
    options: NotifyOptions,
  ): Promise<number> {
    let queued = 0;
    for (const personId of new Set(personIds)) {
      for (const file of files) queued += await this.#queue(tx, personId, platform, (t) => ({ ...file, caption: caption(t) }), options);
    }
    return queued;
  }

  /** `platform` undefined: every platform the person has bound. */
  async #queue(tx: Tx, personId: number, platform: Platform | undefined, render: RenderFor, options: NotifyOptions): Promise<number> {
    const identities = await tx.chatIdentity.findMany({
      where: { personId, reachable: true, ...(platform ? { platform } : {}) },
      orderBy: { id: "asc" },
    });
    let queued = 0;
    for (const identity of identities) {
      const added = await enqueue(tx, {
        platform: identity.platform as Platform,
        chatId: identity.chatId,
        identityId: identity.id,
        message: render(translatorFor(this.i18n, identity.locale), identity.platform as Platform),
        topic: options.topic,
        ...(options.dedupeKey ? { dedupeKey: `${options.dedupeKey}:identity:${identity.id}` } : {}),
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      });
      if (added) {
        queued++;
        this.onQueued(identity.platform as Platform);
      }
    }
    return queued;
  }
}
