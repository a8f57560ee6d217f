// Runs the fake Bot API for local trials:
//   npx tsx src/fake-bot-api/cli.ts --platform bale --port 8081 --token 123:abc
// then point the bot at the printed URL and play users through /_fake/ (see README.md).
import { parseArgs } from "node:util";
import { startFakeBotApi } from "./server.js";
import type { Platform } from "./types.js";

const USAGE = `usage: tsx src/fake-bot-api/cli.ts [options]
  --platform bale|telegram   (default bale)
  --port N                   (default 8081; 0 picks a free port)
  --host H                   (default 127.0.0.1)
  --token T                  bot token, repeatable (default 123456:fake-token)
  --global-rate N            messages/s per bot      (default: unlimited)
  --chat-rate N              messages/s per chat     (default: unlimited)
  --group-rate N             messages/min per group  (default: unlimited)
  --strict-parse-mode        Bale: answer 400 to parse_mode
  --quiet                    do not print each request`;

const { values } = parseArgs({
  options: {
    platform: { type: "string", default: "bale" },
    port: { type: "string", default: "8081" },
    host: { type: "string", default: "127.0.0.1" },
    token: { type: "string", multiple: true },
    "global-rate": { type: "string" },
    "chat-rate": { type: "string" },
    "group-rate": { type: "string" },
    "strict-parse-mode": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help || (values.platform !== "bale" && values.platform !== "telegram")) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const tokens = values.token ?? ["123456:fake-token"];

const api = await startFakeBotApi({
  platform: values.platform as Platform,
  bots: tokens.map((token) => ({ token })),
  host: values.host,
  port: Number(values.port),
  rateLimit: {
    globalPerSecond: number(values["global-rate"]),
    perChatPerSecond: number(values["chat-rate"]),
    perGroupPerMinute: number(values["group-rate"]),
  },
  baleStrictParseMode: values["strict-parse-mode"],
});

if (!values.quiet) {
  api.on("request", (r) =>
    console.log(`${new Date(r.time).toISOString()} ${r.method} ${r.status || "dropped"}${r.description ? ` ${r.description}` : ""}`),
  );
  api.on("delivered", (m) => console.log(`  → chat ${m.chatId} #${m.messageId}: ${JSON.stringify(m.text ?? "")}`));
}
console.log(`fake ${values.platform} Bot API at ${api.url} (bots: ${tokens.join(", ")})`);
console.log(`control: ${api.url}/_fake/  e.g. curl -XPOST ${api.url}/_fake/users/1001/send -d '{"text":"/start"}'`);

const shutdown = () => void api.close().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
