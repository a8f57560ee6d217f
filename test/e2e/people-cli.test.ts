/**
 * `peygir people` and `peygir unbind` through the real command line program, on each database:
 * everyone with roles and bound accounts (optionally one committee's), and removing one account,
 * audited, after which a new invite binds a new account of that person on that platform.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createI18n } from "../../src/i18n/index.js";
import { ImportService } from "../../src/services/importer/index.js";
import { JoiningService } from "../../src/services/joining.js";
import { Notifier } from "../../src/services/notifications.js";
import { systemClock } from "../../src/shared/clock.js";
import { cliEnvironment, peygir } from "../support/cli.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { FIXTURE_PATH } from "../support/e2e.js";
import { InviteService } from "../../src/services/invites.js";

describe.each(testDatabases())("people CLI on $name", (target) => {
  let database: TestDatabase;
  let scratch: string;
  let restoreEnvironment = () => undefined as void;

  beforeAll(async () => {
    database = await target.create();
    restoreEnvironment = cliEnvironment(database.url);
    scratch = mkdtempSync(path.join(tmpdir(), "peygir-people-"));
    // The fixture with the contact check turned off, so the service binds at once here.
    const file = path.join(scratch, "pardis.yaml");
    writeFileSync(file, readFileSync(FIXTURE_PATH, "utf8").replace("  county: پردیس\n", "  county: پردیس\n  verifyContact: false\n"));
    const { prisma, close } = await openDatabase(database.url);
    try {
      const notifier = new Notifier(createI18n(() => undefined) as never);
      expect((await new ImportService(prisma, systemClock, notifier).importFile(file)).ok).toBe(true);
      expect((await prisma.committee.findUniqueOrThrow({ where: { code: "pardis-employment" } })).verifyContact).toBe(false);
      const joining = new JoiningService(prisma, systemClock, notifier);
      const invites = new InviteService(prisma, systemClock, 14);
      for (const [platform, userId] of [
        ["bale", "4001"],
        ["telegram", "4002"],
      ] as const) {
        const [invite] = await invites.issue({ personPhone: "09121000004" });
        const step = await joining.start({ platform, userId, chatId: userId, username: "zahra" }, invite!.code);
        expect(step.kind).toBe("bound");
      }
    } finally {
      await close();
    }
  });
  afterAll(async () => {
    restoreEnvironment();
    rmSync(scratch, { recursive: true, force: true });
    await database?.drop();
  });

  it("lists everyone with roles and bound accounts", async () => {
    const out = await peygir("people");
    expect(out).toContain("زهرا موسوی (+989121000004)");
    expect(out).toContain("  role: liaison, اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس");
    expect(out).toContain("  account: bale user 4001 @zahra");
    expect(out).toContain("  account: telegram user 4002 @zahra");
    expect(out).toContain("مریم احمدی (+989121000002)");
    expect(out).toMatch(/مریم احمدی \(\+989121000002\)\n {2}role: secretariat, .*\(دبیر کارگروه\)\n {2}account: none bound yet/);
    expect(out.match(/^\S.*\(\+98\d{10}\)$/gm)).toHaveLength(10);
  });

  it("filters by committee, and names an unknown one", async () => {
    expect(await peygir("people", "--committee", "pardis-employment")).toContain("زهرا موسوی");
    await expect(peygir("people", "--committee", "nope")).rejects.toThrow('no committee with code "nope"');
  });

  it("unbinds one platform's account, audited; the other stays", async () => {
    const out = await peygir("unbind", "--person", "۰۹۱۲۱۰۰۰۰۰۴", "--platform", "bale");
    expect(out).toContain("زهرا موسوی: removed the bale account");
    const { prisma, close } = await openDatabase(database.url);
    try {
      const left = await prisma.chatIdentity.findMany({ where: { person: { phone: "+989121000004" } } });
      expect(left.map((i) => i.platform)).toEqual(["telegram"]);
      const audited = await prisma.auditLog.findMany({ where: { action: "identity.unbound" } });
      expect(audited).toHaveLength(1);
      expect(audited[0]!.actorKind).toBe("cli");
    } finally {
      await close();
    }
    await expect(peygir("unbind", "--person", "09121000004", "--platform", "bale")).rejects.toThrow("has no bound account on bale");
    await expect(peygir("unbind", "--person", "09121000004", "--platform", "sms")).rejects.toThrow("--platform must be bale or telegram");
    await expect(peygir("unbind", "--person", "12345")).rejects.toThrow("not a valid Iranian mobile number");
  });
});
