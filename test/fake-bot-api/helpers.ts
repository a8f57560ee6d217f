// Shared by the fake's own tests: raw HTTP calls (to see exact status codes and bodies) and setup.
import { afterEach } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "../../src/fake-bot-api/server.js";
import type { FakeBotApiOptions } from "../../src/fake-bot-api/types.js";

export const TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
export const OTHER_TOKEN = "220302654:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

export interface RawAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** POSTs JSON to a method and returns the status with the parsed body. */
export async function call(api: FakeBotApi, method: string, params: object = {}, token = TOKEN): Promise<RawAnswer> {
  const response = await fetch(`${api.url}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: await response.json() };
}

const running: FakeBotApi[] = [];

/** Starts a fake that is closed after the current test. */
export async function fake(options: Partial<FakeBotApiOptions> & Pick<FakeBotApiOptions, "platform">): Promise<FakeBotApi> {
  const api = await startFakeBotApi({ bots: [{ token: TOKEN }], ...options });
  running.push(api);
  return api;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((api) => api.close()));
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a condition (for effects outside the fake, e.g. a bot's handler having run). */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
