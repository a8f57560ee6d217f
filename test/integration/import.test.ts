/**
 * `peygir import` against real databases (SQLite and PostgreSQL): what the Pardis file writes,
 * that importing it again writes nothing, that a bad file or a failure writes nothing, and that a
 * change in the file changes exactly that row.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../src/cli/index.js";
import { formatImportSummary } from "../../src/cli/commands/import.js";
import { type Database, type Db, openDatabase } from "../../src/db/client.js";
import { parseCommitteeFile } from "../../src/domain/committee-file/index.js";
import { IMPORTED_ENTITIES, ImportService, type ImportSummary } from "../../src/services/importer/index.js";
import { ManualClock } from "../../src/shared/clock.js";
import { FIXTURE, scratchFiles, variant } from "../support/committee-files.js";
import { type TestDatabase, testDatabases } from "../support/databases.js";
import { createI18n } from "../../src/i18n/index.js";
import { Notifier } from "../../src/services/notifications.js";

const files = scratchFiles();
const writeYaml = (text: string) => files.writeYaml(text);

/** Every row of every table an import writes, plus the audit log, in a stable order. */
async function snapshot(db: Db) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    committees: await db.committee.findMany(byId),
    agencies: await db.agency.findMany(byId),
    committeeAgencies: await db.committeeAgency.findMany({ orderBy: [{ committeeId: "asc" }, { agencyId: "asc" }] }),
    people: await db.person.findMany(byId),
    memberships: await db.membership.findMany(byId),
    meetings: await db.meeting.findMany(byId),
    resolutions: await db.resolution.findMany(byId),
    parties: await db.resolutionParty.findMany({ orderBy: [{ resolutionId: "asc" }, { agencyId: "asc" }] }),
    audit: await db.auditLog.findMany(byId),
  };
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await snapshot(db)).map(([table, rows]) => [table, rows.length]));
}

/** Counts of the summary for one kind of change, per entity. */
function column(summary: ImportSummary, which: "created" | "updated" | "unchanged" | "removed"): Record<string, number> {
  return Object.fromEntries(IMPORTED_ENTITIES.map((entity) => [entity, summary.counts[entity][which]]));
}

const NONE = Object.fromEntries(IMPORTED_ENTITIES.map((entity) => [entity, 0]));
const PARDIS_ROWS = {
  committee: 1,
  agency: 7,
  committeeAgency: 7,
  person: 10,
  // حسین نوری is both head and liaison of smt.
  membership: 11,
  meeting: 1,
  resolution: 6,
  // 1: tavon + smt · 2: omran · 3, 4: lead all, none · 5: smt + tavon + jahad · 6: bank-melli + 3 co.
  resolutionParty: 10,
};

/** Lets the wall clock move, so a row written again would show a different updatedAt. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(testDatabases())("peygir import on $name", (target) => {
  let testDb: TestDatabase;
  let database: Database;
  let db: Db;
  let importer: ImportService;

  beforeEach(async () => {
    testDb = await target.create();
    database = await openDatabase(testDb.url);
    db = database.prisma;
    importer = new ImportService(db, new ManualClock("2026-11-25T06:00:00Z"), new Notifier(createI18n(() => undefined) as never));
  });
  afterEach(async () => {
    await database?.close();
    await testDb?.drop();
  });

  async function importText(text: string): Promise<ImportSummary> {
    const outcome = await importer.importFile(writeYaml(text));
    if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value;
  }

  it("imports the Pardis working group", async () => {
    const summary = await importText(FIXTURE);
    expect(column(summary, "created")).toEqual(PARDIS_ROWS);
    expect(column(summary, "updated")).toEqual(NONE);
    expect(summary.changed).toBe(true);

    const rows = await snapshot(db);
    expect(await rowCounts(db)).toMatchObject({
      committees: 1,
      agencies: 7,
      committeeAgencies: 7,
      people: 10,
      memberships: 11,
      meetings: 1,
      resolutions: 6,
      parties: 10,
    });
    // One audit row per created row, by the CLI, at the service's clock.
    expect(rows.audit).toHaveLength(Object.values(PARDIS_ROWS).reduce((a, b) => a + b, 0));
    expect(rows.audit.every((a) => a.actorKind === "cli" && a.action === "import.created")).toBe(true);
    expect(rows.audit[0]?.at.toISOString()).toBe("2026-11-25T06:00:00.000Z");

    const committee = rows.committees[0]!;
    expect(committee.calendar).toEqual({
      thursday: "off",
      officeHours: { start: "08:00", end: "14:00" },
      extraHolidays: ["1405/09/24"],
      removedHolidays: [],
    });
    expect(committee.weeklyReportTemplate).toMatchObject({ opens: "saturday 08:00", due: "tuesday 14:00" });

    const nouri = await db.person.findUniqueOrThrow({
      where: { phone: "+989121000005" },
      include: { memberships: { include: { agency: true } } },
    });
    expect(nouri.name).toBe("حسین نوری");
    expect(nouri.memberships.map((m) => [m.role, m.agency?.code, m.scopeKey])).toEqual([
      ["head", "smt", `agency:${nouri.memberships[0]!.agencyId}`],
      ["liaison", "smt", `agency:${nouri.memberships[0]!.agencyId}`],
    ]);
    const secretary = await db.membership.findFirstOrThrow({ where: { role: "secretariat" } });
    expect(secretary).toMatchObject({
      committeeId: committee.id,
      agencyId: null,
      scopeKey: `committee:${committee.id}`,
      title: "دبیر کارگروه",
    });

    // Meeting day at Tehran midnight; deadlines at the end of their Tehran day.
    expect(rows.meetings[0]?.heldOn.toISOString()).toBe("2026-11-21T20:30:00.000Z");
    const [first, second, third] = rows.resolutions;
    expect(second).toMatchObject({ number: 2, kind: "one_off", leadAll: false });
    expect(second?.deadline?.toISOString()).toBe("2026-12-06T20:29:59.999Z");
    expect(third).toMatchObject({ number: 3, kind: "standing", leadAll: true, deadline: null });
    expect(rows.parties.filter((p) => p.resolutionId === third?.id)).toEqual([]);
    const smt = rows.agencies.find((a) => a.code === "smt")!;
    expect(
      rows.parties
        .filter((p) => p.resolutionId === first?.id)
        .map((p) => [p.agencyId === smt.id ? "smt" : "other", p.role])
        .sort(),
    ).toEqual([
      ["other", "lead"],
      ["smt", "co"],
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importText(FIXTURE);
    const before = await snapshot(db);
    await tick();
    const again = await importText(FIXTURE);
    expect(await snapshot(db)).toEqual(before);
    expect(again.changed).toBe(false);
    expect(column(again, "unchanged")).toEqual(PARDIS_ROWS);
    expect(column(again, "created")).toEqual(NONE);
    expect(column(again, "updated")).toEqual(NONE);
    expect(column(again, "removed")).toEqual(NONE);
    expect(formatImportSummary("pardis.yaml", again).join("\n")).toMatch(/^nothing changed/);
  });

  it("writes nothing for a bad file and lists every problem", async () => {
    const outcome = await importer.importFile(writeYaml(variant(["lead: omran", "lead: omrn"], ['phone: "09121000004"', 'phone: "0912"'])));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.map((e) => e.path)).toEqual(["people[3].phone", "meetings[0].resolutions[1].lead"]);
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
  });

  it("answers a missing or non-UTF-8 file with a clear message", async () => {
    const missing = await importer.importFile(path.join(files.dir, "nope.yaml"));
    expect(missing).toEqual({ ok: false, error: [{ path: "", message: expect.stringMatching(/^file not found: .*nope\.yaml$/) }] });
    const latin1 = path.join(files.dir, "windows-1256.yaml");
    writeFileSync(latin1, Buffer.from([0x63, 0x3a, 0x20, 0xe1, 0xf3, 0x0a]));
    const garbled = await importer.importFile(latin1);
    expect(garbled.ok === false && garbled.error[0]?.message).toMatch(/is not UTF-8 text/);
  });

  it("rolls everything back when writing fails half-way", async () => {
    const parsed = parseCommitteeFile(FIXTURE);
    if (!parsed.ok) throw new Error("fixture must parse");
    const [meeting] = parsed.value.meetings;
    // A document that skipped validation: its last resolution names an agency it does not declare.
    const broken = {
      ...parsed.value,
      meetings: [
        {
          ...meeting!,
          resolutions: [
            ...meeting!.resolutions,
            { ...meeting!.resolutions[0]!, number: 7, lead: { kind: "agency" as const, code: "ghost" } },
          ],
        },
      ],
    };
    await expect(importer.importDocument(broken)).rejects.toThrow(/agency "ghost"/);
    expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
  });

  it("updates exactly the resolution whose deadline changed", async () => {
    await importText(FIXTURE);
    const before = await snapshot(db);
    await tick();
    const summary = await importText(variant(["deadline: 1405/09/15", "deadline: 1405/09/16"]));
    expect(column(summary, "updated")).toEqual({ ...NONE, resolution: 1 });
    expect(column(summary, "created")).toEqual(NONE);

    const after = await snapshot(db);
    const changedId = before.resolutions.find((r) => r.number === 2)!.id;
    const { resolutions: resolutionsBefore, audit: auditBefore, ...restBefore } = before;
    const { resolutions: resolutionsAfter, audit: auditAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    expect(resolutionsAfter.filter((r) => r.id !== changedId)).toEqual(resolutionsBefore.filter((r) => r.id !== changedId));
    const was = resolutionsBefore.find((r) => r.id === changedId)!;
    const now = resolutionsAfter.find((r) => r.id === changedId)!;
    expect(now.deadline?.toISOString()).toBe("2026-12-07T20:29:59.999Z");
    expect(now.updatedAt.getTime()).toBeGreaterThan(was.updatedAt.getTime());
    expect({ ...now, deadline: was.deadline, updatedAt: was.updatedAt }).toEqual(was);

    const newAudit = auditAfter.slice(auditBefore.length);
    expect(newAudit).toHaveLength(1);
    expect(newAudit[0]).toMatchObject({
      action: "import.updated",
      entity: "Resolution",
      entityId: String(changedId),
      data: { changes: { deadline: { from: "2026-12-06T20:29:59.999Z", to: "2026-12-07T20:29:59.999Z" } } },
    });
  });

  it("removes a co-agency the file no longer names, and nothing else", async () => {
    await importText(FIXTURE);
    const summary = await importText(variant(["co: [bank-keshavarzi, bank-refah, tavon]", "co: [bank-keshavarzi, bank-refah]"]));
    expect(column(summary, "removed")).toEqual({ ...NONE, resolutionParty: 1 });
    expect(column(summary, "updated")).toEqual(NONE);
    expect(await db.resolutionParty.count()).toBe(9);
  });

  it("knows a person without a phone by name, and keeps that person when a phone is added", async () => {
    const withoutPhone = variant(['    phone: "09121000010"\n', ""]);
    await importText(withoutPhone);
    const kazemi = await db.person.findFirstOrThrow({ where: { name: "امیر کاظمی" } });
    expect(kazemi.phone).toBeNull();
    expect((await importText(withoutPhone)).changed).toBe(false);

    const withPhone = await importText(FIXTURE);
    expect(column(withPhone, "updated")).toEqual({ ...NONE, person: 1 });
    expect(await db.person.findUniqueOrThrow({ where: { id: kazemi.id } })).toMatchObject({ phone: "+989121000010" });
    expect(await db.person.count()).toBe(10);
  });

  // The command adds printing and an exit code to the service tested above, on every database.
  describe("from the command line", () => {
    let previousUrl: string | undefined;
    beforeEach(() => {
      previousUrl = process.env.DATABASE_URL;
      process.env.DATABASE_URL = testDb.url;
    });
    afterEach(() => {
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      process.exitCode = undefined;
      vi.restoreAllMocks();
    });

    async function run(...args: string[]): Promise<{ stdout: string; stderr: string }> {
      let stdout = "";
      let stderr = "";
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
      vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
      try {
        await buildProgram().parseAsync(["node", "peygir", ...args]);
      } finally {
        vi.restoreAllMocks();
      }
      return { stdout, stderr };
    }

    it("prints the summary, then 'nothing changed'; a bad file exits 1 listing its problems", async () => {
      const file = writeYaml(FIXTURE);
      const first = await run("import", file);
      expect(first.stdout).toMatch(/^imported .*\(committee pardis-employment\):/);
      expect(first.stdout).toMatch(/resolution parties +10 +0 +0 +0/);
      expect((await run("import", file)).stdout).toMatch(/^nothing changed: the database already matches/);
      expect(process.exitCode).toBeUndefined();

      const bad = await run("import", writeYaml(variant(['phone: "09121000004"', 'phone: "0912"'])));
      expect(process.exitCode).toBe(1);
      expect(bad.stderr).toMatch(/1 problem; nothing was imported/);
      expect(bad.stderr).toContain('people[3].phone: "0912" is not an Iranian mobile number (expected 09XXXXXXXXX or +989XXXXXXXXX)');
    });
  });
});
