/**
 * Prisma CLI configuration. Peygir runs Prisma fully offline: the "js" schema engine drives
 * migrations through a driver adapter, so no native engine binary is ever downloaded.
 * The provider follows DATABASE_URL: a postgres:// URL selects the PostgreSQL schema and
 * migrations, anything else the SQLite ones.
 *
 * PostgreSQL migrations use @prisma/adapter-pg 7.x (installed as `prisma-adapter-pg-migrate`)
 * because the 6.19 adapter cannot map the `name` column type that the schema engine reads
 * (prisma/orm#27403); the runtime client keeps the 6.19 adapter that matches @prisma/client.
 */
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/peygir.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: isPostgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("prisma-adapter-pg-migrate");
      // allowExitOnIdle: the CLI exits when done instead of waiting out the pool's idle timeout.
      return new PrismaPg({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 1_000 }) as never;
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
