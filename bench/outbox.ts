/**
 * Outbox throughput: 1,000 notifications to 1,000 chats through the fake Bot API limiting
 * 30 messages/s overall and 1/s per chat, with 429 injected on 5% of sends, on SQLite.
 * Prints wall time, the achieved rate as a ratio of the limit, messages lost and sent twice,
 * and peak memory. Run: npm run bench -- outbox [--messages N] [--rate R]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { createLogger } from "../src/logging/logger.js";
import { OutboxDispatcher } from "../src/outbox/dispatcher.js";
import { enqueue } from "../src/outbox/outbox.js";
import { systemClock } from "../src/shared/clock.js";
import { startFakeBotApi } from "../test/fake-bot-api/server.js";
import { argValue, MemorySampler, printTable } from "./support.js";

const TOKEN = "3333333333:bench-token-CCCCCCCCCCCC";

export async function runOutboxBench(args: string[]): Promise<void> {
  const messages = Number(argValue(args, "--messages") ?? 1000);
  const rate = Number(argValue(args, "--rate") ?? 30);
  const dir = mkdtempSync(path.join(tmpdir(), "peygir-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const database = await openDatabase(url);
  const fake = await startFakeBotApi({
    platform: "telegram",
    bots: [{ token: TOKEN, username: "bench_bot" }],
    rateLimit: { globalPerSecond: rate, perChatPerSecond: 1 },
    requestLog: false,
    seed: 42,
  });
  fake.faults.add({ method: "sendMessage", status: 429, retryAfter: 1, probability: 0.05, seed: 4242 });

  const chats = Array.from({ length: messages }, (_, i) => fake.user({ id: 10_000_000 + i, firstName: `u${i}` }).chatId);
  await database.prisma.$transaction(async (tx) => {
    for (const chat of chats) await enqueue(tx, { platform: "telegram", chatId: String(chat), message: { text: `اطلاعیه برای ${chat}` } });
  });

  const memory = new MemorySampler();
  const dispatcher = new OutboxDispatcher({
    platform: { platform: "telegram", token: TOKEN, apiRoot: fake.url, ratePerSecond: rate, ratePerChatPerSecond: 1 },
    db: database.prisma,
    provider: database.provider,
    clock: systemClock,
    logger: createLogger("silent"),
    instanceId: "bench",
  });
  const started = performance.now();
  await dispatcher.start();
  while ((await database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) await new Promise((r) => setTimeout(r, 100));
  const wallSeconds = (performance.now() - started) / 1000;
  await dispatcher.stop();
  memory.stop();

  const delivered = fake.allSent();
  const unique = new Set(delivered.map((m) => `${m.chatId}:${m.text}`));
  const achieved = delivered.length / wallSeconds;
  const failed = await database.prisma.outboxMessage.count({ where: { status: "failed" } });
  printTable("outbox benchmark (SQLite, fake Telegram API)", [
    ["messages queued", messages],
    ["limit", `${rate} msg/s overall, 1 msg/s per chat, 429 injected on 5% of sends`],
    ["429s answered", fake.stats.faults + fake.stats.rateLimited],
    ["  of which by the server's own limiter", fake.stats.rateLimited],
    ["wall time", `${wallSeconds.toFixed(1)} s (ideal ${(messages / rate).toFixed(1)} s)`],
    ["achieved rate", `${achieved.toFixed(2)} msg/s`],
    ["ratio to the limit", `${(achieved / rate).toFixed(3)} (goal ≥ 0.9)`],
    ["messages lost", messages - unique.size - failed],
    ["messages failed", failed],
    ["messages sent twice", delivered.length - unique.size],
    ["peak RSS", `${memory.peakRssMb.toFixed(1)} MB`],
    ["peak heap used", `${memory.peakHeapMb.toFixed(1)} MB`],
  ]);
  await fake.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
