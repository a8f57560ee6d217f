/**
 * Applies the committed migrations with `prisma migrate deploy` (the offline "js" schema engine,
 * see prisma.config.ts). Runs on every start and from `peygir migrate`; it is idempotent.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { PACKAGE_ROOT } from "../shared/paths.js";
import { providerOf, sqlitePathOf } from "./client.js";
import { mkdirSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function migrateDatabase(url: string): Promise<string> {
  if (providerOf(url) === "sqlite") mkdirSync(path.dirname(path.resolve(sqlitePathOf(url))), { recursive: true });
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
      else reject(new MigrationError(`prisma migrate deploy failed (exit ${code}):\n${output.replace(/postgres(ql)?:\/\/[^\s]+/g, "postgres://<redacted>")}`));
    });
  });
}

const DONE = /No pending migrations to apply\.|All migrations have been successfully applied\./;
