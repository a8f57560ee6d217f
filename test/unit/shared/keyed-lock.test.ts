import { describe, expect, it } from "vitest";
import { KeyedLock } from "../../../src/shared/keyed-lock.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("KeyedLock", () => {
  it("lets one holder of a key at a time, the waiting ones in order", async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const first = await lock.acquire("a");
    const second = lock.acquire("a").then((release) => (order.push("second"), release));
    const third = lock.acquire("a").then((release) => (order.push("third"), release));
    await tick();
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
    expect(lock.size).toBe(0);
  });

  it("does not hold back another key", async () => {
    const lock = new KeyedLock();
    const a = await lock.acquire("a");
    const b = await Promise.race([lock.acquire("b"), tick().then(() => undefined)]);
    expect(b).toBeTypeOf("function");
    expect(lock.size).toBe(2);
    a();
    b!();
    expect(lock.size).toBe(0);
  });

  it("ignores a second release: it never frees the next holder's turn", async () => {
    const lock = new KeyedLock();
    const first = await lock.acquire("a");
    const second = lock.acquire("a");
    first();
    await second;
    first();
    let third = false;
    void lock.acquire("a").then(() => (third = true));
    await tick();
    expect(third).toBe(false);
  });
});
