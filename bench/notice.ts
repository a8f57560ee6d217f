/**
 * A meeting notice to 1,000 recipients (1,000 agencies, one head each, one Telegram chat each),
 * sent the way the secretariat's "send" button sends it, through the fake Bot API limiting
 * 30 messages/s overall and 1/s per chat with 429 injected on 5% of sends, on SQLite.
 * Prints the time from "send" to the first delivery, the achieved rate as a ratio of the limit,
 * messages lost and sent twice (a second press of "send" included). The rate is given twice: from
 * "send" to the end (start-up included, which the first-delivery figure already measures), and
 * while delivering, from the first delivery to the last (the dispatcher's pace; the platform
 * stamps each delivery, so the 100 ms polling for the end does not count).
 * Run: npm run bench -- notice [--recipients N] [--rate R]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { createI18n } from "../src/i18n/index.js";
import { createLogger } from "../src/logging/logger.js";
import { OutboxDispatcher } from "../src/outbox/dispatcher.js";
import { createServices } from "../src/services/index.js";
import { startFakeBotApi } from "../test/fake-bot-api/server.js";
import { TravelClock } from "../test/support/clock.js";
import { argValue, MemorySampler, printTable } from "./support.js";

const TOKEN = "4444444444:bench-notice-token-DDDDDDDDDD";

export async function runNoticeBench(args: string[]): Promise<void> {
  const recipients = Number(argValue(args, "--recipients") ?? 1000);
  const rate = Number(argValue(args, "--rate") ?? 30);
  const dir = mkdtempSync(path.join(tmpdir(), "peygir-bench-notice-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const database = await openDatabase(url);
  const db = database.prisma;
  const fake = await startFakeBotApi({
    platform: "telegram",
    bots: [{ token: TOKEN, username: "bench_notice_bot" }],
    rateLimit: { globalPerSecond: rate, perChatPerSecond: 1 },
    requestLog: false,
    seed: 7,
  });
  fake.faults.add({ method: "sendMessage", status: 429, retryAfter: 1, probability: 0.05, seed: 4243 });

  // A working Wednesday morning in Tehran (office hours), running at real speed from there.
  const clock = new TravelClock(instantAt({ jy: 1405, jm: 9, jd: 4 }, 9 * HOUR_MS));
  const committee = await db.committee.create({
    data: { code: "bench", name: "کارگروه آزمایشی", calendar: { thursday: "off", officeHours: { start: "08:00", end: "14:00" } } },
  });
  const secretary = await db.person.create({ data: { name: "دبیر" } });
  await db.membership.create({
    data: { personId: secretary.id, role: "secretariat", committeeId: committee.id, scopeKey: `committee:${committee.id}` },
  });
  const chats = Array.from({ length: recipients }, (_, i) => fake.user({ id: 20_000_000 + i, firstName: `u${i}` }).chatId);
  await db.agency.createMany({ data: chats.map((_, i) => ({ code: `a${i}`, name: `دستگاه ${i}` })) });
  const agencies = await db.agency.findMany({ orderBy: { id: "asc" } });
  await db.committeeAgency.createMany({ data: agencies.map((a) => ({ committeeId: committee.id, agencyId: a.id })) });
  await db.person.createMany({ data: chats.map((_, i) => ({ name: `رئیس ${i}` })) });
  const heads = (await db.person.findMany({ orderBy: { id: "asc" } })).filter((p) => p.id !== secretary.id);
  await db.membership.createMany({
    data: heads.map((p, i) => ({ personId: p.id, role: "head", agencyId: agencies[i]!.id, scopeKey: `agency:${agencies[i]!.id}` })),
  });
  await db.chatIdentity.createMany({
    data: heads.map((p, i) => ({ personId: p.id, platform: "telegram", userId: String(chats[i]), chatId: String(chats[i]) })),
  });

  const platform = { platform: "telegram" as const, token: TOKEN, apiRoot: fake.url, ratePerSecond: rate, ratePerChatPerSecond: 1 };
  const dispatcher = new OutboxDispatcher({
    platform,
    db,
    provider: database.provider,
    clock,
    logger: createLogger("silent"),
    instanceId: "bench",
  });
  const services = createServices({
    db,
    clock,
    logger: createLogger("silent"),
    i18n: createI18n(() => undefined) as never,
    settings: { platforms: ["telegram"], inviteTtlDays: 14, maxAttachmentBytes: 20 * 1024 * 1024 },
    onQueued: () => dispatcher.wake(),
  });
  const actor = { personId: secretary.id, platform: "telegram" as const };
  const draft = await services.notices.compose.createDraft(actor, {
    committeeId: committee.id,
    title: "جلسه کارگروه",
    meetingAt: instantAt({ jy: 1405, jm: 9, jd: 10 }, 10 * HOUR_MS),
    location: "سالن جلسات فرمانداری",
    agenda: { kind: "text", text: "بررسی پرداخت تسهیلات" },
    audience: { allAgencies: true, agencyIds: [], resolutionIds: [], governorate: false, roles: ["head"] },
  });
  if (!draft.ok) throw new Error(`the bench's meeting time was questioned: ${JSON.stringify(draft.concerns)}`);
  await dispatcher.start();

  const memory = new MemorySampler();
  const started = performance.now();
  let firstDeliveryMs: number | undefined;
  const watchFirst = (async () => {
    while (fake.allSent().length === 0) await new Promise((r) => setTimeout(r, 2));
    firstDeliveryMs = performance.now() - started;
  })();
  const sent = await services.notices.compose.send(actor, draft.noticeId);
  const queuedMs = performance.now() - started;
  // The secretariat presses "send" again: nothing more may leave.
  const second = await services.notices.compose.send(actor, draft.noticeId);
  await watchFirst;
  while ((await db.outboxMessage.count({ where: { status: "pending" } })) > 0) await new Promise((r) => setTimeout(r, 100));
  const wallSeconds = (performance.now() - started) / 1000;
  await dispatcher.stop();
  memory.stop();

  const delivered = fake.allSent();
  const unique = new Set(delivered.map((m) => m.chatId));
  const failed = await db.outboxMessage.count({ where: { status: "failed" } });
  const achieved = delivered.length / wallSeconds;
  const times = delivered.map((m) => m.sentAt).sort((a, b) => a - b);
  const spanSeconds = (times.at(-1)! - times[0]!) / 1000;
  const whileDelivering = (delivered.length - 1) / spanSeconds;
  printTable("notice benchmark (SQLite, fake Telegram API)", [
    ["recipients", recipients],
    ["limit", `${rate} msg/s overall, 1 msg/s per chat, 429 injected on 5% of sends`],
    ["queued by send", sent.sent ? sent.queued : "nothing (!)"],
    ["second press of send", second.sent ? `queued ${second.queued} more (!)` : `nothing (${second.reason})`],
    ["send → all queued (committed)", `${queuedMs.toFixed(0)} ms`],
    ["send → first delivery", `${firstDeliveryMs?.toFixed(0)} ms (goal < 1000 ms)`],
    ["429s answered", fake.stats.faults + fake.stats.rateLimited],
    ["wall time", `${wallSeconds.toFixed(1)} s (ideal ${(recipients / rate).toFixed(1)} s)`],
    ["achieved rate", `${achieved.toFixed(2)} msg/s`],
    ["ratio to the limit", `${(achieved / rate).toFixed(3)} (send → all settled, start-up included)`],
    ["first → last delivery", `${spanSeconds.toFixed(1)} s`],
    ["ratio while delivering", `${(whileDelivering / rate).toFixed(3)} (goal ≥ 0.95)`],
    ["429s from the rate limiter", `${fake.stats.rateLimited} (our pacing tripping the platform's limit)`],
    ["messages lost", recipients - unique.size - failed],
    ["messages failed", failed],
    ["messages sent twice", delivered.length - unique.size],
    ["peak RSS", `${memory.peakRssMb.toFixed(1)} MB`],
  ]);
  await fake.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
