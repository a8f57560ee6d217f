/**
 * The one code path on both databases: what the code relies on from Prisma behaves the same on
 * SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, openDatabase, Prisma, providerOfClient, type Database } from "../../src/db/client.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

describe.each(testDatabases())("the database layer on $name", (target) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await target.create();
    database = await openDatabase(test.url);
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("stores Prisma.DbNull as SQL NULL (one runtime serves both clients)", async () => {
    const db = database.prisma;
    const key = { platform: "bale", botId: "1", updateId: 1 };
    await db.inboundUpdate.create({ data: { ...key, payload: { update_id: 1 } } });
    await db.inboundUpdate.update({ where: { platform_botId_updateId: key }, data: { payload: Prisma.DbNull } });
    expect((await db.inboundUpdate.findFirstOrThrow({ where: key })).payload).toBeNull();
    expect(await db.inboundUpdate.count({ where: { payload: { equals: Prisma.DbNull } } })).toBe(1);
  });

  // providerOfClient reads Prisma's private `_activeProvider` (no public API tells a client's
  // database): a Prisma release that renames it or stops handing it to transaction clients fails here.
  it("tells the database of a client and of its transaction clients", async () => {
    expect(providerOfClient(database.prisma)).toBe(database.provider);
    await database.prisma.$transaction(async (tx) => expect(providerOfClient(tx)).toBe(database.provider));
  });

  it("recognises a unique violation as such", async () => {
    const db = database.prisma;
    await db.agency.create({ data: { code: "dup", name: "یک" } });
    const error = await db.agency.create({ data: { code: "dup", name: "دو" } }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    // From a plain SQL statement (src/db/sql/) too, which Prisma reports as a failed raw query.
    const raw = await db.$executeRaw`INSERT INTO "Agency" ("code", "name", "updatedAt") VALUES (${"dup"}, ${"سه"}, ${new Date()})`.catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(raw)).toBe(true);
    const other = await db.$executeRaw`INSERT INTO "Agency" ("code") VALUES (${"x"})`.catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("keeps Persian text and JSON intact", async () => {
    const db = database.prisma;
    const calendar = { thursday: "half", officeHours: { start: "08:00", end: "14:00" }, extraHolidays: ["1405/09/24"] };
    const committee = await db.committee.create({ data: { code: "c1", name: "کارگروه اشتغال و سرمایه‌گذاری", calendar } });
    const read = await db.committee.findUniqueOrThrow({ where: { id: committee.id } });
    expect(read.name).toBe("کارگروه اشتغال و سرمایه‌گذاری");
    expect(read.calendar).toEqual(calendar);
  });

  it("keeps a write made beside an open transaction when that transaction rolls back", async () => {
    const db = database.prisma;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.agency.create({ data: { code: "inside-tx", name: "x" } });
        opened();
        await gate;
        throw new Error("rollback");
      })
      .catch((e: Error) => e.message);
    await isOpen;
    // Another request writes while the transaction is open (on SQLite: the same connection), in
    // plain SQL as the hot paths do (Prisma's own writes take the adapter's transaction lock).
    const now = new Date();
    const beside =
      db.$executeRaw`INSERT INTO "Agency" ("code", "name", "kind", "createdAt", "updatedAt") VALUES (${"beside-tx"}, ${"y"}, ${"office"}, ${now}, ${now})`.then(
        (n) => n,
      ); // Prisma promises are lazy: start it now
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await failing).toBe("rollback");
    await beside;
    expect((await db.agency.findMany({ where: { code: { in: ["inside-tx", "beside-tx"] } } })).map((a) => a.code)).toEqual(["beside-tx"]);
  });

  it("rolls a failed transaction back whole", async () => {
    const db = database.prisma;
    await expect(
      db.$transaction(async (tx) => {
        await tx.agency.create({ data: { code: "rolled-back", name: "x" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.agency.count({ where: { code: "rolled-back" } })).toBe(0);
  });
});
