// Measures the fake's own throughput, to be sure it is never the bottleneck of a benchmark:
//   npx tsx src/fake-bot-api/throughput.ts [requests=20000] [concurrency=16]
// Sends sendMessage to 1,000 chats through grammY's client (keep-alive), then reports requests/s and memory.
import { Bot } from "grammy";
import { startFakeBotApi } from "./server.js";

const total = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 16);
const token = "123456:throughput";

const api = await startFakeBotApi({ platform: "bale", bots: [{ token }], requestLog: false });
const bot = new Bot(token, { client: { apiRoot: api.url } });
const chats = Array.from({ length: 1000 }, () => api.user().chatId);

let next = 0;
async function worker(): Promise<void> {
  while (next < total) {
    const i = next++;
    await bot.api.sendMessage(chats[i % chats.length]!, `پیام شماره ${i}: یادآوری مصوبه`);
  }
}

const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const heapAfter = process.memoryUsage().heapUsed;

console.log(`${total} sendMessage in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} requests/s (concurrency ${concurrency})`);
console.log(
  `delivered ${api.stats.delivered}; heap +${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB (~${Math.round((heapAfter - heapBefore) / total)} B per stored message)`,
);
await api.close();
