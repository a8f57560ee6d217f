import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logging/logger.js";
import { startInOrder, type Component } from "../../../src/shared/component.js";

/** Components that write what happens to them into one log. */
function parts(log: string[], failing?: { name: string; in: "start" | "stop" }): Component[] {
  return ["database", "outbox", "intake", "http"].map((name) => ({
    name,
    start: async () => {
      if (failing?.name === name && failing.in === "start") throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      if (failing?.name === name && failing.in === "stop") throw new Error(`${name} cannot stop`);
      log.push(`stop ${name}`);
    },
  }));
}

const logger = createLogger("silent");

describe("components started in order", () => {
  it("start in their order and stop in the reverse one", async () => {
    const log: string[] = [];
    const stop = await startInOrder(parts(log), logger);
    await stop();
    expect(log).toEqual([
      "start database",
      "start outbox",
      "start intake",
      "start http",
      "stop http",
      "stop intake",
      "stop outbox",
      "stop database",
    ]);
  });

  it("leave nothing running when one fails to start", async () => {
    const log: string[] = [];
    await expect(startInOrder(parts(log, { name: "intake", in: "start" }), logger)).rejects.toThrow("intake cannot start");
    expect(log).toEqual(["start database", "start outbox", "stop outbox", "stop database"]);
  });

  it("stop the rest when one fails to stop", async () => {
    const log: string[] = [];
    const stop = await startInOrder(parts(log, { name: "outbox", in: "stop" }), logger);
    await stop();
    expect(log.slice(4)).toEqual(["stop http", "stop intake", "stop database"]);
  });

  it("give up between two starts when the stop is asked for, and stop what started", async () => {
    const log: string[] = [];
    const aborting = new AbortController();
    const [database, outbox, ...rest] = parts(log);
    const slowOutbox: Component = { ...outbox!, start: async () => (await outbox!.start(), aborting.abort(new Error("SIGINT"))) };
    await expect(startInOrder([database!, slowOutbox, ...rest], logger, aborting.signal)).rejects.toThrow("SIGINT");
    expect(log).toEqual(["start database", "start outbox", "stop outbox", "stop database"]);
  });
});
