/** Migrations apply from nothing on each database, and a second run (every start) does nothing. */
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { migrateDatabase, pendingMigrations } from "../../src/db/migrate.js";
import { POSTGRES_PREFIXES, scratchDir, testDatabases } from "../support/databases.js";

const POSTGRES_URL = process.env.PEYGIR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** An empty database, not the migrated template the other tests start from. */
async function emptyDatabase(name: "sqlite" | "postgres"): Promise<{ url: string; drop(): Promise<void> }> {
  if (name === "sqlite") {
    const dir = mkdtempSync(path.join(scratchDir(), "migrate-"));
    return { url: `file:${path.join(dir, "nested", "new.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // Named as this run's, so the end of the run drops it even if the test is cut short.
  const db = `${POSTGRES_PREFIXES.test}empty_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${db}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${db}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`) };
}

describe.each(testDatabases())("migrations on $name", (target) => {
  it("create every table in an empty database, then find nothing to do", async () => {
    const database = await emptyDatabase(target.name);
    try {
      expect((await pendingMigrations(database.url)).length).toBeGreaterThan(0);
      expect(await migrateDatabase(database.url)).toMatch(/successfully applied/);
      expect(await pendingMigrations(database.url)).toEqual([]);
      expect(await migrateDatabase(database.url)).toBe("No pending migrations to apply.");
      const { prisma, close } = await openDatabase(database.url);
      expect(await prisma.outboxMessage.count()).toBe(0);
      await close();
    } finally {
      await database.drop();
    }
    // Two Prisma CLI runs: on a loaded machine they take long; this is a limit, not a measure.
  }, 120_000);
});
