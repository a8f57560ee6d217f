/**
 * What one scheduler batch will say, gathered per person before anything is queued: a person's
 * reminders become one message, their digest of a committee one (split under the limit), and an
 * unreachable agency one notice to the secretariat — once per agency and cause, ever.
 */
import type { DbProvider, Tx } from "../../db/client.js";
import type { Translate } from "../../i18n/index.js";
import type { QueuedNotice } from "../due-work.js";
import type { Notifier } from "../notifications.js";
import { renderDigest, type DigestEntry } from "../render/digest.js";
import { renderReminders, type ReminderItem } from "../render/reminders.js";
import type { Contact } from "./directory.js";
import type { PassDigests } from "./pass-digests.js";
import { outboxTopic, type OutboxTopic } from "../../domain/outbox-topic.js";

interface Outgoing {
  personId: number;
  name: string;
  kind: string;
  summary: string;
  renders: (t: Translate) => { text: string; buttons?: { text: string; callback_data?: string }[][] }[];
  topic: OutboxTopic;
  dedupeKey?: string;
  hold?: { by: string; until: Date };
}

export class BundleBook {
  readonly #reminders = new Map<number, { contact: Contact; items: Map<number, ReminderItem> }>();
  readonly #digests = new Map<string, { contact: Contact; committeeId: number; committee: string; entries: Map<string, DigestEntry> }>();
  readonly #unreachable = new Map<string, Outgoing[]>();
  /** Extra messages a source adds as they are (weekly-report reminders, compliance digests). */
  readonly #others: Outgoing[] = [];

  reminder(contact: Contact, item: ReminderItem): void {
    const entry = this.#reminders.get(contact.personId) ?? { contact, items: new Map() };
    const previous = entry.items.get(item.view.id);
    // One item once per person, even when two rungs (or two roles) name them at the same moment.
    entry.items.set(
      item.view.id,
      previous
        ? ({
            ...previous,
            toHead: previous.toHead || item.toHead,
            liaisonReminded: previous.liaisonReminded ?? item.liaisonReminded,
          } as ReminderItem)
        : item,
    );
    this.#reminders.set(contact.personId, entry);
  }

  digest(contact: Contact, committeeId: number, committee: string, entry: DigestEntry): void {
    const key = `${contact.personId}:${committeeId}`;
    const digest = this.#digests.get(key) ?? { contact, committeeId, committee, entries: new Map() };
    const entryKey = entry.kind === "report_missing" ? `r:${entry.agency}:${entry.period}` : `a:${entry.view.id}`;
    const previous = digest.entries.get(entryKey);
    digest.entries.set(entryKey, previous ? { ...entry, governor: previous.governor || entry.governor } : entry);
    this.#digests.set(key, digest);
  }

  unreachable(
    committeeId: number,
    committee: string,
    agency: { id: number; name: string },
    cause: "no_contact" | "failed",
    secretariat: Contact[],
  ): void {
    const key = `${agency.id}:${cause}`;
    if (this.#unreachable.has(key)) return;
    const causeKey = cause === "no_contact" ? "unreachable-cause-no-contact" : "unreachable-cause-failed";
    this.#unreachable.set(
      key,
      secretariat.map((s) => ({
        personId: s.personId,
        name: s.name,
        kind: "unreachable",
        summary: `${agency.name} (${cause}) — ${committee}`,
        renders: (t: Translate) => [{ text: t("unreachable-agency", { agency: agency.name, cause: t(causeKey) }) }],
        topic: outboxTopic.unreachableAgency(agency.id),
        dedupeKey: `unreachable:committee:${committeeId}:agency:${agency.id}:${cause}`,
      })),
    );
  }

  other(
    contact: Contact,
    kind: string,
    summary: string,
    topic: OutboxTopic,
    render: (t: Translate) => { text: string; buttons?: { text: string; callback_data?: string }[][] }[],
    dedupeKey?: string,
  ): void {
    this.#others.push({
      personId: contact.personId,
      name: contact.name,
      kind,
      summary,
      renders: render,
      topic,
      ...(dedupeKey ? { dedupeKey } : {}),
    });
  }

  /**
   * Queues everything gathered; returns what was queued, per recipient. Given the pass's digests,
   * the digests are queued held and handed to them, to go out as one per recipient when the pass ends.
   */
  async queue(tx: Tx, notifier: Notifier, now: Date, provider?: DbProvider, passDigests?: PassDigests): Promise<QueuedNotice[]> {
    const outgoing: Outgoing[] = [];
    const held = new Map<number, () => void>();
    for (const { contact, items } of this.#reminders.values()) {
      const list = [...items.values()];
      outgoing.push({
        personId: contact.personId,
        name: contact.name,
        kind: "reminder",
        summary: list.map((i) => `resolution ${i.view.resolution.number} (${i.view.agency.name}): ${i.track}`).join("; "),
        renders: (t) => renderReminders(list, t, now),
        // A single item's reminder is about that item: a reply to it records progress on it.
        topic: list.length === 1 ? outboxTopic.assignment(list[0]!.view.id) : outboxTopic.bare("reminders"),
      });
    }
    for (const { contact, committeeId, committee, entries } of this.#digests.values()) {
      const list = [...entries.values()];
      if (passDigests) {
        const index = outgoing.length;
        held.set(index, () => passDigests.add(contact, committeeId, committee, list, counts[index] ?? 0));
      }
      outgoing.push({
        personId: contact.personId,
        name: contact.name,
        kind: "digest",
        summary: `${list.length} items of ${committee}`,
        renders: (t) => renderDigest(committee, list, t, now),
        topic: outboxTopic.bare("digest"),
        ...(passDigests ? { hold: { by: passDigests.holdOf(contact.personId, committeeId), until: passDigests.holdUntil } } : {}),
      });
    }
    outgoing.push(...[...this.#unreachable.values()].flat(), ...this.#others);
    const counts: number[] = await notifier.queueMany(
      tx,
      outgoing.map((o) => ({
        personId: o.personId,
        render: o.renders,
        options: {
          topic: o.topic,
          notBefore: now,
          ...(o.dedupeKey ? { dedupeKey: o.dedupeKey } : {}),
          ...(o.hold ? { hold: o.hold } : {}),
        },
      })),
      provider,
    );
    for (const record of held.values()) record();
    // An unreachable agency already reported (its key taken) is not news: leave it out of the report.
    return outgoing
      .map((o, i) => ({ recipient: o.name, kind: o.kind, summary: o.summary, messages: counts[i] ?? 0 }))
      .filter((q) => q.kind !== "unreachable" || q.messages > 0);
  }
}
