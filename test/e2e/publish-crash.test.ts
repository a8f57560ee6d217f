/**
 * A publication killed with kill -9 between two of its transactions (src/services/publishing.ts
 * commits a chunk of assignments at a time), then published again with `peygir publish`: the
 * meeting is not shown as published until the last chunk is in, and in the end every assignment
 * exists once, its ladder planned once, and every contact has exactly one message queued for it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { seedCommittee } from "../../bench/seed.js";
import { openDatabase } from "../../src/db/client.js";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { spawnBot } from "../support/bot-process.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Many chunks of assignments (see CHUNK in publishing.ts), so the crash leaves some done and some not. */
const AGENCIES = 1_200;
const CONTACTS_PER_AGENCY = 2;
const MEETING = "1405-09";
const TEST_TIMEOUT_MS = 120_000;

describe.each(testDatabases())("a publication killed mid-way on $name", (target) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it(
    "is completed by publishing again, with every assignment and every message exactly once",
    async () => {
      database = await target.create();
      const opened = await openDatabase(database.url);
      const db = opened.prisma;
      try {
        // A committee of 1,200 agencies (two contacts each, bound on Telegram) and a meeting of one
        // resolution for all of them, besides the seed's published meeting and its two assignments.
        const seeded = await seedCommittee(opened, {
          agencies: AGENCIES,
          contactsPerAgency: CONTACTS_PER_AGENCY,
          assignments: 2,
          userIdBase: 8_100_000,
        });
        const meeting = await db.meeting.create({
          data: { committeeId: seeded.committeeId, number: MEETING, heldOn: instantAt({ jy: 1405, jm: 9, jd: 3 }, 9 * HOUR_MS) },
        });
        await db.resolution.create({ data: { meetingId: meeting.id, number: 1, text: "مصوبه برای همه", leadAll: true } });
        const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: database.url, LOG_LEVEL: "warn" };
        const ofMeeting = { resolution: { meetingId: meeting.id } };
        const assignmentTopic = { topic: { startsWith: "assignment:" } };

        // The first run stops after its first chunk and is killed there.
        const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test", "support", "publish-process.ts")], {
          cwd: ROOT,
          env: { ...env, MEETING },
          stdio: ["ignore", "pipe", "pipe", "ipc"],
        });
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
        const progress = await new Promise<{ done: number; of: number }>((resolve, reject) => {
          child.on("message", (m: { kind: string; done: number; of: number }) => resolve(m));
          void exited.then(() => reject(new Error(`the publication exited before its first chunk:\n${output}`)));
        });
        expect(progress.of).toBe(AGENCIES);
        expect(progress.done).toBeLessThan(AGENCIES);
        child.kill("SIGKILL");
        expect(await exited).toBe("SIGKILL");

        // Half done: the chunk's assignments and messages are in, the meeting is not published yet.
        expect(await db.assignment.count({ where: ofMeeting })).toBe(progress.done);
        expect(await db.outboxMessage.count({ where: assignmentTopic })).toBe(progress.done * CONTACTS_PER_AGENCY);
        expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).publishedAt).toBeNull();
        expect(await db.auditLog.count({ where: { entity: "Meeting", entityId: String(meeting.id) } })).toBe(0);

        // Publishing again, as the operator would, completes it.
        const again = spawnBot(env, ["publish", "--meeting", MEETING]);
        const { code } = await again.exited;
        expect(code, again.output()).toBe(0);
        expect(again.output()).toContain("published for the first time");
        expect(again.output()).toContain(`${AGENCIES - progress.done} assignment(s) created, ${progress.done} kept`);

        const assignments = await db.assignment.findMany({
          where: ofMeeting,
          select: { id: true, agencyId: true, nextEscalationAt: true },
        });
        expect(assignments).toHaveLength(AGENCIES);
        expect(new Set(assignments.map((a) => a.agencyId)).size).toBe(AGENCIES);
        expect(assignments.filter((a) => a.nextEscalationAt === null)).toEqual([]);
        expect(await db.auditLog.count({ where: { action: "assignment.created" } })).toBe(AGENCIES);
        expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).publishedAt).not.toBeNull();
        expect(
          (await db.auditLog.findMany({ where: { entity: "Meeting", entityId: String(meeting.id) }, select: { action: true } })).map(
            (a) => a.action,
          ),
        ).toEqual(["meeting.published"]);

        // Exactly one message for each contact's chat, each for its agency's assignment.
        const rows = await db.outboxMessage.findMany({ where: assignmentTopic, select: { chatId: true, topic: true } });
        expect(rows).toHaveLength(AGENCIES * CONTACTS_PER_AGENCY);
        expect(new Set(rows.map((r) => r.chatId)).size).toBe(AGENCIES * CONTACTS_PER_AGENCY);
        expect(new Set(rows.map((r) => r.topic))).toEqual(new Set(assignments.map((a) => `assignment:${a.id}`)));
      } finally {
        await opened.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
