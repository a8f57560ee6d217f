/**
 * Applies the committed migrations with `prisma migrate deploy` (the offline "js" schema engine,
 * see prisma.config.ts). Runs on every start and before every CLI command; it is idempotent.
 *
 * When every committed migration is already recorded in the database, the Prisma CLI is not
 * started at all: that saves a second per command and, on SQLite, keeps a CLI command beside a
 * running bot from contending for the lock that the schema engine takes.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PACKAGE_ROOT } from "../shared/paths.js";
import { openDatabase, providerOf, sqlitePathOf } from "./client.js";

const require = createRequire(import.meta.url);

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Names of the committed migrations for this database's provider. */
function committedMigrations(url: string): string[] {
  const dir = path.join(PACKAGE_ROOT, "prisma", ...(providerOf(url) === "postgres" ? ["postgres"] : []), "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** The committed migrations the database has not applied yet (all of them for a new database). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const committed = committedMigrations(url);
  if (providerOf(url) === "sqlite" && !existsSync(path.resolve(sqlitePathOf(url)))) return committed;
  const database = await openDatabase(url);
  try {
    const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return committed.filter((name) => !applied.has(name));
  } catch {
    return committed; // no migrations table yet
  } finally {
    await database.close();
  }
}

export async function migrateDatabase(url: string): Promise<string> {
  if (providerOf(url) === "sqlite") mkdirSync(path.dirname(path.resolve(sqlitePathOf(url))), { recursive: true });
  if ((await pendingMigrations(url)).length === 0) return "No pending migrations to apply.";
  const cli = require.resolve("prisma/build/index.js");
  // Relative SQLite paths are resolved from the caller's directory, not the package's.
  const absoluteUrl = providerOf(url) === "sqlite" ? `file:${path.resolve(sqlitePathOf(url))}` : url;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, DATABASE_URL: absoluteUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let finished = false;
    const collect = (d: Buffer) => {
      output += d.toString();
      // On PostgreSQL the wasm schema engine leaves a 10 s lock timer running after it has
      // finished, which keeps the CLI alive for nothing; once it reports success, we end it.
      if (!finished && DONE.test(output)) {
        finished = true;
        setTimeout(() => child.kill("SIGTERM"), 100).unref();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 || finished) resolve(output);
      else {
        const busy = /SocketTimeout|database is locked|SQLITE_BUSY/.test(output)
          ? "The database is busy: stop the running bot before applying new migrations, then start it again (start migrates by itself).\n"
          : "";
        reject(
          new MigrationError(
            `${busy}prisma migrate deploy failed (exit ${code}):\n${output.replace(/postgres(ql)?:\/\/[^\s]+/g, "postgres://<redacted>")}`,
          ),
        );
      }
    });
  });
}

const DONE = /No pending migrations to apply\.|All migrations have been successfully applied\./;
