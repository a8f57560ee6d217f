/**
 * One statement of db/sql/ run as written, as cheaply as the database allows: the seam for the
 * statements on the path of every update. Statements are written once, as `Prisma.sql` templates
 * that read the same on both databases (or choose their text by provider), and run on either a
 * client or a transaction client (then inside that transaction).
 *
 * On SQLite (a client of `openDatabase`) they run directly on the better-sqlite3 connection, with
 * its kept prepared statements (serialized-sqlite.ts): Prisma's own cost per statement was the
 * largest single cost of the bot under load (bench/inbound.ts), several times the statement's.
 * Inside an interactive transaction they run on its connection at once; outside, they wait for
 * an open transaction to end, as Prisma's own queries there do, and a write is committed with
 * the other writes of its turn of the event loop (sqlite-group-commit.ts). Arguments are bound and rows
 * decoded as Prisma binds and decodes them, so the rows and the stored values are the same either
 * way (test/integration/raw.test.ts). Elsewhere (PostgreSQL, any other client) they go through
 * Prisma's `$queryRaw` / `$executeRaw`.
 *
 * A constraint violation on the direct path is better-sqlite3's SqliteError (code
 * SQLITE_CONSTRAINT_…), not Prisma's P2002: ask `isUniqueViolation` (client.ts), which knows both.
 */
import type { Db, Prisma, Tx } from "./client.js";
import { clientOfOpenTransaction } from "./after-commit.js";
import type { DirectResult, SqliteDirect } from "./serialized-sqlite.js";

const directs = new WeakMap<object, SqliteDirect>();

/** Lets raw queries on `client` (and its transactions) run on `direct` (openDatabase, SQLite). */
export function runRawDirectly(client: Db, direct: SqliteDirect): void {
  directs.set(client, direct);
}

/** The direct runner for `db`, and whether `db` is an open transaction of its client. */
function directFor(db: Db | Tx): { direct: SqliteDirect; inTransaction: boolean } | undefined {
  const direct = directs.get(db);
  if (direct) return { direct, inTransaction: false };
  const client = clientOfOpenTransaction(db);
  const owner = client && directs.get(client);
  return owner ? { direct: owner, inTransaction: true } : undefined;
}

/** The rows of one statement (a SELECT, or a write with RETURNING). */
export async function rawQuery<T>(db: Db | Tx, sql: Prisma.Sql): Promise<T[]> {
  const found = directFor(db);
  if (!found) return db.$queryRaw<T[]>(sql);
  return (await found.direct.run(sql.sql, sql.values, found.inTransaction)).rows as T[];
}

/** Runs one statement that writes; the number of rows it changed. */
export async function rawExecute(db: Db | Tx, sql: Prisma.Sql): Promise<number> {
  const found = directFor(db);
  if (!found) return db.$executeRaw(sql);
  return (await found.direct.run(sql.sql, sql.values, found.inTransaction)).changes;
}

/** One statement of `rawUnit`: `expectChanges`, when set, is how many rows it must change for the unit to go on. */
export interface UnitStatement {
  sql: Prisma.Sql;
  expectChanges?: number;
}

/** Rolls back the transaction of a unit held back by `expectChanges` (see rawUnit). */
class HeldBack extends Error {}

/**
 * Runs statements in order as one write, all or nothing, without an interactive transaction on
 * SQLite (there the write is group-committed, sqlite-group-commit.ts: no Prisma transaction, and
 * one commit for the writes of a turn of the event loop); elsewhere in one. Returns each
 * statement's rows (none for a write without RETURNING), or undefined, with nothing written,
 * when a statement's `expectChanges` did not hold. On SQLite a later statement may refer to an
 * earlier one's row as `last_insert_rowid()`.
 */
export async function rawUnit(db: Db, statements: readonly UnitStatement[]): Promise<unknown[][] | undefined> {
  const direct = directs.get(db);
  if (direct) {
    const results = await direct.unit(statements.map(({ sql, expectChanges }) => ({ sql: sql.sql, values: sql.values, expectChanges })));
    return results?.map((result: DirectResult) => result.rows);
  }
  try {
    return await db.$transaction(async (tx) => {
      const results: unknown[][] = [];
      for (const { sql, expectChanges } of statements) {
        if (expectChanges === undefined) results.push(await tx.$queryRaw<unknown[]>(sql));
        else if ((await tx.$executeRaw(sql)) === expectChanges) results.push([]);
        else throw new HeldBack();
      }
      return results;
    });
  } catch (error) {
    if (error instanceof HeldBack) return undefined;
    throw error;
  }
}
