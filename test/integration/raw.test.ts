/**
 * The raw-statement seam (src/db/raw.ts) on each database: on SQLite it runs on the driver,
 * beside Prisma, so what it binds and what it hands back must be what Prisma would bind and hand
 * back, and it must keep to the transaction it is given — inside it with a transaction client,
 * never inside someone else's with the client.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation, openDatabase, Prisma, type Database } from "../../src/db/client.js";
import { rawExecute, rawQuery } from "../../src/db/raw.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const SEEN = new Date("2026-12-01T08:30:15.123Z");

describe.each(testDatabases())("raw statements on $name", (target) => {
  let test: TestDatabase;
  let database: Database;
  let personId: number;

  beforeEach(async () => {
    test = await target.create();
    database = await openDatabase(test.url);
    personId = (await database.prisma.person.create({ data: { name: "زهرا", phone: "+989121000004" } })).id;
  });
  afterEach(async () => {
    await database?.close();
    await test?.drop();
  });

  const audits = () => database.prisma.auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true } });
  const insertAudit = (db: Parameters<typeof rawExecute>[0], action: string) =>
    rawExecute(
      db,
      Prisma.sql`INSERT INTO "AuditLog" ("at", "actorKind", "action", "entity", "data") VALUES (${SEEN}, 'cli', ${action}, 'Test', ${{ n: 1, list: ["a"] }})`,
    );

  it("binds instants, booleans and JSON as Prisma does, and reads rows back as Prisma does", async () => {
    await rawExecute(
      database.prisma,
      Prisma.sql`INSERT INTO "ChatIdentity" ("personId", "platform", "userId", "chatId", "reachable", "lastSeenAt", "updatedAt")
                 VALUES (${personId}, 'bale', '1001', '1001', ${false}, ${SEEN}, ${SEEN})`,
    );
    await insertAudit(database.prisma, "raw");
    await database.prisma.auditLog.create({
      data: { at: SEEN, actorKind: "cli", action: "prisma", entity: "Test", data: { n: 1, list: ["a"] } },
    });
    // Written raw, read by Prisma's model API: the same values.
    const identity = await database.prisma.chatIdentity.findFirstOrThrow({ where: { userId: "1001" } });
    expect(identity.reachable).toBe(false);
    expect(identity.lastSeenAt).toEqual(SEEN);
    const [raw, prisma] = await database.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect({ ...raw, id: 0, action: "" }).toEqual({ ...prisma, id: 0, action: "" });
    // Read raw: the rows Prisma's own raw query hands back.
    for (const sql of [
      Prisma.sql`SELECT ci."id", ci."reachable", ci."lastSeenAt", ci."unreachableAt", ci."locale", p."name" FROM "ChatIdentity" ci JOIN "Person" p ON p."id" = ci."personId" WHERE ci."userId" = ${"1001"}`,
      Prisma.sql`SELECT "id", "at", "data", "actorId" FROM "AuditLog" ORDER BY "id"`,
      Prisma.sql`INSERT INTO "AuditLog" ("at", "actorKind", "action", "entity") VALUES (${SEEN}, 'cli', 'returning', 'Test') RETURNING "id", "at"`,
    ]) {
      const direct = await rawQuery<Record<string, unknown>>(database.prisma, sql);
      const viaPrisma = await database.prisma.$queryRaw<Record<string, unknown>[]>(sql);
      expect(direct.length).toBeGreaterThan(0);
      // The RETURNING statement inserted one row each time: ids differ by one, the rest is the same.
      if (sql.sql.startsWith("INSERT")) expect(direct.map((r) => ({ ...r, id: 0 }))).toEqual(viaPrisma.map((r) => ({ ...r, id: 0 })));
      else expect(direct).toEqual(viaPrisma);
    }
  });

  it("runs inside the transaction it is given, and a statement beside it stays out of it", async () => {
    let beside: Promise<number> | undefined;
    await expect(
      database.prisma.$transaction(async (tx) => {
        await insertAudit(tx, "inside");
        expect((await rawQuery<{ action: string }>(tx, Prisma.sql`SELECT "action" FROM "AuditLog"`)).map((r) => r.action)).toEqual([
          "inside",
        ]);
        beside = insertAudit(database.prisma, "beside");
        await sleep(30);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await beside).toBe(1);
    // The rollback undid the statement inside it, not the one beside it.
    expect(await audits()).toEqual([{ action: "beside" }]);

    await database.prisma.$transaction(async (tx) => {
      await insertAudit(tx, "committed");
    });
    expect(await audits()).toEqual([{ action: "beside" }, { action: "committed" }]);
  });

  it("reports a duplicate key as a unique violation", async () => {
    const insert = () =>
      rawExecute(database.prisma, Prisma.sql`INSERT INTO "Agency" ("code", "name", "updatedAt") VALUES ('tavon', 'اداره تعاون', ${SEEN})`);
    await insert();
    const error = await insert().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
  });
});
