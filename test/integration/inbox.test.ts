/**
 * The inbox against updates a database refuses, on each database: a lone UTF-16 surrogate and a
 * NUL character are cleaned before storing (PostgreSQL's jsonb rejects both); an update that
 * still cannot be stored is set aside — logged once without its payload, audited — and the rest
 * of its batch is stored and handed on. And who takes over an unfinished update: a named
 * instance its own at once when it restarts, another's only after the lease.
 */
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createLogger } from "../../src/logging/logger.js";
import { ManualClock } from "../../src/shared/clock.js";
import { sanitiseUpdate, UpdateInbox } from "../../src/updates/inbox.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { captureLog } from "../support/log.js";

const LONE_HIGH = "\uD83D";
const LONE_LOW = "\uDC00";

function textUpdate(updateId: number, text: string): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: 42, type: "private", first_name: "زهرا" },
      from: { id: 42, is_bot: false, first_name: "زهرا" },
      text,
    },
  } as Update;
}

describe("sanitiseUpdate", () => {
  it("replaces lone surrogates and drops NUL everywhere in an update, and leaves good text alone", () => {
    const clean = sanitiseUpdate(textUpdate(1, `a${LONE_HIGH}b${LONE_LOW}c\u0000d 😀 سلام`));
    expect(clean.message?.text).toBe("a\uFFFDb\uFFFDcd 😀 سلام");
    const good = textUpdate(2, "😀 سلام");
    expect(sanitiseUpdate(good)).toBe(good);
  });
});

describe.each(testDatabases())("the inbox on $name", (target) => {
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

  /** An inbox of bot 1 whose log goes to `log`. */
  const inboxLogging = (platform: "bale" | "telegram", log: ReturnType<typeof captureLog>) =>
    new UpdateInbox(database.prisma, platform, "1", new ManualClock("2026-12-01T08:00:00Z"), createLogger("info", log.stream), "a");

  it("stores a batch holding a lone surrogate and a NUL, cleaned, and hands every update on", async () => {
    const log = captureLog();
    const inbox = inboxLogging("bale", log);
    const fresh = await inbox.accept([textUpdate(0, "سلام"), textUpdate(1, `گزارش ${LONE_HIGH} نیمه`), textUpdate(2, "x\u0000y")]);
    expect(fresh.map((u) => u.update_id)).toEqual([0, 1, 2]);
    expect(fresh[1]!.message?.text).toBe("گزارش \uFFFD نیمه");
    expect(fresh[2]!.message?.text).toBe("xy");
    const stored = await database.prisma.inboundUpdate.findMany({ orderBy: { updateId: "asc" } });
    expect(stored.map((r) => (r.payload as unknown as Update).message?.text)).toEqual(["سلام", "گزارش \uFFFD نیمه", "xy"]);
    expect(log.text()).toBe("");
    // A second delivery of the same batch is recognised.
    expect(await inbox.accept([textUpdate(1, `گزارش ${LONE_HIGH} نیمه`)])).toEqual([]);
  });

  /**
   * Makes the database refuse update 666, whatever it holds, as a database refuses what nobody
   * foresaw; PostgreSQL's message quotes the whole payload, as real errors about a value do.
   */
  async function refuseUpdate666(): Promise<void> {
    if (test.name === "sqlite") {
      await database.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_666 BEFORE INSERT ON "InboundUpdate" WHEN NEW."updateId" = 666 BEGIN SELECT RAISE(ABORT, 'refused'); END`,
      );
      return;
    }
    await database.prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_666() RETURNS trigger AS $$ BEGIN IF NEW."updateId" = 666 THEN RAISE EXCEPTION 'refused %', NEW."payload"; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await database.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_666 BEFORE INSERT ON "InboundUpdate" FOR EACH ROW EXECUTE FUNCTION refuse_666()`,
    );
  }

  it("sets aside an update that cannot be stored, stores the rest, logs one line without the payload and audits it", async () => {
    await refuseUpdate666();
    const log = captureLog();
    const inbox = inboxLogging("telegram", log);
    const big = "ب".repeat(5_000);
    const fresh = await inbox.accept([textUpdate(665, big), textUpdate(666, big), textUpdate(667, "بعدی")]);
    expect(fresh.map((u) => u.update_id)).toEqual([665, 667]);
    expect((await database.prisma.inboundUpdate.findMany({ orderBy: { updateId: "asc" } })).map((r) => r.updateId)).toEqual([665, 667]);
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "update set aside: it cannot be stored", updateId: 666, platform: "telegram" });
    expect(log.text()).not.toContain(big.slice(0, 50));
    expect(log.text().length).toBeLessThan(2_000);
    const audit = await database.prisma.auditLog.findMany({ where: { action: "update.set_aside" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "system", platform: "telegram", entity: "InboundUpdate", entityId: "666" });
    expect(JSON.stringify(audit[0]!.data)).not.toContain(big.slice(0, 50));
  });

  it("lets a restarted instance take its own unfinished updates at once and another's only after the lease", async () => {
    const clock = new ManualClock("2026-12-01T08:00:00Z");
    const logger = createLogger("silent");
    const inboxOf = (instanceId: string) => new UpdateInbox(database.prisma, "telegram", "1", clock, logger, instanceId);
    const [a, b] = [inboxOf("instance-a"), inboxOf("instance-b")];
    await a.accept([textUpdate(1, "یک"), textUpdate(2, "دو")]);
    await b.accept([textUpdate(3, "سه")]);
    await a.markProcessed(2);
    const owners = async () =>
      (await database.prisma.inboundUpdate.findMany({ orderBy: { updateId: "asc" }, select: { updateId: true, instanceId: true } })).map(
        (r) => `${r.updateId}:${r.instanceId}`,
      );
    expect(await owners()).toEqual(["1:instance-a", "2:instance-a", "3:instance-b"]);

    // Instance a restarts a second later: its own update 1 at once, b's 3 not yet (lease 60 s),
    // and a sibling's periodic look takes nothing of a's in-flight updates either.
    clock.advance(1_000);
    expect((await inboxOf("instance-a").takeOverStale(60_000, true)).map((u) => u.update_id)).toEqual([1]);
    expect(await a.takeOverStale(60_000)).toEqual([]);
    expect(await inboxOf("instance-c").takeOverStale(60_000, true)).toEqual([]);

    // After the lease, another instance takes over what b left, and it carries the taker's id.
    clock.advance(61_000);
    expect((await inboxOf("instance-c").takeOverStale(60_000)).map((u) => u.update_id)).toEqual([1, 3]);
    expect(await owners()).toEqual(["1:instance-c", "2:instance-a", "3:instance-c"]);
    expect(await inboxOf("instance-b").takeOverStale(60_000, true)).toEqual([]);
  });
});
