/**
 * The instance lock (src/db/instance-lock.ts) on PostgreSQL: an instance without INSTANCE_ID runs
 * alone, named instances run side by side, and whichever would break that refuses to start,
 * saying why; stopping (or dying: the lock is its connection's) lets the next one start.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InstanceLock, InstanceLockError } from "../../src/db/instance-lock.js";
import { createLogger } from "../../src/logging/logger.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const postgres = testDatabases().filter((target) => target.name === "postgres");

describe.each(postgres)("the instance lock on $name", (target) => {
  let test: TestDatabase;
  const started: InstanceLock[] = [];

  beforeEach(async () => {
    test = await target.create();
  });
  afterEach(async () => {
    for (const lock of started.splice(0)) await lock.stop();
    await test?.drop();
  });

  const start = async (named: boolean) => {
    const lock = new InstanceLock(test.url, named, createLogger("silent"));
    await lock.start();
    started.push(lock);
    return lock;
  };
  const refusal = (named: boolean) =>
    start(named).then(
      () => undefined,
      (e: unknown) => e,
    );

  it("lets an unnamed instance run alone and named ones side by side, and refuses the one that would break that", async () => {
    const alone = await start(false);
    const second = await refusal(false);
    expect(second).toBeInstanceOf(InstanceLockError);
    expect((second as Error).message).toMatch(
      /another instance is running on this PostgreSQL database: give every instance an INSTANCE_ID/,
    );
    const named = await refusal(true);
    expect(named).toBeInstanceOf(InstanceLockError);
    expect((named as Error).message).toMatch(/an instance without INSTANCE_ID is running/);

    await alone.stop();
    await start(true);
    await start(true);
    const unnamed = await refusal(false);
    expect(unnamed).toBeInstanceOf(InstanceLockError);
    expect((unnamed as Error).message).toMatch(/another instance is running/);
    // The refusals left no connection behind holding a lock: once the named ones stop, an unnamed one starts.
    for (const lock of started.splice(0)) await lock.stop();
    await start(false);
  });
});
