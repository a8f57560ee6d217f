/**
 * The database: one Prisma client type for the whole code base, on SQLite or PostgreSQL.
 *
 * A Prisma client is generated per provider, so there are two generated clients with the
 * same models (see prisma/sync-schemas.ts). The code is written against the SQLite client's
 * types; the PostgreSQL client is structurally the same and is used through that type.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import SqliteDatabase from "better-sqlite3";
import { afterCommitSettled, withAfterCommit } from "./after-commit.js";
import { runRawDirectly } from "./raw.js";
import { serializedSqliteAdapter } from "./serialized-sqlite.js";
import { Prisma, PrismaClient as SqliteClient } from "#prisma/sqlite";
import { PrismaClient as PostgresClient } from "#prisma/postgres";

export { Prisma };
export type Db = SqliteClient;
/** What a service receives inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
export type DbProvider = "sqlite" | "postgres";

export interface Database {
  prisma: Db;
  provider: DbProvider;
  close(): Promise<void>;
}

/**
 * The provider of a client or of a transaction client, for the statements that differ between the
 * databases (src/db/sql/) when the caller was not told. Prisma keeps it as `_activeProvider` on the
 * client and forwards it to transaction clients; it is not public API, so a Prisma release that
 * drops it fails here, loudly, rather than sending one database the other's SQL.
 */
export function providerOfClient(db: Tx | Db): DbProvider {
  const active = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (active === "sqlite") return "sqlite";
  if (active === "postgresql") return "postgres";
  throw new Error(`providerOfClient: cannot tell the database of this Prisma client (_activeProvider = ${String(active)})`);
}

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** Path of a SQLite database file from a `file:` URL (relative paths are from the working directory). */
export function sqlitePathOf(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Opens the database; its `$transaction` runs after-commit hooks (see after-commit.ts). */
export async function openDatabase(url: string): Promise<Database> {
  if (providerOf(url) === "postgres") {
    const prisma = withAfterCommit(
      new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), errorFormat: "minimal" }) as unknown as Db,
    );
    await prisma.$connect();
    return { prisma, provider: "postgres", close: () => closeClient(prisma) };
  }
  const file = sqlitePathOf(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // WAL lets readers work while the single writer commits; busy_timeout makes a second
  // process (the CLI beside a running bot) wait for the lock instead of failing at once.
  const { factory: adapter, direct } = serializedSqliteAdapter(file, 10_000);
  const prisma = withAfterCommit(new SqliteClient({ adapter, errorFormat: "minimal" }));
  runRawDirectly(prisma, direct);
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { prisma, provider: "sqlite", close: () => closeClient(prisma) };
}

/** Lets the work started after commits (card refreshes) end before the connection goes. */
async function closeClient(prisma: Db): Promise<void> {
  await afterCommitSettled(prisma);
  await prisma.$disconnect();
}

/**
 * True when an error is a unique-constraint violation, on either database (both clients share one
 * runtime, see prisma/share-runtime.mjs, so they share error classes): Prisma's P2002 from a model
 * query; P2010 from a raw query, whose driver error says UniqueConstraintViolation; or
 * better-sqlite3's own, from a statement run directly (raw.ts).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return true;
    const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause;
    return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
  }
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof SqliteDatabase.SqliteError && (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY");
}
