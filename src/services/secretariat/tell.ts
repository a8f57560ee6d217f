/**
 * Telling an item's agency (its heads and liaisons) or the committee's secretariat about a change,
 * through the outbox, in the transaction of the change. Messages about an item carry its topic,
 * so a reply to one is filed under that item like any reply to its assignment message.
 */
import type { Tx } from "../../db/client.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { agencyContacts, secretariatOf } from "../assignments/index.js";
import { workCalendarOf } from "../calendars.js";
import type { Notifier } from "../notifications.js";
import { formatsFor } from "../render/format.js";
import { outboxTopic } from "../../domain/outbox-topic.js";

/** «مصوبه ۱ جلسه ۱۴۰۵-۰۸», in the reader's language. */
export function itemTitle(t: Translate, item: { resolutionNumber: number; meetingNumber: string }): string {
  return t("assignment-short-title", { resolution: item.resolutionNumber, meeting: formatsFor(t).digits(item.meetingNumber) });
}

/** Queues `render` for every head and liaison of the agency, from the next working moment. Returns how many messages. */
export function tellAgency(
  tx: Tx,
  notifier: Notifier,
  item: { id: number; agencyId: number; calendar: unknown },
  now: Date,
  render: (t: Translate) => OutgoingMessage,
  dedupeKey?: string,
): Promise<number> {
  return agencyContacts(tx, item.agencyId).then((people) =>
    notifier.toPeople(tx, people, render, {
      topic: outboxTopic.assignment(item.id),
      notBefore: workCalendarOf(item.calendar).nextWorkingInstant(now),
      ...(dedupeKey ? { dedupeKey } : {}),
    }),
  );
}

/** Queues `render` for the committee's secretariat (but not `except`, who just did it), at once. */
export async function tellSecretariat(
  tx: Tx,
  notifier: Notifier,
  committeeId: number,
  assignmentId: number,
  now: Date,
  render: (t: Translate) => OutgoingMessage,
  except?: number,
): Promise<number> {
  const people = (await secretariatOf(tx, committeeId)).filter((id) => id !== except);
  return notifier.toPeople(tx, people, render, { topic: outboxTopic.assignment(assignmentId), notBefore: now });
}
