/**
 * Replaying the update that finished a dialog, as kill -9 in its reply would: for the replay
 * tests (progress, blockers, weekly reports).
 */
import type { Update } from "grammy/types";
import { expect } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { openDatabase } from "../../src/db/client.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import type { Pardis } from "./agency.js";
import { outboxSettled } from "./outbox.js";

/**
 * Runs `confirm` (what sends the update that finishes a dialog) and waits for `reply`; returns the
 * update it sent. The dialog's state must have been saved before (no update pending).
 */
export async function captureConfirmation(
  pardis: Pardis,
  platform: Platform,
  user: FakeUser,
  confirm: () => Promise<unknown>,
  reply: string | RegExp,
): Promise<Update> {
  const db = pardis.e2e.app.database.prisma;
  await expect.poll(() => db.inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
  let last: Update | undefined;
  const capture = (_token: string, update: Update) => (last = update);
  pardis.e2e.fake(platform).on("update", capture);
  await confirm();
  pardis.e2e.fake(platform).off("update", capture);
  await user.waitFor(reply);
  await outboxSettled(pardis.e2e.app);
  if (!last) throw new Error("the confirmation sent no update");
  return last;
}

/**
 * Runs `confirm`, then puts the database back as a crash in its reply would have left it — the
 * dialog's state from before the confirmation, the update unhandled — and restarts the app, which
 * handles that update again. Resolves once the reply that was in flight has been sent again.
 */
export async function crashAfterConfirmation(
  pardis: Pardis,
  platform: Platform,
  user: FakeUser,
  confirm: () => Promise<unknown>,
  reply: string | RegExp,
): Promise<void> {
  const replies = () =>
    user.messages().filter((m) => (typeof reply === "string" ? m.text?.includes(reply) : reply.test(m.text ?? ""))).length;
  // The dialog's state is written once its update is handled, after the question went out.
  await expect.poll(() => pardis.e2e.app.database.prisma.inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
  const conversations = await pardis.e2e.app.database.prisma.conversationState.findMany();
  const replayed = await captureConfirmation(pardis, platform, user, confirm, reply);
  const answered = replies();
  await pardis.e2e.app.stop();
  const database = await openDatabase(pardis.database.url);
  try {
    await database.prisma.conversationState.deleteMany();
    for (const row of conversations) await database.prisma.conversationState.create({ data: row });
    await database.prisma.inboundUpdate.updateMany({
      where: { platform, updateId: replayed.update_id },
      data: { processedAt: null, payload: replayed as object },
    });
  } finally {
    await database.close();
  }
  await pardis.e2e.restart();
  // The reply that was in flight is sent again: the user does get their answer.
  await expect.poll(replies, { timeout: 10_000 }).toBe(answered + 1);
  await outboxSettled(pardis.e2e.app);
}
