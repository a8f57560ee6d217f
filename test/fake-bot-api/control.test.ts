import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, TOKEN } from "./helpers.js";
import type { FakeBotApi } from "../../src/fake-bot-api/server.js";

async function control(api: FakeBotApi, verb: string, path: string, body?: object) {
  const response = await fetch(`${api.url}/_fake${path}`, {
    method: verb,
    ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
}

describe("control API (/_fake/)", () => {
  it("plays a user: send, read the chat, press a button", async () => {
    const api = await fake({ platform: "bale" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    bot.hears(/^\/start/, (ctx) => ctx.reply("خوش آمدید", { reply_markup: { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] } }));
    bot.callbackQuery("ok", (ctx) => ctx.answerCallbackQuery({ text: "done", show_alert: true }));
    const sent = await control(api, "POST", "/users/1001/send", { text: "/start" });
    expect(sent.body).toMatchObject({ message_id: 1, text: "/start", chat: { id: 1001 } });

    const { body } = await call(api, "getUpdates", { offset: 0 });
    await bot.init();
    await bot.handleUpdate(body.result[0]);
    const chat = await control(api, "GET", "/chats/1001/messages");
    expect(chat.body).toMatchObject([{ message_id: 2, text: "خوش آمدید", edited: false, deleted: false }]);

    const pressed = control(api, "POST", "/users/1001/press", { messageId: 2, data: "ok" });
    await new Promise((r) => setTimeout(r, 20));
    const next = await call(api, "getUpdates", { offset: 1 });
    await bot.handleUpdate(next.body.result[0]);
    expect((await pressed).body).toEqual({ text: "done", show_alert: true });
  });

  it("reports misuse as 400 with the reason, and unknown routes as 404", async () => {
    const api = await fake({ platform: "telegram" });
    expect((await control(api, "POST", "/users/5/send", {})).body).toEqual({ error: `"text" (string) is required` });
    expect((await control(api, "POST", "/users/5/press", { messageId: 9, data: "x" })).status).toBe(400);
    expect((await control(api, "GET", "/nothing")).status).toBe(404);
  });

  it("manages faults and shows stats and requests", async () => {
    const api = await fake({ platform: "telegram" });
    await control(api, "POST", "/faults", { method: "getMe", status: 500, times: 1 });
    expect((await call(api, "getMe")).status).toBe(500);
    expect((await control(api, "GET", "/stats")).body).toMatchObject({ faults: 1 });
    expect((await control(api, "GET", "/requests?limit=1")).body).toMatchObject([{ method: "getMe", status: 500 }]);
    await control(api, "POST", "/faults", { status: 500 });
    await control(api, "DELETE", "/faults");
    expect((await call(api, "getMe")).status).toBe(200);
  });

  it("the CLI starts a server and prints its URL", async () => {
    const cli = fileURLToPath(new URL("../../src/fake-bot-api/cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--platform", "bale", "--port", "0", "--token", "42:x", "--quiet"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Bot API at (http:\/\/[\d.:]+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on("exit", (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
      });
      const me = (await (await fetch(`${url}/bot42:x/getMe`)).json()) as { result: { id: number } };
      expect(me.result.id).toBe(42);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
