/** Helpers for tests that queue notifications and watch them arrive. */
import type { App } from "../../src/app.js";
import { afterCommitSettled } from "../../src/db/after-commit.js";
import { parsePhone } from "../../src/domain/text/index.js";
import type { OutboxTopic } from "../../src/domain/outbox-topic.js";

/** Test messages are about nothing the bot knows: no codec kind, so no reply maps back to an item. */
const TEST_TOPIC = "test" as OutboxTopic;

/** Queues `texts` for a person through the real notifier (one outbox row per reachable identity). */
export async function queueFor(app: App, phone: string, texts: string[]): Promise<number> {
  const db = app.database.prisma;
  const normalised = parsePhone(phone);
  if (!normalised.ok) throw new Error(`bad phone ${phone}`);
  const person = await db.person.findUniqueOrThrow({ where: { phone: normalised.value } });
  let queued = 0;
  await db.$transaction(async (tx) => {
    for (const text of texts) queued += await app.services.notifier.toPerson(tx, person.id, () => ({ text }), { topic: TEST_TOPIC });
  });
  for (const p of app.platforms) p.dispatcher.wake();
  return queued;
}

/**
 * Resolves when no outbox row is pending any more (or throws after timeoutMs), the rows queued by
 * work still running after a commit (an item's card refresh) included.
 */
export async function outboxSettled(app: App, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await afterCommitSettled(app.database.prisma);
    const pending = await app.database.prisma.outboxMessage.count({ where: { status: "pending" } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} outbox rows still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
