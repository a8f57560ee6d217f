/**
 * Driving the secretariat console as the secretary: recording a meeting from minutes through
 * /meeting, step by step, with the buttons and answers a secretary would give.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Message } from "grammy/types";
import { deadlineInstant, jalaliToInstant, type JalaliDate } from "../../src/domain/calendar/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { pressLabelled } from "./agency.js";
import type { E2E } from "./e2e.js";
import { outboxSettled } from "./outbox.js";

export const MINUTES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "minutes");
export const minutesFixture = (name: string): string => readFileSync(path.join(MINUTES_DIR, `${name}.txt`), "utf8");

/** Waits for the next bot message matching `match` (after the user's last action). */
export const next = (user: FakeUser, match: string | RegExp): Promise<Message> => user.waitFor(match, { fromStart: false });

/** Presses `label` on the newest bot message matching `match`. */
export async function pressOn(user: FakeUser, match: string | RegExp, label: string) {
  const message = await next(user, match);
  return pressLabelled(user, message, label);
}

/** /meeting up to the minutes: title and day, confirmed. */
export async function startMeeting(user: FakeUser, title: string, day: string): Promise<void> {
  user.command("/meeting");
  await next(user, "عنوان جلسه را بنویسید");
  user.send(title);
  await next(user, "تاریخ برگزاری جلسه");
  user.send(day);
  await pressOn(user, "تاریخ جلسه:", "درست است");
  await next(user, "متن صورت‌جلسه را بفرستید");
}

/** One resolution's agencies, deadline and report-to, as answers: a label to press or a text to type. */
export interface Assignment {
  /** Confirm the proposed agencies as they are (true), or press these agency labels first. */
  agencies: true | string[];
  /** A label of the deadline screen to press ({ press }), or a text to type. */
  deadline: { press: string } | string;
  reportTo?: string;
}

export async function assignResolution(user: FakeUser, n: number, a: Assignment): Promise<void> {
  const screen = await next(user, `دستگاه‌های مصوبه ${toFa(n)} از`);
  if (a.agencies !== true) for (const label of a.agencies) await pressLabelled(user, screen, label);
  await pressLabelled(user, screen, "تأیید دستگاه‌ها");
  if (typeof a.deadline === "string") {
    await next(user, `مهلت مصوبه ${toFa(n)} را بنویسید`);
    user.send(a.deadline);
  } else await pressOn(user, `مهلت مصوبه ${toFa(n)} را بنویسید`, a.deadline.press);
  const report = await next(user, `گزارش مصوبه ${toFa(n)} به چه کسی`);
  if (a.reportTo) user.send(a.reportTo);
  else await pressLabelled(user, report, "دبیرخانه کارگروه");
}

export const toFa = (n: number | string): string => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);

/**
 * A further meeting of the fixture's committee with `count` resolutions, each led by the agency
 * `agencyCode` alone, deadlines a day apart from `firstDeadline`, published (for long /items lists).
 */
export async function publishLongMeeting(
  e2e: E2E,
  options: { number: string; heldOn: JalaliDate; count: number; agencyCode: string; firstDeadline: JalaliDate },
): Promise<void> {
  const db = e2e.app.database.prisma;
  const committee = await db.committee.findFirstOrThrow({ select: { id: true } });
  const agency = await db.agency.findFirstOrThrow({ where: { code: options.agencyCode }, select: { id: true } });
  const first = deadlineInstant(options.firstDeadline).getTime();
  await db.meeting.create({
    data: {
      committeeId: committee.id,
      number: options.number,
      heldOn: jalaliToInstant(options.heldOn),
      title: `جلسه ${options.number}`,
      resolutions: {
        create: Array.from({ length: options.count }, (_, i) => ({
          number: i + 1,
          text: `اقدام شماره ${i + 1} برای پیگیری در جلسه بعد.`,
          deadline: new Date(first + i * 86_400_000),
          parties: { create: [{ agencyId: agency.id, role: "lead" }] },
        })),
      },
    },
  });
  await e2e.app.services.publishing.publish({ meetingNumber: options.number, actor: { kind: "cli" } });
  await outboxSettled(e2e.app);
}

/** The numbered item lines of an /items page («۱۶) مصوبه ۲ جلسه …»). */
export const itemLines = (list: Message): string[] => (list.text ?? "").split("\n").filter((l) => /^[۰-۹]+\) /.test(l));

/**
 * /items, then the numbered button of the line naming `title` («مصوبه ۳ جلسه ۱۴۰۵-۰۸ — اداره تعاون…»):
 * the item's screen, with the buttons the user's role allows.
 */
export async function openItem(user: FakeUser, title: string): Promise<Message> {
  user.command("/items");
  const list = await next(user, "موارد (همه موارد باز)");
  const position = itemLines(list).findIndex((l) => l.includes(title));
  if (position < 0) throw new Error(`no line for "${title}" in the /items list`);
  await pressLabelled(user, list, toFa(position + 1));
  return next(user, title);
}
