import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { call, fake, sleep, TOKEN } from "./helpers.js";

interface Received {
  headers: IncomingHttpHeaders;
  update: Update;
}

interface Hook {
  url: string;
  received: Received[];
  /** Waits until `n` POSTs arrived. */
  waitFor(n: number): Promise<Received[]>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

/** A webhook endpoint answering each POST with the next status (then 200), optionally with a body. */
async function hook(statuses: number[] = [], replyBody?: (update: Update) => string): Promise<Hook> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const update = JSON.parse(raw) as Update;
      received.push({ headers: req.headers, update });
      const status = statuses.shift() ?? 200;
      const body = status === 200 && replyBody ? replyBody(update) : "";
      res.writeHead(status, { "content-type": "application/json" }).end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-path`;
  const waitFor = async (n: number) => {
    for (let i = 0; i < 200 && received.length < n; i++) await sleep(10);
    if (received.length < n) throw new Error(`webhook got ${received.length} of ${n} POSTs`);
    return received;
  };
  return { url, received, waitFor };
}

describe("webhooks", () => {
  it("Telegram: POSTs updates with the secret header, removing each on 2xx", async () => {
    const api = await fake({ platform: "telegram" });
    const endpoint = await hook();
    const set = await call(api, "setWebhook", { url: endpoint.url, secret_token: "s3cr3t_TOKEN-1" });
    expect(set.body).toEqual({ ok: true, result: true, description: "Webhook was set" });
    api.user().send("hello");
    const [first] = await endpoint.waitFor(1);
    expect(first!.headers["x-telegram-bot-api-secret-token"]).toBe("s3cr3t_TOKEN-1");
    expect(first!.headers["content-type"]).toBe("application/json");
    expect(first!.update.message?.text).toBe("hello");
    await sleep(20);
    expect(api.pendingUpdates()).toBe(0);
  });

  it("Bale: setWebhook takes only url — no secret header is ever sent", async () => {
    const api = await fake({ platform: "bale" });
    const endpoint = await hook();
    await call(api, "setWebhook", { url: endpoint.url, secret_token: "ignored" });
    api.user().send("salam");
    const [first] = await endpoint.waitFor(1);
    expect(first!.headers["x-telegram-bot-api-secret-token"]).toBeUndefined();
    expect(first!.update.update_id).toBe(0);
    expect(api.webhook()).toEqual({ url: endpoint.url });
  });

  it("retries after non-2xx answers, keeping the order, and reports the last error", async () => {
    const api = await fake({ platform: "telegram", webhookRetryMs: 20 });
    const endpoint = await hook([500, 503]);
    await call(api, "setWebhook", { url: endpoint.url });
    const user = api.user();
    user.send("one");
    user.send("two");
    const received = await endpoint.waitFor(4);
    expect(received.map((r) => r.update.message?.text)).toEqual(["one", "one", "one", "two"]);
    const info = (await call(api, "getWebhookInfo")).body.result;
    expect(info).toMatchObject({
      url: endpoint.url,
      pending_update_count: 0,
      last_error_message: "Wrong response from the webhook: 503 Service Unavailable",
    });
    expect(api.stats.webhookFailures).toBe(2);
  });

  it("retries when the connection fails; deleteWebhook hands the queue back to getUpdates", async () => {
    const api = await fake({ platform: "telegram", webhookRetryMs: 20 });
    const closed = await hook();
    const deadUrl = closed.url;
    await new Promise((r) => (servers[0]!.close(r), servers[0]!.closeAllConnections()));
    await call(api, "setWebhook", { url: deadUrl });
    api.user().send("waiting");
    await sleep(150);
    expect(api.stats.webhookFailures).toBeGreaterThanOrEqual(2);
    expect((await call(api, "getWebhookInfo")).body.result.last_error_message).toBe("Connection refused");
    expect((await call(api, "deleteWebhook")).body.description).toBe("Webhook was deleted");
    const { body } = await call(api, "getUpdates");
    expect(body.result.map((u: Update) => u.message?.text)).toEqual(["waiting"]);
  });

  it("delivers updates queued before setWebhook, unless drop_pending_updates", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    user.send("old");
    const endpoint = await hook();
    await call(api, "setWebhook", { url: endpoint.url, drop_pending_updates: true });
    user.send("new");
    await endpoint.waitFor(1);
    await sleep(30);
    expect(endpoint.received.map((r) => r.update.message?.text)).toEqual(["new"]);
  });

  it("setWebhook ends a pending long poll with 409", async () => {
    const api = await fake({ platform: "telegram" });
    const poll = call(api, "getUpdates", { timeout: 5 });
    await sleep(30);
    await call(api, "setWebhook", { url: "http://127.0.0.1:9/x" });
    expect((await poll).body).toEqual({ ok: false, error_code: 409, description: "Conflict: terminated by setWebhook request" });
  });

  it("Telegram runs a method returned in the webhook answer", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const endpoint = await hook([], (u) =>
      JSON.stringify({ method: "sendMessage", chat_id: u.message!.chat.id, text: "via webhook reply" }),
    );
    await call(api, "setWebhook", { url: endpoint.url });
    user.send("hi");
    expect((await user.waitFor("via webhook reply")).text).toBe("via webhook reply");
  });

  it("re-delivers an update with the same update_id", async () => {
    const api = await fake({ platform: "telegram" });
    const endpoint = await hook();
    await call(api, "setWebhook", { url: endpoint.url });
    api.user().send("once");
    const [first] = await endpoint.waitFor(1);
    api.redeliver(TOKEN, first!.update.update_id);
    const received = await endpoint.waitFor(2);
    expect(received[1]!.update).toEqual(first!.update);
  });

  it("drives a grammY bot served with webhookCallback", async () => {
    const api = await fake({ platform: "bale" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url }, botInfo: api.bots[0]! });
    bot.on("message:text", (ctx) => ctx.reply(`got ${ctx.message.text}`));
    const server = createServer(webhookCallback(bot, "http"));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await bot.api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const user = api.user();
    user.send("ping");
    expect((await user.waitFor(/got ping/)).text).toBe("got ping");
  });
});
