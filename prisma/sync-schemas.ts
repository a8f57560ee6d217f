/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
 * A Prisma schema names one provider, and a generated client only runs on its own provider,
 * so PostgreSQL needs its own copy; only the generator output and datasource differ.
 * `--check` exits non-zero when the copy is stale (used by the tests).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const source = readFileSync(here("./schema.prisma"), "utf8");

export function postgresSchemaFrom(sqlite: string): string {
  const swapped = sqlite
    .replace('output     = "./generated/sqlite"', 'output     = "../generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (swapped === sqlite) throw new Error("prisma/schema.prisma no longer has the expected generator/datasource blocks");
  return "// GENERATED from ../schema.prisma by prisma/sync-schemas.ts — do not edit.\n" + swapped;
}

const target = here("./postgres/schema.prisma");
const wanted = postgresSchemaFrom(source);
if (process.argv.includes("--check")) {
  const current = readFileSync(target, "utf8");
  if (current !== wanted) {
    console.error("prisma/postgres/schema.prisma is stale: run `npm run db:schemas`");
    process.exit(1);
  }
} else {
  writeFileSync(target, wanted);
}
