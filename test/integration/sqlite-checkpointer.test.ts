/**
 * The WAL checkpointer (src/db/sqlite-checkpointer.ts): while it runs, the WAL is copied back into
 * the database from its thread, so the WAL stays small although the bot's own connection would
 * not checkpoint before SAFETY_NET_PAGES; once stopped, the connection checkpoints as SQLite's
 * default has it. SQLite only.
 */
import { statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, Prisma, sqlitePathOf, type Database } from "../../src/db/client.js";
import { SqliteCheckpointer } from "../../src/db/sqlite-checkpointer.js";
import { rawExecute } from "../../src/db/raw.js";
import { createLogger } from "../../src/logging/logger.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const sqlite = testDatabases().filter((target) => target.name === "sqlite");

describe.each(sqlite)("the WAL checkpointer on $name", (target) => {
  let test: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    test = await target.create();
    database = await openDatabase(test.url);
  });
  afterEach(async () => {
    await database?.close();
    await test?.drop();
  });

  const autocheckpoint = async () =>
    Number(
      (await database.prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>("PRAGMA wal_autocheckpoint"))[0]!
        .wal_autocheckpoint,
    );
  const walBytes = () => statSync(`${sqlitePathOf(test.url)}-wal`).size;
  /** About 1.6 MB of audit rows in 20 commits, with a pause after each: the checkpointer's chance. */
  const writeMegabytes = async (pauseMs: number) => {
    let largest = 0;
    for (let i = 0; i < 20; i++) {
      await database.prisma.$transaction(async (tx) => {
        for (let j = 0; j < 20; j++)
          await rawExecute(
            tx,
            Prisma.sql`INSERT INTO "AuditLog" ("at", "actorKind", "action", "entity", "data") VALUES (${new Date()}, 'cli', 'fill', 'Test', ${{ text: "ث".repeat(2_000) }})`,
          );
      });
      largest = Math.max(largest, walBytes());
      await sleep(pauseMs);
    }
    return largest;
  };

  it("keeps the WAL small from its own thread, and hands checkpoints back to the connection when stopped", async () => {
    const checkpointer = new SqliteCheckpointer(database.prisma, sqlitePathOf(test.url), createLogger("silent"));
    await checkpointer.start();
    try {
      expect(await autocheckpoint()).toBe(4_000);
      // 1.6 MB written: the bot's connection alone (past 4,000 pages, 16 MB) would not have checkpointed at all.
      expect(await writeMegabytes(250)).toBeLessThan(600_000);
    } finally {
      await checkpointer.stop();
    }
    expect(await autocheckpoint()).toBe(1_000);
    // Stopped: nothing copies the WAL back any more before the connection's own 1,000 pages (4 MB).
    expect(await writeMegabytes(0)).toBeGreaterThan(1_000_000);
    expect(await database.prisma.auditLog.count()).toBe(800);
  });
});
