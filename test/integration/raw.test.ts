/**
 * The raw-statement seam (src/db/raw.ts) on each database: on SQLite it runs on the driver,
 * beside Prisma, so what it binds and what it hands back must be what Prisma would bind and hand
 * back, and it must keep to the transaction it is given — inside it with a transaction client,
 * never inside someone else's with the client. A unit (rawUnit) is all or nothing on both; on
 * SQLite the writes of one turn of the event loop share one commit (sqlite-group-commit.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import SqliteDatabase from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation, openDatabase, Prisma, sqlitePathOf, type Database } from "../../src/db/client.js";
import { rawExecute, rawQuery, rawUnit } from "../../src/db/raw.js";
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

  const agencyInsert = (code: string) => Prisma.sql`INSERT INTO "Agency" ("code", "name", "updatedAt") VALUES (${code}, 'اداره', ${SEEN})`;
  const agencyCodes = async () =>
    (await database.prisma.agency.findMany({ orderBy: { code: "asc" }, select: { code: true } })).map((a) => a.code);

  it("writes a unit all or nothing: held back by a statement's expected changes, undone by a failing statement", async () => {
    const written = await rawUnit(database.prisma, [
      { sql: agencyInsert("a1") },
      { sql: Prisma.sql`UPDATE "Agency" SET "name" = 'تعاون' WHERE "code" = 'a1'`, expectChanges: 1 },
      { sql: Prisma.sql`SELECT "name" FROM "Agency" WHERE "code" = 'a1'` },
    ]);
    expect(written).toEqual([[], [], [{ name: "تعاون" }]]);

    const heldBack = await rawUnit(database.prisma, [
      { sql: agencyInsert("a2") },
      { sql: Prisma.sql`UPDATE "Agency" SET "name" = 'x' WHERE "code" = 'none'`, expectChanges: 1 },
      { sql: agencyInsert("a3") },
    ]);
    expect(heldBack).toBeUndefined();

    const failed = await rawUnit(database.prisma, [{ sql: agencyInsert("a4") }, { sql: agencyInsert("a1") }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await agencyCodes()).toEqual(["a1"]);

    // One statement that changed more rows than expected is undone too.
    await rawExecute(database.prisma, agencyInsert("a5"));
    const renamed = await rawUnit(database.prisma, [{ sql: Prisma.sql`UPDATE "Agency" SET "name" = 'همه'`, expectChanges: 1 }]);
    expect(renamed).toBeUndefined();
    expect(await database.prisma.agency.count({ where: { name: "همه" } })).toBe(0);
  });

  it.runIf(target.name === "sqlite")(
    "commits the writes of one turn of the event loop together, each all or nothing by itself, once durable",
    async () => {
      // Counted where better-sqlite3 runs a statement, as bench/inbound.ts --sql counts them.
      const proto = Object.getPrototypeOf(new SqliteDatabase(":memory:").prepare("SELECT 1")) as { run(...args: unknown[]): unknown };
      const run = proto.run;
      let commits = 0;
      proto.run = function (this: { source: string }, ...args: unknown[]) {
        if (this.source === "COMMIT") commits++;
        return run.apply(this, args);
      };
      const other = new SqliteDatabase(sqlitePathOf(test.url), { readonly: true });
      try {
        const visible = () => other.prepare(`SELECT count(*) AS n FROM "Agency"`).get() as { n: number };
        const writes = [
          rawExecute(database.prisma, agencyInsert("g1")),
          rawUnit(database.prisma, [{ sql: agencyInsert("g2") }, { sql: agencyInsert("g3") }]),
          rawExecute(database.prisma, agencyInsert("g1")),
          rawUnit(database.prisma, [{ sql: agencyInsert("g4") }, { sql: agencyInsert("g2") }]),
          rawUnit(database.prisma, [
            { sql: agencyInsert("g5") },
            { sql: Prisma.sql`UPDATE "Agency" SET "name" = 'x' WHERE 0`, expectChanges: 1 },
          ]),
          rawQuery(
            database.prisma,
            Prisma.sql`INSERT INTO "Agency" ("code", "name", "updatedAt") VALUES ('g6', 'اداره', ${SEEN}) RETURNING "code"`,
          ),
        ];
        // Queued, not yet written: nothing is visible to another connection before the group commits.
        expect(visible().n).toBe(0);
        const outcomes = await Promise.allSettled(writes);
        expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
        expect(isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
        expect(isUniqueViolation((outcomes[3] as PromiseRejectedResult).reason)).toBe(true);
        expect((outcomes[4] as PromiseFulfilledResult<unknown>).value).toBeUndefined();
        expect((outcomes[5] as PromiseFulfilledResult<unknown>).value).toEqual([{ code: "g6" }]);
        expect(commits).toBe(1);
        expect(visible().n).toBe(4);
        expect(await agencyCodes()).toEqual(["g1", "g2", "g3", "g6"]);

        // A write made while an interactive transaction is open waits for it, and its rollback does not undo the write.
        let beside: Promise<unknown[][] | undefined> | undefined;
        await expect(
          database.prisma.$transaction(async (tx) => {
            await rawExecute(tx, agencyInsert("t1"));
            beside = rawUnit(database.prisma, [{ sql: agencyInsert("t2") }]);
            await sleep(30);
            throw new Error("rolled back");
          }),
        ).rejects.toThrow("rolled back");
        expect(await beside).toEqual([[]]);
        expect(await agencyCodes()).toEqual(["g1", "g2", "g3", "g6", "t2"]);
      } finally {
        proto.run = run;
        other.close();
      }
    },
  );
});
