/**
 * The chats' shared pace (ChatPace, PostgreSQL's several instances) is forgotten once long past:
 * a row whose instant passed more than an hour ago goes, on the database's clock; one still ahead,
 * or only just past, stays, since it may still hold a chat back or be about to.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { deletePastChatPace } from "../../src/db/sql/delete-past-chat-pace.js";
import { spaceChatSends } from "../../src/db/sql/space-chat-sends.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

describe.each(testDatabases())("chat paces long past on $name", (target) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeEach(async (ctx) => {
    if (target.name === "sqlite") ctx.skip("the shared chat pace is PostgreSQL's: SQLite's one process paces chats in memory");
    testDb = await target.create();
    database = await openDatabase(testDb.url);
  });
  afterEach(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it("deletes the rows past by more than an hour and keeps the others", async () => {
    const HOUR = 3_600_000;
    // Written as the outbox writes them (from the database's now), some moved into the past.
    for (const [chatId, gapMs] of [
      ["long-past", -2 * HOUR],
      ["just-past", -10 * 60_000],
      ["ahead", 1_000],
    ] as const)
      await spaceChatSends(database.prisma, { platform: "telegram", chatId, gapMs });

    expect(await deletePastChatPace(database.prisma)).toBe(1);
    const left = await database.prisma.chatPace.findMany({ orderBy: { chatId: "asc" } });
    expect(left.map((r) => r.chatId)).toEqual(["ahead", "just-past"]);
    expect(await deletePastChatPace(database.prisma)).toBe(0);
  });
});
