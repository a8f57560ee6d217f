/**
 * The caller cache (IdentityService.find), on each database: a caller is remembered (a change no
 * signal announces, as another process's, is not seen at once), and forgotten as soon as a write
 * of this process that changes who someone is commits — an unbind, a marked-unreachable chat —
 * while touch() keeps the entry it refreshed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { identitiesChanged } from "../../src/db/identity-changes.js";
import { CALLER_TTL_MS, IdentityService } from "../../src/services/identity.js";
import { PeopleService } from "../../src/services/people.js";
import { ManualClock } from "../../src/shared/clock.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

describe.each(testDatabases())("the caller cache on $name", (target) => {
  let test: TestDatabase;
  let database: Database;
  const clock = new ManualClock("2026-12-01T08:00:00Z");

  beforeEach(async () => {
    test = await target.create();
    database = await openDatabase(test.url);
    const agency = await database.prisma.agency.create({ data: { code: "tavon", name: "اداره تعاون" } });
    const person = await database.prisma.person.create({ data: { name: "زهرا", phone: "+989121000004" } });
    await database.prisma.membership.create({
      data: { personId: person.id, role: "liaison", agencyId: agency.id, scopeKey: `agency:${agency.id}` },
    });
    await database.prisma.chatIdentity.create({ data: { personId: person.id, platform: "bale", userId: "1001", chatId: "1001" } });
  });
  afterEach(async () => {
    await database?.close();
    await test?.drop();
  });

  it("remembers a caller until this process changes identities, and then reads them again", async () => {
    const identity = new IdentityService(database.prisma, clock);
    const first = await identity.find("bale", "1001");
    expect(first?.memberships.map((m) => m.role)).toEqual(["liaison"]);
    // Not announced (as a write by another process): the remembered caller still answers.
    await database.prisma.membership.updateMany({ data: { active: false } });
    expect(await identity.find("bale", "1001")).toBe(first);
    // Announced in a transaction: forgotten once it committed.
    await database.prisma.$transaction(async (tx) => {
      await tx.membership.updateMany({ data: { title: "کارشناس" } });
      identitiesChanged(tx);
    });
    const fresh = await identity.find("bale", "1001");
    expect(fresh).not.toBe(first);
    expect(fresh?.memberships).toEqual([]);
  });

  it("trusts a remembered caller for CALLER_TTL_MS on the injected clock, then reads it again", async () => {
    const moving = new ManualClock("2026-12-01T08:00:00Z");
    const identity = new IdentityService(database.prisma, moving);
    const first = await identity.find("bale", "1001");
    // Not announced (as a write by another process): seen once the entry is older than the TTL.
    await database.prisma.membership.updateMany({ data: { active: false } });
    moving.advance(CALLER_TTL_MS - 1);
    expect(await identity.find("bale", "1001")).toBe(first);
    moving.advance(2);
    expect((await identity.find("bale", "1001"))?.memberships).toEqual([]);
  });

  it("forgets an unbound identity at once", async () => {
    const identity = new IdentityService(database.prisma, clock);
    expect(await identity.find("bale", "1001")).toBeDefined();
    await new PeopleService(database.prisma, clock).unbind("09121000004");
    expect(await identity.find("bale", "1001")).toBeUndefined();
  });

  it("keeps what touch() wrote, so the next update does not write it again", async () => {
    const identity = new IdentityService(database.prisma, clock);
    const caller = (await identity.find("bale", "1001"))!;
    expect(caller.lastSeenAt).toBeNull();
    await identity.touch(caller, "1001");
    const after = (await identity.find("bale", "1001"))!;
    expect(after.lastSeenAt?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    const stored = await database.prisma.chatIdentity.findFirstOrThrow({ where: { userId: "1001" } });
    expect(stored.lastSeenAt?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });
});
