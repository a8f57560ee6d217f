import { Bot, GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, TOKEN } from "./helpers.js";
import type { FakeBotApi } from "../../src/fake-bot-api/server.js";

async function outcomes(api: FakeBotApi, chat_id: number, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await call(api, "sendMessage", { chat_id, text: `m${i}` })).status);
  return statuses;
}

describe("fault injection", () => {
  it("applies a rule `times` times, then disappears; faulted sends deliver nothing", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    const rule = api.faults.add({ method: "sendMessage", status: 500, times: 2 });
    expect(await call(api, "sendMessage", { chat_id, text: "a" })).toEqual({
      status: 500,
      body: { ok: false, error_code: 500, description: "Internal Server Error" },
    });
    expect(await outcomes(api, chat_id, 2)).toEqual([500, 200]);
    expect(rule.hits).toBe(2);
    expect(api.faults.list()).toHaveLength(0);
    expect(api.sent(chat_id).map((s) => s.text)).toEqual(["m1"]);
    expect(api.stats.faults).toBe(2);
  });

  it("matches by chat and gives 429 with retry_after", async () => {
    const api = await fake({ platform: "telegram" });
    const [a, b] = [api.user(), api.user()];
    api.faults.add({ chatId: a.chatId, status: 429, retryAfter: 7 });
    expect((await call(api, "sendMessage", { chat_id: a.chatId, text: "x" })).body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    expect((await call(api, "sendMessage", { chat_id: b.chatId, text: "x" })).status).toBe(200);
  });

  it("fires with a probability, reproducibly for a seed", async () => {
    const run = async () => {
      const api = await fake({ platform: "telegram" });
      api.faults.add({ method: "sendMessage", status: 502, probability: 0.5, seed: 42 });
      return outcomes(api, api.user().chatId, 20);
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first.filter((s) => s === 502).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it("drop: the connection dies and nothing is delivered", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const user = api.user();
    api.faults.add({ method: "sendMessage", drop: true, times: 1 });
    const error = await bot.api.sendMessage(user.chatId, "lost").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(user.messages()).toHaveLength(0);
    expect(api.requests.at(-1)).toMatchObject({ method: "sendMessage", outcome: "dropped" });
  });

  it("dropAfterDelivery: the message is delivered but the bot never hears so", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const user = api.user();
    api.faults.add({ method: "sendMessage", dropAfterDelivery: true, times: 1 });
    const error = await bot.api.sendMessage(user.chatId, "delivered anyway").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(user.messages().map((m) => m.text)).toEqual(["delivered anyway"]);
    // A naive retry now sends it twice; the duplicates counter shows it.
    await bot.api.sendMessage(user.chatId, "delivered anyway");
    expect(api.stats.duplicates).toBe(1);
  });

  it("html: a 502 page from nginx, which grammY cannot parse as JSON", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    api.faults.add({ status: 502, html: true, times: 1 });
    const raw = await fetch(`${api.url}/bot${TOKEN}/getMe`);
    expect(raw.status).toBe(502);
    expect(raw.headers.get("content-type")).toBe("text/html");
    expect(await raw.text()).toContain("<center><h1>502 Bad Gateway</h1></center>");
    api.faults.add({ status: 502, html: true, times: 1 });
    expect(await bot.api.getMe().catch((e: unknown) => e)).toBeInstanceOf(HttpError);
  });

  it("a status without html is a JSON error grammY reports as GrammyError; delayMs adds latency", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    api.faults.add({ method: "getMe", status: 403, times: 1 });
    const error = await bot.api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    api.faults.add({ method: "getMe", delayMs: 200, times: 1 });
    const started = Date.now();
    await bot.api.getMe();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("clear() removes every rule", async () => {
    const api = await fake({ platform: "bale" });
    api.faults.add({ status: 500 });
    api.faults.clear();
    expect((await call(api, "getMe")).status).toBe(200);
  });
});
