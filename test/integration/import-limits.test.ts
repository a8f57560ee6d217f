/**
 * The limits of a committee file, against real databases: too big a file, too many entries, too
 * long a text, a resolution whose message would not fit — each reported like any other import
 * error (path and line), and nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { COMMITTEE_FILE_LIMITS } from "../../src/domain/committee-file/index.js";
import { createI18n } from "../../src/i18n/index.js";
import { ImportService } from "../../src/services/importer/index.js";
import { Notifier } from "../../src/services/notifications.js";
import { ManualClock } from "../../src/shared/clock.js";
import { FIXTURE, scratchFiles, variant } from "../support/committee-files.js";
import { type TestDatabase, testDatabases } from "../support/databases.js";

const FIRST_TEXT =
  "ادارات تعاون، کار و رفاه اجتماعی و صنعت، معدن و تجارت نسبت به تشکیل جلسه بررسی مشکلات سامانه رصد در شهرستان اقدام کرده و نتایج را به اداره کل تعاون، کار و رفاه اجتماعی استان اعلام کنند.";

/** The fixture's line number (1-based) of the first line containing `text`. */
function lineOf(text: string): number {
  return FIXTURE.split("\n").findIndex((line) => line.includes(text)) + 1;
}

const files = scratchFiles("peygir-limits-");
const writeYaml = (text: string) => files.writeYaml(text);

describe.each(testDatabases())("committee file limits on $name", (target) => {
  let testDb: TestDatabase;
  let database: Database;
  let importer: ImportService;

  beforeEach(async () => {
    testDb = await target.create();
    database = await openDatabase(testDb.url);
    importer = new ImportService(
      database.prisma,
      new ManualClock("2026-11-25T06:00:00Z"),
      new Notifier(createI18n(() => undefined) as never),
    );
  });
  afterEach(async () => {
    await database?.close();
    await testDb?.drop();
  });

  async function refused(text: string) {
    const outcome = await importer.importFile(writeYaml(text));
    expect(outcome.ok).toBe(false);
    const db = database.prisma;
    const written = (await db.committee.count()) + (await db.agency.count()) + (await db.person.count()) + (await db.resolution.count());
    expect(written + (await db.auditLog.count())).toBe(0);
    return outcome.ok ? [] : outcome.error;
  }

  it("refuses a 20 MB file before reading it, and writes nothing", async () => {
    const huge = variant([FIRST_TEXT, "ب".repeat(11_000_000)]);
    const errors = await refused(huge);
    expect(errors).toEqual([
      { path: "", message: "the file is 21 MB; a committee file may be at most 2 MB (split it, or remove what is not needed)" },
    ]);
  });

  it("refuses a resolution text too long for one message, at its path and line", async () => {
    const errors = await refused(variant([FIRST_TEXT, "ب".repeat(3_500)]));
    expect(errors).toEqual([
      { path: "meetings[0].resolutions[0].text", line: lineOf(FIRST_TEXT), message: "is 3,500 characters long; at most 3,000 are allowed" },
    ]);
  });

  it("counts the header: a text that fits alone but not with its agencies' names and report-to", async () => {
    const text = "ب".repeat(2_950);
    const errors = await refused(variant([FIRST_TEXT, text]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: "meetings[0].resolutions[0].text", line: lineOf(FIRST_TEXT) });
    expect(errors[0]!.message).toMatch(/^is 2,950 characters long; at most 2,\d{3} are allowed here: with the names of its agencies/);
  });

  it("refuses a name longer than a line", async () => {
    const name = "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس";
    const errors = await refused(variant([name, name.repeat(5)]));
    expect(errors).toEqual([
      { path: "agencies[0].name", line: lineOf(name), message: `is ${name.length * 5} characters long; at most 150 are allowed` },
    ]);
  });

  it("refuses too many entries in a list, at the list", async () => {
    const many = Array.from({ length: COMMITTEE_FILE_LIMITS.agencies + 1 }, (_, i) => `  - { code: extra-${i}, name: اداره ${i} }`).join(
      "\n",
    );
    const errors = await refused(variant(["agencies:\n", `agencies:\n${many}\n`]));
    // The top-level list, not the per-agency quotas (`agencies: { … }`) above it.
    const listLine = FIXTURE.split("\n").findIndex((line) => line === "agencies:") + 1;
    expect(errors).toEqual([{ path: "agencies", line: listLine, message: "lists 308; at most 300 are allowed" }]);
  });

  it("still imports the fixture, well within every limit", async () => {
    const outcome = await importer.importFile(writeYaml(FIXTURE));
    expect(outcome.ok).toBe(true);
  });
});
