/**
 * An item's cards — the message about it that each agency member got on publication (or on
 * joining later, or when their agency was added) — follow every change of the item: a card
 * already sent is edited in place (status line, deadline, partners, buttons), and a card still
 * waiting in the outbox is rendered again before it leaves. So a head and a liaison looking at
 * the same item never see two different states.
 *
 * The refresh runs after the change has committed, in a short transaction of its own: inside the
 * change's transaction its reads and renders held SQLite's one writer (and every other update)
 * for each press and reply (bench/inbound.ts). A refresh lost to a crash between the commit and
 * the refresh leaves the cards showing the previous state until the item's next change; the
 * change itself, its reply and its notifications are committed (and sent through the outbox) all
 * the same. A failed refresh is logged (the notifier's logger) and never fails the change.
 */
import { afterCommit } from "../../db/after-commit.js";
import { providerOfClient, type Db, type Tx } from "../../db/client.js";
import { cardRows, type CardRow } from "../../db/sql/card-rows.js";
import { deletePendingEdits } from "../../db/sql/delete-pending-edits.js";
import { lockAssignmentCards } from "../../db/sql/lock-assignment-cards.js";
import type { Platform } from "../../config/index.js";
import type { OutboxStatus } from "../../domain/vocabulary.js";
import { identityKeyPrefix, type Notifier, type ViewEdit } from "../notifications.js";
import { renderAssignment } from "../render/assignment.js";
import { outboxTopic } from "../../domain/outbox-topic.js";
import { loadAssignmentViewsByIds } from "./views.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";

const PENDING: OutboxStatus = "pending";
const SENT: OutboxStatus = "sent";

/** The dedupe key (before its identity part) of an item's card: one card per identity, however often it is published. */
export const cardKey = (assignmentId: number): string => `publish:${outboxTopic.assignment(assignmentId)}`;

/** A card message its chat redraws itself (the card a "seen" was pressed on): the refresh leaves it alone. */
export interface ShownCard {
  platform: Platform;
  chatId: string;
  messageId: string;
}

export interface RefreshOptions {
  shown?: ShownCard;
}

/**
 * Brings every card of these items up to date with what the items are once the transaction `tx`
 * commits (rendered at `now`), in a transaction of its own (see the module's comment). Outside an
 * `openDatabase` client's transaction it runs at once, in `tx`.
 */
export function refreshCards(
  tx: Tx | Db,
  notifier: Notifier,
  assignmentIds: Iterable<number>,
  now: Date,
  options: RefreshOptions = {},
): void {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  afterCommit(tx, (db) => {
    const work = (t: Tx) => refreshNow(t, notifier, ids, now, options.shown);
    const done = "$transaction" in db ? (db as Db).$transaction(work) : work(db);
    return done.catch((err: unknown) => notifier.logger.warn({ err, assignmentIds: ids }, "could not refresh the cards of changed items"));
  });
}

/**
 * The refresh itself, in `tx`: the views and the cards in three statements, then one delete and one
 * insert for all the edits. Pending edits of the items' cards are replaced (the shown card's too:
 * its chat redraws it), and a card still queued and unclaimed is rendered again.
 */
async function refreshNow(tx: Tx, notifier: Notifier, ids: number[], now: Date, shown: ShownCard | undefined): Promise<void> {
  const provider = providerOfClient(tx);
  // Refreshes of one item take turns, so the last to write saw the latest state.
  await lockAssignmentCards(tx, provider, ids);
  const loaded = await loadAssignmentViewsByIds(tx, ids);
  const cards = await cardRows(
    tx,
    provider,
    loaded.map(({ view }) => ({ assignmentId: view.id, keyPrefix: identityKeyPrefix(cardKey(view.id)) })),
  );
  const byItem = new Map<number, CardRow[]>();
  for (const card of cards) byItem.set(card.assignmentId, [...(byItem.get(card.assignmentId) ?? []), card]);
  const edits: ViewEdit[] = [];
  const requeued: { id: number; message: OutgoingMessage }[] = [];
  for (const { view, calendar } of loaded) {
    // Every member reading the same language sees the same card: one render per language.
    const rendered = new Map<string | null, OutgoingMessage>();
    const render = (locale: string | null) => {
      let message = rendered.get(locale);
      if (!message) rendered.set(locale, (message = renderAssignment(view, notifier.translator(locale), now, calendar)));
      return message;
    };
    const topic = outboxTopic.assignment(view.id);
    for (const card of byItem.get(view.id) ?? []) {
      const isShown = shown?.platform === card.platform && shown.chatId === card.chatId && shown.messageId === card.messageId;
      if (card.status === SENT && card.messageId && !isShown)
        edits.push({ ...card, platform: card.platform as Platform, messageId: card.messageId, topic, message: render(card.locale) });
      // Not claimed yet: it leaves as the item is now. (A claimed one is being sent; its edit comes with the next change.)
      else if (card.status === PENDING && card.claimedBy === null) requeued.push({ id: card.id, message: render(card.locale) });
    }
  }
  await deletePendingEdits(
    tx,
    loaded.map(({ view }) => outboxTopic.assignment(view.id)),
  );
  await notifier.queueEdits(tx, edits, now);
  for (const row of requeued) await notifier.rerenderQueued(tx, row.id, row.message);
}
