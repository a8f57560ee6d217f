/**
 * A seeded fuzz run through the real bot on fake Bale and Telegram, on each database: at least
 * 1,000 hostile updates per platform (texts with lone surrogates, NUL, RTL marks, 10,000
 * characters and markdown; random, forged and other people's callback data; replies to any
 * message; files, photos and contacts; group messages; edits; update kinds the bot does not know;
 * forged messages; the same update_id again, out of order; commands with junk arguments) from
 * bound and unbound users. Afterwards: every update was handled, every callback query answered,
 * nobody did what their roles do not allow, nothing personal reached a group, no text exceeded
 * the platform's limit, no token is in the log or the database, and the bot still answers /help.
 *
 * The seed is in the test's name; rerun one with PEYGIR_FUZZ_SEED=<seed> (PEYGIR_FUZZ_UPDATES
 * sets the number of updates per platform).
 */
import type { Message, Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { Prisma } from "#prisma/sqlite";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { seededRandom, type Random } from "../../src/fake-bot-api/random.js";
import type { RequestLogEntry } from "../fake-bot-api/types.js";
import type { FakeGroup, FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, expectAssignmentMessages, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { TOKENS } from "../support/e2e.js";
import { between, hostileCallbackData, hostileText, junkCommand, pick, weighted } from "../support/hostile.js";
import { captureLog, type CapturedLog } from "../support/log.js";
import { outboxSettled } from "../support/outbox.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];
const SEED = Number(process.env.PEYGIR_FUZZ_SEED ?? 0x5eed_2026);
const UPDATES_PER_PLATFORM = Number(process.env.PEYGIR_FUZZ_UPDATES ?? 1_000);
/** Updates queued before waiting for the bot to catch up (a burst, not a flood that outlasts timeouts). */
const BATCH = 25;
const TEXT_LIMIT = 4096;
/** Saturday 7 Azar 1405, 09:00, three days after the meeting was published. */
const SATURDAY = instantAt({ jy: 1405, jm: 9, jd: 7 }, 9 * HOUR_MS);
const CAPTION_LIMIT = 1024;
/** The actions an agency member may take on their own agency's items. */
const AGENCY_ACTIONS = new Set([
  "assignment.ack",
  "assignment.progress",
  "assignment.claim_done",
  "assignment.block",
  "extension.requested",
]);

interface Cast {
  liaison: FakeUser;
  jahadHead: FakeUser;
  governorate: FakeUser;
  secretariat: FakeUser;
  strangers: FakeUser[];
  boundGroup: FakeGroup;
  otherGroup: FakeGroup;
}

const unixNow = () => Math.floor(Date.now() / 1000);
const privateChat = (user: FakeUser) => ({ id: user.id, type: "private" as const, first_name: user.info.first_name });
const groupChat = (group: FakeGroup) => ({ id: group.chatId, type: "supergroup" as const, title: group.title });
const buttonsOf = (markup: unknown): string[] =>
  ((markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => (b.callback_data ? [b.callback_data] : []));

describe.each(testDatabases())("fuzz on $name", (target) => {
  describe(`seed ${SEED}, ${UPDATES_PER_PLATFORM} updates per platform`, () => {
    let pardis: Pardis;
    let log: CapturedLog;
    const casts = {} as Record<Platform, Cast>;
    const updatesSent: Record<Platform, number> = { bale: 0, telegram: 0 };
    const refusedRequests: RequestLogEntry[] = [];
    const pressFailures: string[] = [];
    const recentUpdates: Record<Platform, number[]> = { bale: [], telegram: [] };
    const db = () => pardis.e2e.app.database.prisma;
    let assignmentsBefore: Awaited<ReturnType<typeof snapshotAssignments>>;
    let auditBefore = 0;
    let boundIdentitiesBefore = 0;

    const snapshotAssignments = () =>
      db().assignment.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          agencyId: true,
          status: true,
          percent: true,
          blockedReason: true,
          deadline: true,
          acknowledgedAt: true,
          reportedDoneAt: true,
          doneAt: true,
          cancelledAt: true,
        },
      });

    beforeAll(async () => {
      log = captureLog();
      pardis = await startPardis(target, { logDestination: log.stream });
      for (const platform of PLATFORMS) {
        const fake = pardis.e2e.fake(platform);
        fake.on("update", (_token, update) => {
          updatesSent[platform]++;
          recentUpdates[platform].push(update.update_id);
        });
        fake.on("request", (entry) => entry.status === 400 && refusedRequests.push(entry));
        const secretariat = await pardis.e2e.bindUser(platform, PEOPLE.secretariat);
        const boundGroup = fake.group({ title: "کارگروه اشتغال" });
        boundGroup.send(secretariat, "/bindgroup");
        await boundGroup.waitFor(/کارگروه/, { fromStart: true });
        casts[platform] = {
          liaison: await pardis.e2e.bindUser(platform, PEOPLE.tavonLiaison),
          jahadHead: await pardis.e2e.bindUser(platform, PEOPLE.jahad),
          governorate: await pardis.e2e.bindUser(platform, PEOPLE.governorate),
          secretariat,
          strangers: [fake.user({ firstName: "ناشناس" }), fake.user({ firstName: "Mallory", username: "mallory" })],
          boundGroup,
          otherGroup: fake.group({ title: "گروه دیگر" }),
        };
      }
      await publishMeeting(pardis.e2e);
      for (const platform of PLATFORMS) await expectAssignmentMessages(casts[platform].liaison, 5);
      // Saturday morning: the week's report is open, so /report and its buttons lead somewhere.
      pardis.clock.set(SATURDAY);
      await pardis.e2e.app.services.weeklyReports.openCycle("pardis-employment");
      await outboxSettled(pardis.e2e.app);
      assignmentsBefore = await snapshotAssignments();
      auditBefore = (await db().auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
      boundIdentitiesBefore = await db().chatIdentity.count();
    }, 120_000);
    afterAll(async () => {
      await pardis?.stop();
    });

    /** Queues one hostile update on `platform`; presses are collected to be awaited with the batch. */
    function act(random: Random, platform: Platform, presses: Promise<unknown>[]): void {
      const cast = casts[platform];
      const fake = pardis.e2e.fake(platform);
      const token = TOKENS[platform];
      const privateActors = [cast.liaison, cast.jahadHead, cast.governorate, ...cast.strangers];
      const user = pick(random, privateActors);
      const botMessages = user.messages();
      const anyMessage = (): Message | undefined => (botMessages.length > 0 ? pick(random, botMessages) : undefined);
      const allButtons = fake.allSent().flatMap((s) => buttonsOf(s.replyMarkup));
      const assignmentIds = assignmentsBefore.map((a) => a.id);
      const kind = weighted(random, [
        [5, "text"],
        [3, "command"],
        [7, "press"],
        [2, "reply"],
        [1, "document"],
        [1, "photo"],
        [1, "contact"],
        [3, "group"],
        [1, "edit"],
        [1, "unknown"],
        [1, "forged"],
        [1, "duplicate"],
      ] as const);
      switch (kind) {
        case "text":
          sendText(user, hostileText(random));
          return;
        case "command":
          sendText(user, junkCommand(random));
          return;
        case "press": {
          // Often an honest press of a button in the user's own chat (so dialogs move on), else hostile data.
          const withButtons = botMessages.filter((m) => buttonsOf(m.reply_markup).length > 0);
          const honest = withButtons.length > 0 && random() < 0.4 ? pick(random, withButtons) : undefined;
          const on = honest ?? anyMessage() ?? user.send("سلام");
          const data = honest ? pick(random, buttonsOf(honest.reply_markup)) : hostileCallbackData(random, allButtons, assignmentIds);
          presses.push(
            user.press(on, data, { force: true, timeoutMs: 60_000 }).catch((error: Error) => {
              pressFailures.push(`${platform} ${user.info.first_name} ${JSON.stringify(data)}: ${error.message.split("\n")[0]}`);
            }),
          );
          return;
        }
        case "reply": {
          const target = anyMessage();
          if (target)
            user.reply(
              target.message_id,
              random() < 0.8 ? hostileText(random) : { fileName: "پاسخ.pdf", size: between(random, 1, 30_000_000) },
            );
          else user.send(hostileText(random));
          return;
        }
        case "document":
          user.sendDocument({
            fileName: pick(random, ["گزارش.pdf", "../../etc/passwd", "a".repeat(300), "\u202Efdp.exe", ""]),
            size: pick(random, [0, 1, 40_000, 19_999_999, 25_000_000, 60_000_000]),
            ...(random() < 0.5 ? { caption: hostileText(random) } : {}),
          });
          return;
        case "photo":
          user.sendPhoto({ size: between(random, 1, 25_000_000), ...(random() < 0.5 ? { caption: hostileText(random) } : {}) });
          return;
        case "contact":
          user.shareContact(
            pick(random, [user.phone ?? "+989120000000", "+989121000002", "+989121000001", "0", "+1 (555) 0100", "۰۹۱۲۱۰۰۰۰۰۴"]),
          );
          return;
        case "group": {
          const group = random() < 0.6 ? cast.boundGroup : cast.otherGroup;
          const member = pick(random, [cast.secretariat, cast.liaison, cast.jahadHead, ...cast.strangers]);
          group.send(member, random() < 0.5 ? junkCommand(random) : hostileText(random));
          return;
        }
        case "edit": {
          const own = ownTexts.get(user);
          if (own && own.length > 0) user.edit(pick(random, own), hostileText(random));
          else sendText(user, hostileText(random));
          return;
        }
        case "unknown":
          fake.pushUpdate(token, unknownUpdate(random, platform, user, cast.otherGroup));
          return;
        case "duplicate": {
          // The same update_id again (a platform that did not see our confirmation), out of order.
          const recent = recentUpdates[platform].slice(-50);
          if (recent.length > 0) fake.redeliver(token, pick(random, recent));
          return;
        }
        case "forged":
          fake.pushUpdate(
            token,
            forgedMessage(
              random,
              user,
              cast,
              fake.allSent().map((s) => s.message),
            ),
          );
          return;
      }
    }

    /** Each user's own texts (only those can be edited), newest last. */
    const ownTexts = new Map<FakeUser, number[]>();
    const sendText = (user: FakeUser, text: string) => {
      const sent = user.send(text);
      ownTexts.set(user, [...(ownTexts.get(user) ?? []), sent.message_id]);
    };

    it("handles every update, answers every query, lets nobody exceed their roles, and still answers /help", async () => {
      onTestFailed(() => {
        console.error(`fuzz failed with seed ${SEED}: rerun with PEYGIR_FUZZ_SEED=${SEED} npx vitest run test/e2e/fuzz.test.ts`);
      });
      const random = seededRandom(SEED);
      const perPlatform = () => Math.min(...PLATFORMS.map((p) => updatesSent[p] - (startCounts[p] ?? 0)));
      const startCounts = { ...updatesSent };
      while (perPlatform() < UPDATES_PER_PLATFORM) {
        const presses: Promise<unknown>[] = [];
        for (let i = 0; i < BATCH; i++) for (const platform of PLATFORMS) act(random, platform, presses);
        await Promise.all(presses);
        await caughtUp();
      }
      // What is due has gone out (what waits for office hours or a rate limit may wait).
      await expect
        .poll(
          async () =>
            (await db().outboxMessage.findMany({ where: { status: "pending", notBefore: { lte: pardis.clock.now() } } })).map(
              (row) =>
                `${row.platform} ${row.chatId} ${row.topic} ${row.attempts} ${row.lastError} ${JSON.stringify(row.payload).slice(0, 200)}`,
            ),
          { timeout: 30_000 },
        )
        .toEqual([]);

      // Every update was handled: none pending in the fake's queues, none unhandled in the inbox.
      for (const platform of PLATFORMS) expect(pardis.e2e.fake(platform).pendingUpdates(TOKENS[platform])).toBe(0);
      expect(await db().inboundUpdate.count({ where: { processedAt: null } })).toBe(0);
      // Every callback query was answered.
      expect(pressFailures).toEqual([]);
      for (const platform of PLATFORMS) expect(pardis.e2e.fake(platform).unansweredCallbackQueries()).toEqual([]);

      await expectNoPrivilegeEscalation();
      await expectNothingPersonalInGroups();
      expectEveryTextWithinLimits();
      await expectNoSecretStored();

      // The bot still works: /help in a private chat on each platform (after leaving any dialog the run left open).
      for (const platform of PLATFORMS) {
        casts[platform].liaison.command("/cancel");
        await casts[platform].liaison.waitFor(/انصراف داده شد|کاری در جریان نیست/);
        casts[platform].liaison.command("/help");
        await casts[platform].liaison.waitFor(/نقش‌های شما/, { timeoutMs: 10_000 });
      }
    }, 600_000);

    /** Waits until the bot has taken and handled everything queued so far. */
    async function caughtUp(): Promise<void> {
      await expect
        .poll(
          async () =>
            PLATFORMS.every((p) => pardis.e2e.fake(p).pendingUpdates(TOKENS[p]) === 0) &&
            (await db().inboundUpdate.count({ where: { processedAt: null } })) === 0,
          { timeout: 60_000, interval: 20 },
        )
        .toBe(true);
    }

    async function expectNoPrivilegeEscalation(): Promise<void> {
      const people = new Map<number, { roles: Set<string>; agencies: Set<number> }>();
      for (const m of await db().membership.findMany({ where: { active: true } })) {
        const entry = people.get(m.personId) ?? { roles: new Set<string>(), agencies: new Set<number>() };
        entry.roles.add(m.role);
        if ((m.role === "head" || m.role === "liaison") && m.agencyId !== null) entry.agencies.add(m.agencyId);
        people.set(m.personId, entry);
      }
      const assignments = new Map(assignmentsBefore.map((a) => [a.id, a]));
      const submissions = new Map((await db().weeklyReportSubmission.findMany()).map((s) => [s.id, s]));
      const actedOn = new Set<number>();
      const violations: string[] = [];
      const rows = await db().auditLog.findMany({ where: { id: { gt: auditBefore }, actorKind: "person" }, orderBy: { id: "asc" } });
      for (const row of rows) {
        const who = people.get(row.actorId ?? -1);
        const id = Number(row.entityId);
        const agencyId =
          row.entity === "Assignment"
            ? assignments.get(id)?.agencyId
            : row.entity === "WeeklyReportSubmission"
              ? submissions.get(id)?.agencyId
              : undefined;
        const ownAgency = agencyId !== undefined && (who?.agencies.has(agencyId) ?? false);
        const allowed =
          (AGENCY_ACTIONS.has(row.action) && row.entity === "Assignment" && ownAgency) ||
          (row.action.startsWith("weekly_report.") && ownAgency) ||
          (["assignment.instruction", "membership.weekly_digest"].includes(row.action) && (who?.roles.has("governorate") ?? false)) ||
          (row.action.startsWith("group.") && (who?.roles.has("secretariat") ?? false));
        if (!allowed) violations.push(`${row.action} on ${row.entity} ${row.entityId} by person ${row.actorId}`);
        if (row.entity === "Assignment") actedOn.add(id);
      }
      expect(violations).toEqual([]);

      // The items themselves: only the fuzzed agencies' items moved, never to what needs the secretariat.
      const fuzzedAgencies = new Set([...people.values()].filter((p) => !p.roles.has("secretariat")).flatMap((p) => [...p.agencies]));
      for (const after of await snapshotAssignments()) {
        const before = assignments.get(after.id)!;
        if (!fuzzedAgencies.has(after.agencyId) || !actedOn.has(after.id)) expect(after, `assignment ${after.id}`).toEqual(before);
        else {
          expect(["assigned", "acknowledged", "in_progress", "reported_done", "blocked"], `assignment ${after.id}`).toContain(after.status);
          expect([after.deadline, after.doneAt, after.cancelledAt], `assignment ${after.id}`).toEqual([before.deadline, null, null]);
          expect(after.percent).toBeGreaterThanOrEqual(0);
          expect(after.percent).toBeLessThanOrEqual(100);
        }
      }
      // Whatever was written about an item was written by someone allowed to.
      for (const update of await db().progressUpdate.findMany()) {
        const who = people.get(update.personId ?? -1);
        const agencyId = assignments.get(update.assignmentId)?.agencyId ?? -1;
        const ok = update.kind === "instruction" ? who?.roles.has("governorate") : who?.agencies.has(agencyId);
        expect(ok, `progress update ${update.id} (${update.kind}) by person ${update.personId}`).toBe(true);
      }
      // Nobody new was bound, and group messages moved nobody's chat.
      expect(await db().chatIdentity.count()).toBe(boundIdentitiesBefore);
      for (const identity of await db().chatIdentity.findMany()) expect(identity.chatId).toBe(identity.userId);
    }

    async function expectNothingPersonalInGroups(): Promise<void> {
      const persons = await db().person.findMany({ select: { name: true, phone: true } });
      for (const platform of PLATFORMS) {
        const { boundGroup, otherGroup } = casts[platform];
        for (const group of [boundGroup, otherGroup]) {
          for (const sent of pardis.e2e.fake(platform).sent(group.chatId)) {
            const text = sent.text ?? "";
            for (const person of persons) {
              const phone = person.phone?.slice(-7);
              expect(text, `${platform} group message #${sent.messageId}`).not.toContain(person.name);
              if (phone) expect(text, `${platform} group message #${sent.messageId}`).not.toContain(phone);
            }
            // No item's buttons (what only its agency may press) in a group.
            expect(buttonsOf(sent.replyMarkup).filter((d) => /^(a|v|x|s|gi|w|d):/.test(d))).toEqual([]);
          }
        }
      }
    }

    function expectEveryTextWithinLimits(): void {
      for (const platform of PLATFORMS) {
        for (const sent of pardis.e2e.fake(platform).allSent()) {
          for (const version of [sent.message, ...sent.history]) {
            expect(version.text?.length ?? 0).toBeLessThanOrEqual(TEXT_LIMIT);
            expect(version.caption?.length ?? 0).toBeLessThanOrEqual(CAPTION_LIMIT);
          }
        }
      }
      const tooLong = refusedRequests.filter((r) => /too long|too_long/i.test(r.description ?? ""));
      expect(tooLong.map((r) => `${r.method}: ${r.description}`)).toEqual([]);
    }

    async function expectNoSecretStored(): Promise<void> {
      const secrets = PLATFORMS.map((p) => TOKENS[p].split(":")[1]!);
      for (const secret of secrets) expect(log.text()).not.toContain(secret);
      const client = db() as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
      for (const model of Object.values(Prisma.ModelName)) {
        const rows = JSON.stringify(await client[model.charAt(0).toLowerCase() + model.slice(1)]!.findMany());
        for (const secret of secrets) expect(rows.includes(secret), `a ${model} row holds a bot token`).toBe(false);
      }
    }
  });
});

/**
 * An update the bot does not handle: messages with content it has no use for (both platforms) and,
 * on Telegram, update kinds Bale never sends and one no platform has yet.
 */
function unknownUpdate(random: Random, platform: Platform, user: FakeUser, group: FakeGroup): Omit<Update, "update_id"> {
  const from = user.info;
  const date = unixNow();
  const inPrivate = { message_id: between(random, 1, 100_000), date, chat: privateChat(user), from };
  const inGroup = { ...inPrivate, chat: groupChat(group) };
  const everywhere = [
    () => ({
      message: {
        ...inPrivate,
        sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
      },
    }),
    () => ({ message: { ...inPrivate, location: { latitude: 35.7, longitude: 51.4 } } }),
    () => ({ message: { ...inPrivate, dice: { emoji: "🎲", value: 6 } } }),
    () => ({ message: { ...inPrivate, voice: { file_id: "v", file_unique_id: "v", duration: 3 } } }),
    () => ({ message: { ...inGroup, new_chat_members: [from] } }),
    () => ({ message: { ...inGroup, left_chat_member: from } }),
    () => ({ message: { ...inGroup, new_chat_title: hostileText(random).slice(0, 128) } }),
    () => ({ pre_checkout_query: { id: "1", from, currency: "IRR", total_amount: 1, invoice_payload: "x" } }),
  ];
  if (platform === "bale") return pick(random, everywhere)() as unknown as Omit<Update, "update_id">;
  return pick(random, [
    ...everywhere,
    () => ({
      poll: {
        id: "1",
        question: "?",
        options: [],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: "regular",
        allows_multiple_answers: false,
      },
    }),
    () => ({ inline_query: { id: String(date), from, query: hostileText(random).slice(0, 256), offset: "" } }),
    () => ({ chosen_inline_result: { result_id: "1", from, query: "x" } }),
    () => ({ chat_join_request: { chat: groupChat(group), from, user_chat_id: from.id, date } }),
    () => ({
      message_reaction: {
        chat: privateChat(user),
        message_id: 1,
        user: from,
        date,
        old_reaction: [],
        new_reaction: [{ type: "emoji", emoji: "👍" }],
      },
    }),
    () => ({ channel_post: { message_id: 1, date, chat: { id: -1009999, type: "channel", title: "کانال" }, text: "/bindgroup" } }),
    () => ({ shipping_query: { id: "1", from, invoice_payload: "x", shipping_address: {} } }),
    () => ({
      my_chat_member: {
        chat: groupChat(group),
        from,
        date,
        old_chat_member: { status: "member", user: from },
        new_chat_member: { status: pick(random, ["left", "administrator", "member"]), user: from },
      },
    }),
    () => ({ business_message: { message_id: 1, date, chat: privateChat(user), text: "x" } }),
    () => ({ from_the_future: { anything: true } }),
    () => ({}),
  ])() as unknown as Omit<Update, "update_id">;
}

/** A message no honest client sends: wrong types, impossible files, replies to other chats' messages, no sender. */
function forgedMessage(random: Random, user: FakeUser, cast: Cast, anywhere: Message[]): Omit<Update, "update_id"> {
  const base = { message_id: between(random, 1, 100_000), date: unixNow(), chat: privateChat(user), from: user.info };
  const elsewhere = anywhere.length > 0 ? pick(random, anywhere) : undefined;
  const message = pick(random, [
    () => ({ ...base, text: pick(random, [12345, null, { a: 1 }, ["x"], true]) }),
    () => ({ ...base, document: { file_id: "f", file_unique_id: "u", file_size: pick(random, [-1, -1e9, 1e18, Number.NaN]) } }),
    () => ({ ...base, photo: [] }),
    () => ({ ...base, photo: [{ file_id: "p", file_unique_id: "u", width: -1, height: 0, file_size: -5 }] }),
    () => ({ ...base, from: undefined, text: "/help" }),
    () => ({ ...base, chat: groupChat(cast.boundGroup), text: "/status" }),
    () => ({ ...base, text: hostileText(random), reply_to_message: elsewhere ?? base }),
    () => ({ ...base, contact: { phone_number: "+989121000002", first_name: "جعلی", user_id: cast.secretariat.id } }),
    () => ({ ...base, text: "/start", entities: [{ type: "bot_command", offset: 50, length: 9999 }] }),
    () => ({ ...base, caption: hostileText(random) }),
  ])();
  return (random() < 0.2 ? { edited_message: { ...message, edit_date: unixNow() } } : { message }) as unknown as Omit<Update, "update_id">;
}
