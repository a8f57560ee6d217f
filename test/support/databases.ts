/**
 * Test databases on SQLite and PostgreSQL, created fresh for each test and dropped after.
 *
 *   describe.each(testDatabases())("on $name", (target) => { … const db = await target.create(); … await db.drop(); });
 *
 * Which databases: PEYGIR_TEST_DATABASES ("sqlite", "postgres" or "sqlite,postgres"). When it is
 * not set, PostgreSQL is used if it answers at PEYGIR_TEST_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432/test) and skipped otherwise; when it is set, an unreachable
 * server is an error, so CI cannot pass by skipping.
 *
 * Migrating takes a second, so each database is copied from a template migrated once per
 * migration set: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
 */
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateDatabase } from "../../src/db/migrate.js";

export type DatabaseName = "sqlite" | "postgres";

export interface TestDatabase {
  name: DatabaseName;
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseTarget {
  name: DatabaseName;
  create(): Promise<TestDatabase>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const POSTGRES_URL = process.env.PEYGIR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/**
 * One run's names and folder (set by test/support/global-setup.ts): its templates and databases
 * carry the run's id, so the run drops exactly its own at the end, never another run's.
 */
const RUN = process.env.PEYGIR_TEST_RUN ?? `solo${process.pid}`;
const SCRATCH = process.env.PEYGIR_TEST_SCRATCH ?? path.join(tmpdir(), `peygir-tests-${RUN}`);

/** This run's folder for files a test writes (removed at the end of the run). */
export function scratchDir(): string {
  mkdirSync(SCRATCH, { recursive: true });
  return SCRATCH;
}

/** A fingerprint of the migrations, so a template is rebuilt exactly when they change. */
function migrationsHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 12);
}

function uniqueName(): string {
  return `${RUN}_${randomBytes(4).toString("hex")}`;
}

/** Prefixes of this run's PostgreSQL databases (for the end-of-run cleanup). */
export const POSTGRES_PREFIXES = { template: `peygir_template_${RUN}_`, test: `peygir_t_${RUN}_` };

// ───── SQLite

let sqliteTemplate: Promise<string> | undefined;

async function sqliteTemplateFile(): Promise<string> {
  mkdirSync(SCRATCH, { recursive: true });
  const file = path.join(SCRATCH, `template-${migrationsHash(path.join(ROOT, "prisma", "migrations"))}.db`);
  if (existsSync(file)) return file;
  // Build beside it and rename: parallel test workers never see a half-migrated template.
  const building = `${file}.${uniqueName()}.tmp`;
  await migrateDatabase(`file:${building}`);
  for (const suffix of ["-wal", "-shm"]) rmSync(building + suffix, { force: true });
  renameSync(building, file);
  return file;
}

const sqlite: DatabaseTarget = {
  name: "sqlite",
  async create() {
    const template = await (sqliteTemplate ??= sqliteTemplateFile());
    const file = path.join(SCRATCH, `db-${uniqueName()}.db`);
    copyFileSync(template, file);
    return {
      name: "sqlite",
      url: `file:${file}`,
      async drop() {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  },
};

// ───── PostgreSQL

function urlFor(database: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let postgresTemplate: Promise<string> | undefined;

async function postgresTemplateName(): Promise<string> {
  const name = `${POSTGRES_PREFIXES.template}${migrationsHash(path.join(ROOT, "prisma", "postgres", "migrations"))}`;
  return withAdmin(async (admin) => {
    // One worker builds the template while the others wait on the same advisory lock.
    await admin.query("SELECT pg_advisory_lock(724001)");
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
        await admin.query(`CREATE DATABASE "${building}"`);
        await migrateDatabase(urlFor(building));
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      }
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(724001)");
    }
  });
}

const postgres: DatabaseTarget = {
  name: "postgres",
  async create() {
    const template = await (postgresTemplate ??= postgresTemplateName());
    const name = `peygir_t_${uniqueName()}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    return {
      name: "postgres",
      url: urlFor(name),
      async drop() {
        await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  },
};

// ───── Which ones

async function postgresAnswers(): Promise<boolean> {
  try {
    await withAdmin((admin) => admin.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function chooseTargets(): Promise<DatabaseTarget[]> {
  const requested = process.env.PEYGIR_TEST_DATABASES?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (requested?.length) {
    for (const name of requested)
      if (name !== "sqlite" && name !== "postgres")
        throw new Error(`PEYGIR_TEST_DATABASES: unknown database "${name}" (expected sqlite and/or postgres)`);
    if (requested.includes("postgres") && !(await postgresAnswers())) {
      throw new Error(`PEYGIR_TEST_DATABASES asks for postgres, but nothing answers at ${POSTGRES_URL.replace(/\/\/[^@]*@/, "//")}`);
    }
    return [sqlite, postgres].filter((t) => requested.includes(t.name));
  }
  if (await postgresAnswers()) return [sqlite, postgres];
  console.warn("PostgreSQL does not answer: running the database tests on SQLite only");
  return [sqlite];
}

const targets = await chooseTargets();

/** One database by name, whatever PEYGIR_TEST_DATABASES says (the benchmarks choose with --database). */
export function databaseTarget(name: DatabaseName): DatabaseTarget {
  return name === "sqlite" ? sqlite : postgres;
}

export function testDatabases(): DatabaseTarget[] {
  return targets;
}

/** Drops every PostgreSQL database this run created (templates included) and removes its folder. */
export async function cleanUpRun(): Promise<{ dropped: number }> {
  rmSync(SCRATCH, { recursive: true, force: true });
  if (!(await postgresAnswers())) return { dropped: 0 };
  return withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2", [
      `${POSTGRES_PREFIXES.template}%`,
      `${POSTGRES_PREFIXES.test}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return { dropped: rows.length };
  });
}
