/**
 * An item's cards — the message about it that each agency member got on publication (or on
 * joining later, or when their agency was added) — follow every change of the item: a card
 * already sent is edited in place (status line, deadline, partners, buttons), and a card still
 * waiting in the outbox is rendered again before it leaves. So a head and a liaison looking at
 * the same item never see two different states. Called inside the transaction of the change.
 */
import type { Tx } from "../../db/client.js";
import type { Platform } from "../../config/index.js";
import type { OutboxStatus } from "../../domain/vocabulary.js";
import { identityKey, type Notifier } from "../notifications.js";
import { renderAssignment } from "../render/assignment.js";
import { outboxTopic } from "../../domain/outbox-topic.js";
import { agencyContacts } from "./directory.js";
import { loadAssignmentViews } from "./views.js";

const PENDING: OutboxStatus = "pending";
const SENT: OutboxStatus = "sent";

/** The dedupe key (before its identity part) of an item's card: one card per identity, however often it is published. */
export const cardKey = (assignmentId: number): string => `publish:${outboxTopic.assignment(assignmentId)}`;

/**
 * Brings every card of these items up to date with what the items are now (rendered at `now`).
 * Cards are found by their exact dedupe keys, one per identity of the agency's members.
 */
export async function refreshCards(tx: Tx, notifier: Notifier, assignmentIds: Iterable<number>, now: Date): Promise<void> {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  for (const { view, calendar } of await loadAssignmentViews(tx, { id: { in: ids } })) {
    const people = await agencyContacts(tx, view.agency.id);
    const identities = await tx.chatIdentity.findMany({ where: { personId: { in: people } }, select: { id: true } });
    if (identities.length === 0) continue;
    const cards = await tx.outboxMessage.findMany({
      where: { dedupeKey: { in: identities.map((i) => identityKey(cardKey(view.id), i.id)) } },
      select: { id: true, platform: true, chatId: true, identityId: true, status: true, messageId: true, claimedBy: true },
    });
    const render = (t: Parameters<typeof renderAssignment>[1]) => renderAssignment(view, t, now, calendar);
    for (const card of cards) {
      if (card.status === SENT && card.messageId)
        await notifier.editView(
          tx,
          { platform: card.platform as Platform, chatId: card.chatId, messageId: card.messageId, topic: outboxTopic.assignment(view.id) },
          render,
          now,
        );
      // Not claimed yet: it leaves as the item is now. (A claimed one is being sent; its edit comes with the next change.)
      else if (card.status === PENDING && card.claimedBy === null) await notifier.rerenderQueued(tx, card, render);
    }
  }
}
