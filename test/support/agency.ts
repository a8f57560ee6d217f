/**
 * The pardis working group, imported and running, for the agency-side end-to-end tests: a test
 * database with the fixture imported, the real app on fake Bale/Telegram servers, a manual clock
 * in office hours, and helpers to bind the fixture's people and find their assignment messages.
 */
import type { Message } from "grammy/types";
import type { DestinationStream } from "pino";
import type { Platform } from "../../src/config/index.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { parsePhone } from "../../src/domain/text/index.js";
import { assignmentButton } from "../../src/services/render/callback-data.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { TravelClock } from "./clock.js";
import type { DatabaseTarget, TestDatabase } from "./databases.js";
import { FIXTURE_PATH, startE2E, type E2E } from "./e2e.js";
import { outboxSettled } from "./outbox.js";

/** Wednesday 4 Azar 1405, 10:00 in Tehran: a working morning three days after the meeting. */
export const PARDIS_MORNING = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);
export const MEETING = "1405-08";

/** The fixture's people by role (phones as the fixture writes them). */
export const PEOPLE = {
  governorate: "09121000001",
  secretariat: "09121000002",
  tavonHead: "09121000003",
  tavonLiaison: "09121000004",
  /** Head and liaison of smt at once. */
  smt: "۰۹۱۲۱۰۰۰۰۰۵",
  jahad: "09121000006",
  omran: "09121000007",
  bankMelli: "09121000008",
  bankKeshavarzi: "09121000009",
  bankRefah: "09121000010",
} as const;

/** Assignments per agency in the fixture's meeting: resolutions naming it, plus the two `lead: all` ones. */
export const ASSIGNMENTS_PER_AGENCY = {
  tavon: 5,
  smt: 4,
  jahad: 3,
  omran: 3,
  "bank-melli": 3,
  "bank-keshavarzi": 3,
  "bank-refah": 3,
} as const;

export interface Pardis {
  database: TestDatabase;
  e2e: E2E;
  clock: TravelClock;
  stop(): Promise<void>;
}

/** Sends without waiting, as the test moves faster than a human (no per-chat pacing in tests). */
const FAST_OUTBOX = {
  BALE_RATE_PER_SECOND: "1000",
  BALE_RATE_PER_CHAT_PER_SECOND: "1000",
  TELEGRAM_RATE_PER_SECOND: "1000",
  TELEGRAM_RATE_PER_CHAT_PER_SECOND: "1000",
};

export async function startPardis(
  target: DatabaseTarget,
  options: { platforms?: Platform[]; env?: Record<string, string>; logDestination?: DestinationStream } = {},
): Promise<Pardis> {
  const database = await target.create();
  const clock = new TravelClock(PARDIS_MORNING);
  const e2e = await startE2E({
    databaseUrl: database.url,
    clock,
    ...(options.platforms ? { platforms: options.platforms } : {}),
    env: { ...FAST_OUTBOX, ...options.env },
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
  });
  const imported = await e2e.app.services.importer.importFile(FIXTURE_PATH);
  if (!imported.ok) throw new Error(`the pardis fixture did not import: ${JSON.stringify(imported.error)}`);
  return {
    database,
    e2e,
    clock,
    async stop() {
      await e2e.stop();
      await database.drop();
    },
  };
}

export async function publishMeeting(e2e: E2E) {
  const report = await e2e.app.services.publishing.publish({ meetingNumber: MEETING, actor: { kind: "cli" } });
  await outboxSettled(e2e.app);
  return report;
}

/** The id of an agency's assignment on a resolution of the fixture's meeting. */
export async function assignmentId(e2e: E2E, resolution: number, agencyCode: string): Promise<number> {
  const row = await e2e.app.database.prisma.assignment.findFirstOrThrow({
    where: { agency: { code: agencyCode }, resolution: { number: resolution, meeting: { number: MEETING } } },
    select: { id: true },
  });
  return row.id;
}

export async function assignmentRow(e2e: E2E, id: number) {
  return e2e.app.database.prisma.assignment.findUniqueOrThrow({ where: { id } });
}

export async function personId(e2e: E2E, phone: string): Promise<number> {
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw new Error(`bad phone ${phone}`);
  return (await e2e.app.database.prisma.person.findUniqueOrThrow({ where: { phone: parsed.value } })).id;
}

/** The bot messages in a user's chat that carry buttons for assignments (the assignment messages). */
export function assignmentMessages(user: FakeUser): Message[] {
  return user.messages().filter((m) => JSON.stringify(m.reply_markup ?? {}).includes('"a:'));
}

/** The assignment message about one assignment (it has that assignment's progress button). */
export function messageAbout(user: FakeUser, id: number): Message {
  const data = assignmentButton.pack({ action: "progress", assignmentId: id });
  const found = user.messages().find((m) => JSON.stringify(m.reply_markup ?? {}).includes(`"${data}"`));
  if (!found) throw new Error(`no message about assignment ${id} in chat ${user.chatId}`);
  return found;
}

/** Waits until the chat holds exactly `count` assignment messages, then checks that no more arrive. */
export async function expectAssignmentMessages(user: FakeUser, count: number, settleMs = 150): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (assignmentMessages(user).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, settleMs));
  const found = assignmentMessages(user).length;
  if (found !== count) throw new Error(`chat ${user.chatId} (${user.info.first_name}) has ${found} assignment messages, expected ${count}`);
}

/** Presses the button whose label contains `label` on a bot message (as it is now). */
export function pressLabelled(user: FakeUser, message: Message, label: string) {
  const current = user.messages().find((m) => m.message_id === message.message_id) ?? message;
  const button = current.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes(label));
  if (!button || !("callback_data" in button) || !button.callback_data) {
    throw new Error(
      `message #${message.message_id} has no button labelled "${label}" (has ${JSON.stringify(current.reply_markup?.inline_keyboard.flat().map((b) => b.text))})`,
    );
  }
  return user.press(current, button.callback_data);
}

/** Waits for a bot message matching `match`, then presses its button labelled `label`. */
export async function answerWithButton(user: FakeUser, match: string | RegExp, label: string) {
  const message = await user.waitFor(match, { fromStart: false });
  return pressLabelled(user, message, label);
}
