/**
 * Stopping the HTTP server while a keep-alive client keeps asking (the sandbox's web chat polls
 * every second): the stop answers the request under way and then finishes, instead of serving
 * the client's next requests on its open socket for ever (the sandbox's reset once hung so).
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { startHttpServer } from "../../src/server/http.js";

describe("stopping the HTTP server", () => {
  it("finishes while a keep-alive client asks again at once, and answers the request under way", async () => {
    const slow = { fetch: () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response("ok")), 150)) };
    const server = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      logger: createLogger("silent"),
      webhooks: [],
      health: async () => ({ ok: true }),
      web: slow,
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers: string[] = [];
    let stopped = false;
    const ask = () =>
      new Promise<string>((resolve, reject) =>
        http
          .get({ host: "127.0.0.1", port: server.port, path: "/poll", agent }, (res) => {
            res.resume();
            res.on("end", () => resolve(`${res.statusCode}`));
          })
          .on("error", reject),
      );
    const polling = (async () => {
      while (!stopped) {
        answers.push(await ask().catch((err: NodeJS.ErrnoException) => err.code ?? "error"));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 50)); // a request is under way
    const asked = Date.now();
    await server.close();
    const took = Date.now() - asked;
    stopped = true;
    await polling;
    agent.destroy();
    // Well inside the 3 s grace: the client's next request got "Connection: close", not a new answer on and on.
    expect(took).toBeLessThan(2_000);
    expect(answers[0]).toBe("200");
    expect(answers.filter((a) => a === "200").length).toBeLessThanOrEqual(3);
  });
});
