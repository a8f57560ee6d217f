/**
 * `npm run db:migration -- NAME`: writes a new migration for BOTH databases from the change to
 * prisma/schema.prisma since the last commit. It diffs schema files (no database, no shadow
 * database), which is what works offline with the "js" schema engine. The PostgreSQL adapter
 * still connects while diffing: set MIGRATION_DIFF_POSTGRES_URL if yours is not local.
 * MIGRATION_BASE=REV diffs from that revision's schema instead of HEAD's (e.g. after merging a branch
 * whose schema changed too: `MIGRATION_BASE=main npm run db:migration -- name`).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- name_in_snake_case");
  process.exit(2);
}
execFileSync("npx", ["tsx", "prisma/sync-schemas.ts"], { cwd: root, stdio: "inherit" });

const scratch = mkdtempSync(path.join(tmpdir(), "peygir-migration-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const targets = [
  // The SQLite adapter opens its file even to diff schemas: a scratch one, so no ./data folder is needed.
  { schema: "prisma/schema.prisma", migrations: "prisma/migrations", url: `file:${path.join(scratch, "unused.db")}` },
  {
    schema: "prisma/postgres/schema.prisma",
    migrations: "prisma/postgres/migrations",
    url: process.env.MIGRATION_DIFF_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const t of targets) {
  let from = ["--from-empty"];
  try {
    const previous = execFileSync("git", ["show", `${process.env.MIGRATION_BASE ?? "HEAD"}:${t.schema}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const file = path.join(scratch, path.basename(path.dirname(t.schema)) + ".prisma");
    writeFileSync(file, previous);
    from = ["--from-schema-datamodel", file];
  } catch {
    // No committed schema yet: the first migration starts from an empty database.
  }
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", t.schema, "--script"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: t.url, CHECKPOINT_DISABLE: "1" },
  })
    .split("\n")
    .filter(
      (line) =>
        !line.startsWith("Loaded Prisma config") && !line.includes('CREATE SCHEMA IF NOT EXISTS "public"') && line !== "-- CreateSchema",
    )
    .join("\n")
    .trim();
  if (!sql || /^-- This is an empty migration/.test(sql)) {
    console.log(`${t.migrations}: no schema change`);
    continue;
  }
  const dir = path.join(root, t.migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}
