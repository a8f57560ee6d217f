/**
 * The other side of the inbound benchmark, in a worker thread so that it does not share a core
 * with the bot under test: the fake Bot API server and the simulated users. Each user, in a
 * closed loop, presses a button on one of the bot's messages (waits for the callback answer),
 * then replies to one with a progress note (waits for the bot's answer), and so on.
 */
import { parentPort } from "node:worker_threads";
import type { Message } from "grammy/types";
import { startFakeBotApi, type FakeBotApi } from "../test/fake-bot-api/server.js";
import type { FakeUser } from "../test/fake-bot-api/user.js";

export type LoadRequest =
  | { type: "start"; bots: { token: string; username: string }[] }
  | { type: "users"; token: string; ids: number[] }
  | { type: "await-cards"; token: string; ids: number[]; pattern: string; timeoutMs: number }
  /** Every user sends `text`, then waits for a card. */
  | { type: "kickoff"; token: string; ids: number[]; text: string; pattern: string; timeoutMs: number }
  /**
   * `pattern` finds a user's cards by a button's data prefix; `press` is the prefix of the data
   * pressed on them. Without `perUserPerSecond` each user acts again as soon as answered (the
   * bot's capacity); with it, each user acts at that pace (an offered load), starting at a random moment.
   */
  | { type: "load"; token: string; ids: number[]; seconds: number; pattern: string; press: string; perUserPerSecond?: number }
  | { type: "close" };

export type LoadReply =
  | { type: "started"; url: string }
  | { type: "ok" }
  | { type: "loaded"; actions: number; errors: number; latenciesMs: number[]; seconds: number }
  | { type: "error"; message: string };

let fake: FakeBotApi | undefined;

/** The bot's messages in a user's chat that carry a button matching `pattern` ("a:ack:", "b:"), with that button's data. */
function cards(user: FakeUser, pattern: string): { message: Message; data: string }[] {
  const found: { message: Message; data: string }[] = [];
  for (const message of user.messages()) {
    for (const button of message.reply_markup?.inline_keyboard.flat() ?? []) {
      if ("callback_data" in button && button.callback_data?.startsWith(pattern)) {
        found.push({ message, data: button.callback_data });
        break;
      }
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function userLoop(
  user: FakeUser,
  request: Extract<LoadRequest, { type: "load" }>,
  until: number,
  latencies: number[],
  counts: { errors: number },
): Promise<void> {
  const gapMs = request.perUserPerSecond ? 1000 / request.perUserPerSecond : 0;
  let nextAt = performance.now() + Math.random() * gapMs;
  for (let i = 0; performance.now() < until; i++) {
    if (gapMs > 0) {
      await sleep(Math.max(0, nextAt - performance.now()));
      nextAt += gapMs;
      if (performance.now() >= until) break;
    }
    const list = cards(user, request.pattern);
    const card = list[i % list.length]!;
    const started = performance.now();
    try {
      if (i % 2 === 0) {
        await user.press(card.message.message_id, request.press + card.data.slice(request.pattern.length), {
          force: true,
          timeoutMs: 10_000,
        });
      } else {
        user.reply(card.message.message_id, `پیشرفت کار، مرحله ${i}`);
        await user.waitFor(() => true, { timeoutMs: 10_000 });
      }
      latencies.push(performance.now() - started);
    } catch {
      counts.errors++;
      await sleep(100);
    }
  }
}

async function handle(request: LoadRequest): Promise<LoadReply> {
  switch (request.type) {
    case "start":
      // Updates are numbered from 1 (Bale starts at 0), so the bare bot's runner, which asks for offset 1 first, misses none.
      fake = await startFakeBotApi({ platform: "bale", bots: request.bots, requestLog: false, seed: 7, firstUpdateId: 1 });
      return { type: "started", url: fake.url };
    case "users":
      for (const id of request.ids) fake!.user({ id, firstName: `کاربر ${id}`, bot: request.token });
      return { type: "ok" };
    case "await-cards": {
      const deadline = Date.now() + request.timeoutMs;
      for (const id of request.ids) {
        const user = fake!.user({ id, bot: request.token });
        while (cards(user, request.pattern).length === 0) {
          if (Date.now() > deadline) return { type: "error", message: `user ${id} has no message with a "${request.pattern}" button` };
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      return { type: "ok" };
    }
    case "kickoff":
      for (const id of request.ids) fake!.user({ id, bot: request.token }).send(request.text);
      return handle({
        type: "await-cards",
        token: request.token,
        ids: request.ids,
        pattern: request.pattern,
        timeoutMs: request.timeoutMs,
      });
    case "load": {
      const users = request.ids.map((id) => fake!.user({ id, bot: request.token }));
      const latenciesMs: number[] = [];
      const counts = { errors: 0 };
      const started = performance.now();
      const until = started + request.seconds * 1000;
      await Promise.all(users.map((user) => userLoop(user, request, until, latenciesMs, counts)));
      return {
        type: "loaded",
        actions: latenciesMs.length,
        errors: counts.errors,
        latenciesMs,
        seconds: (performance.now() - started) / 1000,
      };
    }
    case "close":
      await fake?.close();
      return { type: "ok" };
  }
}

parentPort!.on("message", (request: LoadRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => parentPort!.postMessage({ type: "error", message: String((error as Error)?.stack ?? error) } satisfies LoadReply),
  );
});
