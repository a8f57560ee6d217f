/**
 * Stored files (OutboxFile: a notice letter's bytes) are deleted once their sends are over, on each
 * database: a file a pending row still names stays; one named only by rows sent (or given up)
 * before the retention goes, by a document or a photo; one whose last send is within the retention
 * stays, and so does a draft's file, which no row names yet.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { deleteSentOutboxFiles } from "../../src/db/sql/delete-sent-outbox-files.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const DAY = 86_400_000;
const NOW = new Date("2026-12-01T08:00:00.000Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe.each(testDatabases())("stored files after their sends on $name", (target) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDb = await target.create();
    database = await openDatabase(testDb.url);
  });
  afterEach(async () => {
    await database?.close();
    await testDb?.drop();
  });

  async function file(key: string, createdDaysAgo: number): Promise<void> {
    await database.prisma.outboxFile.create({
      data: {
        key,
        fileName: `${key}.pdf`,
        bytes: new Uint8Array([1, 2, 3]),
        fileIds: { bale: "file-1" },
        createdAt: daysAgo(createdDaysAgo),
      },
    });
  }

  /** A row sending the stored file `key`, as NoticeService.send queues one for another platform's recipient. */
  async function row(key: string, status: "pending" | "sent" | "failed", daysAgoDone: number, kind: "document" | "photo" = "document") {
    const at = daysAgo(daysAgoDone);
    await database.prisma.outboxMessage.create({
      data: {
        platform: "telegram",
        chatId: String(Math.floor(Math.random() * 1e9)),
        method: kind === "photo" ? "sendPhoto" : "sendDocument",
        payload: { [kind]: { stored: key }, caption: "نامه دعوت" },
        status,
        ...(status === "sent" ? { sentAt: at } : {}),
        updatedAt: at,
        createdAt: daysAgo(daysAgoDone + 1),
      },
    });
  }

  const keys = async () => (await database.prisma.outboxFile.findMany({ orderBy: { key: "asc" } })).map((f) => f.key);

  it("deletes a file only when no pending row names it and its last send is older than the retention", async () => {
    await file("notice:1:letter", 90); // one row still pending: stays
    await row("notice:1:letter", "sent", 60);
    await row("notice:1:letter", "pending", 40);
    await file("notice:2:letter", 90); // sent and given up long ago: goes
    await row("notice:2:letter", "sent", 60);
    await row("notice:2:letter", "failed", 45);
    await file("notice:3:letter", 90); // last send 10 days ago: stays
    await row("notice:3:letter", "sent", 60);
    await row("notice:3:letter", "sent", 10);
    await file("notice:4:letter", 90); // a draft's letter: no row yet, stays
    await file("notice:5:letter", 90); // sent as a photo long ago: goes
    await row("notice:5:letter", "sent", 50, "photo");
    // Other rows do not count for any file.
    await database.prisma.outboxMessage.create({
      data: { platform: "bale", chatId: "1", method: "sendMessage", payload: { text: "notice:3:letter" }, status: "pending" },
    });

    expect(await deleteSentOutboxFiles(database.prisma, daysAgo(30))).toBe(2);
    expect(await keys()).toEqual(["notice:1:letter", "notice:3:letter", "notice:4:letter"]);
    // Nothing more to delete on the next pass, and the outbox rows are untouched.
    expect(await deleteSentOutboxFiles(database.prisma, daysAgo(30))).toBe(0);
    expect(await database.prisma.outboxMessage.count()).toBe(8);

    // Once its last row is sent and the retention has passed, the first goes too.
    await database.prisma.outboxMessage.updateMany({
      where: { status: "pending", method: "sendDocument" },
      data: { status: "sent", sentAt: daysAgo(31) },
    });
    expect(await deleteSentOutboxFiles(database.prisma, daysAgo(30))).toBe(1);
    expect(await keys()).toEqual(["notice:3:letter", "notice:4:letter"]);
  });
});
