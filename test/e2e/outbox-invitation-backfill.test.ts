/**
 * The migration that gave a notice's invitations their recipient column fills it for the rows
 * queued before it, from their dedupe key ("notice:N:invite:R:identity:I", parts after it), on
 * both databases: the tally reads deliveries by that column, so an old row left unset would read
 * as "no chat".
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The backfill statement of the migration, as committed for this database. */
function backfillOf(name: "sqlite" | "postgres"): string {
  const dir = path.join(ROOT, "prisma", ...(name === "postgres" ? ["postgres"] : []), "migrations");
  const migration = readdirSync(dir).find((d) => d.endsWith("_outbox_notice_recipient"))!;
  const sql = readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf("-- Backfill"))
    .replace(/^--.*$/gm, "")
    .trim()
    .replace(/;$/, "");
}

describe.each(testDatabases())("invitation backfill on $name", (target) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it("names the recipient on old invitation rows and their parts, and on nothing else", async () => {
    database = await target.create();
    const { prisma, close } = await openDatabase(database.url);
    try {
      const committee = await prisma.committee.create({ data: { code: "c", name: "C", calendar: {} } });
      const person = await prisma.person.create({ data: { name: "P" } });
      const notice = await prisma.notice.create({ data: { committeeId: committee.id, title: "T", text: "x" } });
      const recipient = await prisma.noticeRecipient.create({
        data: { noticeId: notice.id, personId: person.id, role: "head", scopeKey: "a" },
      });
      const row = (dedupeKey: string) =>
        prisma.outboxMessage.create({ data: { platform: "bale", chatId: "1", payload: {}, topic: `notice:${notice.id}`, dedupeKey } });
      const invite = await row(`notice:${notice.id}:invite:${recipient.id}:identity:3`);
      const part = await row(`notice:${notice.id}:invite:${recipient.id}:identity:3:part:2`);
      const letter = await row(`notice:${notice.id}:letter:identity:3`);
      const gone = await row(`notice:${notice.id}:invite:${recipient.id + 1000}:identity:3`);

      await prisma.$executeRawUnsafe(backfillOf(target.name));

      const byId = new Map((await prisma.outboxMessage.findMany()).map((r) => [r.id, r.noticeRecipientId]));
      expect(byId.get(invite.id)).toBe(recipient.id);
      expect(byId.get(part.id)).toBe(recipient.id);
      expect(byId.get(letter.id)).toBeNull();
      // A key naming a recipient that no longer exists stays unset (the column is a foreign key).
      expect(byId.get(gone.id)).toBeNull();
    } finally {
      await close();
    }
  });
});
