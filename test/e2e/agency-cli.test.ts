/**
 * The operator's commands for the agency side, through the real command line program (in this
 * process, to keep the suite fast): `publish` creates the assignments once and says so, `cycle
 * open` opens the week's report cycle. No bot token is set: messages wait in the outbox. The
 * services behind them are tested on both databases by the other agency tests; this is the wiring.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { ImportService } from "../../src/services/importer/index.js";
import { systemClock } from "../../src/shared/clock.js";
import { cliEnvironment, peygir } from "../support/cli.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { FIXTURE_PATH } from "../support/e2e.js";
import { createI18n } from "../../src/i18n/index.js";
import { Notifier } from "../../src/services/notifications.js";

describe("agency CLI commands", () => {
  let database: TestDatabase;
  let restoreEnvironment = () => undefined as void;

  beforeAll(async () => {
    database = await testDatabases()[0]!.create();
    restoreEnvironment = cliEnvironment(database.url);
    const { prisma, close } = await openDatabase(database.url);
    const imported = await new ImportService(prisma, systemClock, new Notifier(createI18n(() => undefined) as never)).importFile(
      FIXTURE_PATH,
    );
    await close();
    expect(imported.ok).toBe(true);
  });
  afterAll(async () => {
    restoreEnvironment();
    await database?.drop();
  });

  it("publishes a meeting once, and a second time only reports what exists", async () => {
    const first = await peygir("publish", "--meeting", "1405-08");
    expect(first).toContain("published for the first time");
    expect(first).toMatch(
      /resolution 6 → بانک ملی ایران، شعبه مرکزی پردیس \(lead\) \[new\]: 0 message\(s\) queued; not yet in the bot: سعید قاسمی/,
    );
    expect(first).toContain("24 assignment(s) created, 0 kept; 0 message(s) queued");
    const second = await peygir("publish", "--meeting", "1405-08", "--committee", "pardis-employment");
    expect(second).toContain("published before");
    expect(second).toContain("0 assignment(s) created, 24 kept; 0 message(s) queued");
    await expect(peygir("publish", "--meeting", "9999")).rejects.toThrow('no meeting numbered "9999"');
  });

  it("opens this (or, after its due time, next) week's report cycle, idempotently, and says which", async () => {
    expect(await peygir("cycle", "open", "--committee", "pardis-employment")).toMatch(
      /week \d{4}-W\d{2}: opened\n {2}(this week's cycle: its report is not due yet|next week's cycle: this week's report was due .+, which has passed .+)\n {2}opens .+, due .+/,
    );
    expect(await peygir("cycle", "open", "--committee", "pardis-employment")).toMatch(/already open/);
    await expect(peygir("cycle", "open", "--committee", "nope")).rejects.toThrow('no committee with code "nope"');
  });
});
