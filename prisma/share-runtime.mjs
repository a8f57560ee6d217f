/**
 * Makes the generated PostgreSQL client load the SQLite client's runtime (run after
 * `prisma generate`). The two runtimes are the same file, but as two module instances each
 * has its own `Prisma.DbNull`/`JsonNull` markers and error classes, and a client silently
 * mis-handles the other's (the PostgreSQL client stores a foreign DbNull as `{}`). With one
 * runtime, the code can use one `Prisma` namespace for both databases.
 */
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("./generated/postgres/index.js", import.meta.url);
const runtime = new URL("./generated/sqlite/runtime/client.js", import.meta.url);
const postgresRuntime = new URL("./generated/postgres/runtime/client.js", import.meta.url);
if (readFileSync(runtime, "utf8") !== readFileSync(postgresRuntime, "utf8")) {
  throw new Error("the generated SQLite and PostgreSQL runtimes differ: regenerate both with the same Prisma version");
}
const source = readFileSync(file, "utf8");
const shared = source.replaceAll("require('./runtime/client.js')", "require('../sqlite/runtime/client.js')");
if (!shared.includes("require('../sqlite/runtime/client.js')"))
  throw new Error("prisma/generated/postgres/index.js: runtime require not found");
writeFileSync(file, shared);
