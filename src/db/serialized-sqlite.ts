/**
 * The SQLite driver adapter, made safe for concurrent use and cheaper per statement.
 *
 * Safe: @prisma/adapter-better-sqlite3 has one connection: while an interactive transaction is
 * open on it, queries from other requests run on the same connection and so inside that
 * transaction — a rollback would undo them too (an outbox row marked sent, an update marked
 * handled). Here every query outside the transaction waits until it has ended; the adapter's own
 * lock already orders transactions.
 *
 * Cheaper: the adapter prepares every statement it runs afresh (8% of the bot's CPU under load,
 * bench/inbound.ts); here the connection keeps the statements it prepared, by SQL text (see
 * cachePreparedStatements).
 *
 * Direct: the hot statements skip Prisma altogether (its cost per statement was the largest single
 * cost of the bot, bench/inbound.ts) through a SqliteDirect, which runs them on the same
 * connection, with the same kept statements and the same waiting beside a transaction (raw.ts).
 * Its writes outside a transaction are group-committed (sqlite-group-commit.ts).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type SqliteDatabase from "better-sqlite3";
import { LRUCache } from "lru-cache";
import { SqliteGroupCommit } from "./sqlite-group-commit.js";
import { decodeInstant } from "./sql/decode.js";

type Factory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * How many prepared statements a connection keeps. The code runs a few hundred distinct SQL
 * texts; Prisma's IN (?, ?, …) lists make one text per list length, so the bound matters.
 */
const STATEMENT_CACHE_SIZE = 500;

/** What the adapter does with a statement it prepared (see its performIO and executeIO). */
interface AdapterStatement {
  readonly reader: boolean;
  columns(): SqliteDatabase.ColumnDefinition[];
  raw(): { all(): unknown[] };
  run(): SqliteDatabase.RunResult;
  bind(args: unknown[]): AdapterStatement;
}

/**
 * Makes the connection's prepare() return statements kept by SQL text, least recently used
 * dropped past STATEMENT_CACHE_SIZE. The adapter binds each statement it prepares, and a
 * better-sqlite3 statement can be bound only once, so what prepare() hands out is a view of the
 * kept statement that passes the arguments on each call instead. Safe to share: better-sqlite3
 * runs a statement to its end synchronously (all() collects every row), so no two uses of one
 * statement overlap, and SQLite re-prepares a kept statement itself after a schema change.
 */
function cachePreparedStatements(connection: SqliteDatabase.Database): (sql: string) => SqliteDatabase.Statement<unknown[]> {
  const prepare = connection.prepare.bind(connection);
  const kept = new LRUCache<string, SqliteDatabase.Statement<unknown[]>>({ max: STATEMENT_CACHE_SIZE });
  const view = (statement: SqliteDatabase.Statement<unknown[]>, args: unknown[]): AdapterStatement => ({
    reader: statement.reader,
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    run: () => statement.run(...args),
    bind: (more) => view(statement, [...args, ...more]),
  });
  const statementOf = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare<unknown[]>(sql);
      kept.set(sql, statement);
    }
    return statement;
  };
  (connection as unknown as { prepare(sql: string): AdapterStatement }).prepare = (sql: string) => view(statementOf(sql), []);
  return statementOf;
}

/**
 * Runs statements on the adapter's connection without Prisma (see db/raw.ts, the only user).
 * Arguments are bound as the adapter binds them (an instant as ISO 8601 with "+00:00", a boolean
 * as 1/0, a JSON value as its text); rows come back decoded by their columns' declared types, as
 * Prisma decodes a raw query's (DATETIME a Date, BOOLEAN a boolean, JSONB parsed).
 */
export interface SqliteDirect {
  /**
   * Runs one statement. `inTransaction`: the caller is inside the open interactive transaction,
   * so it runs at once on its connection; otherwise it waits, as every query beside a
   * transaction does, until none is open, and a write is committed with the others of its turn
   * of the event loop (it resolves once committed).
   */
  run(sql: string, values: readonly unknown[], inTransaction: boolean): Promise<DirectResult>;
  /**
   * Runs statements in order as one write, all or nothing, committed with the others of its turn
   * of the event loop: each statement's result, or undefined (nothing written) when a statement
   * with `expectChanges` changed another number of rows.
   */
  unit(statements: readonly DirectStatement[]): Promise<DirectResult[] | undefined>;
}

/** A statement's rows (a SELECT, or a write with RETURNING) and the number of rows it changed. */
export interface DirectResult {
  rows: Record<string, unknown>[];
  changes: number;
}

/** One statement of a unit: `expectChanges`, when set, is how many rows it must change for the unit to go on. */
export interface DirectStatement {
  sql: string;
  values: readonly unknown[];
  expectChanges?: number;
}

/** Thrown inside a unit whose `expectChanges` did not hold: its savepoint is rolled back, and the unit answers undefined. */
const HELD_BACK = Symbol("held back");

/** The declared types of a statement's columns that need decoding, by column name (computed once per kept statement). */
const decodersOf = new WeakMap<SqliteDatabase.Statement<unknown[]>, [string, (v: unknown) => unknown][]>();

function decodersFor(statement: SqliteDatabase.Statement<unknown[]>): [string, (v: unknown) => unknown][] {
  let decoders = decodersOf.get(statement);
  if (!decoders) {
    decoders = [];
    for (const column of statement.columns()) {
      const decode = decoderOf(column.type?.toUpperCase() ?? null);
      if (decode) decoders.push([column.name, decode]);
    }
    decodersOf.set(statement, decoders);
  }
  return decoders;
}

function decoderOf(declared: string | null): ((v: unknown) => unknown) | undefined {
  switch (declared) {
    case "DATETIME":
    case "TIMESTAMP":
      return decodeInstant;
    case "BOOLEAN":
      return (v) => (v === null ? null : v === 1 || v === true);
    // The adapter reads integers as BigInt (safe integers); Prisma hands back an Int column as a number.
    case "INTEGER":
    case "INT":
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
    case "SERIAL":
    case "INT2":
    case "REAL":
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "NUMERIC":
    case "DECIMAL":
    case "FLOAT":
      return (v) => (typeof v === "bigint" ? Number(v) : v);
    case "JSONB":
      return (v) => (typeof v === "string" ? JSON.parse(v) : v);
    default:
      return undefined;
  }
}

/** One argument bound as @prisma/adapter-better-sqlite3 binds it (its mapArg), so stored values read the same either way. */
function bindable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "object" && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value;
}

function serialize(adapter: Adapter, direct: { current?: SqliteDirect }): Adapter {
  const connection = (adapter as unknown as { client: SqliteDatabase.Database }).client;
  const statementOf = cachePreparedStatements(connection);
  let open: Promise<void> | null = null;
  const outside =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      // better-sqlite3 runs the statement synchronously when the call starts, so no
      // transaction can begin between this check and the statement.
      while (open) await open;
      return fn(...args);
    };
  const runNow = (statement: SqliteDatabase.Statement<unknown[]>, values: readonly unknown[]): DirectResult => {
    const args = values.map(bindable);
    if (!statement.reader) return { rows: [], changes: statement.run(...args).changes };
    // raw(false): a kept statement Prisma also ran was left in raw (array) mode by its view above.
    const rows = statement.raw(false).all(...args) as Record<string, unknown>[];
    const decoders = decodersFor(statement);
    if (decoders.length > 0) for (const row of rows) for (const [name, decode] of decoders) row[name] = decode(row[name]);
    // A reader that writes has RETURNING: a row per row it changed.
    return { rows, changes: statement.readonly ? 0 : rows.length };
  };
  const groupCommit = new SqliteGroupCommit(connection, statementOf, () => open);
  direct.current = {
    async run(sql, values, inTransaction) {
      const statement = statementOf(sql);
      if (inTransaction) return runNow(statement, values);
      if (!statement.readonly) return groupCommit.write(() => runNow(statement, values), false);
      // As for Prisma's queries above: checked just before the statement, which runs synchronously, so no transaction begins in between.
      while (open) await open;
      return runNow(statement, values);
    },
    async unit(statements) {
      try {
        return await groupCommit.write(
          () =>
            statements.map(({ sql, values, expectChanges }) => {
              const result = runNow(statementOf(sql), values);
              if (expectChanges !== undefined && result.changes !== expectChanges) throw HELD_BACK;
              return result;
            }),
          // A held-back statement may have changed rows (more than expected): undone with the rest.
          statements.length > 1 || statements.some((statement) => statement.expectChanges !== undefined),
        );
      } catch (error) {
        if (error === HELD_BACK) return undefined;
        throw error;
      }
    },
  };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "queryRaw") return outside(target.queryRaw.bind(target));
      if (prop === "executeRaw") return outside(target.executeRaw.bind(target));
      if (prop === "executeScript") return outside(target.executeScript.bind(target));
      if (prop === "startTransaction") {
        return async (...args: Parameters<Adapter["startTransaction"]>): Promise<Transaction> => {
          while (open) await open;
          let end!: () => void;
          open = new Promise<void>((resolve) => (end = resolve));
          const finish = () => {
            open = null;
            end();
          };
          try {
            const tx = await target.startTransaction(...args);
            return new Proxy(tx, {
              get(t, p, r) {
                if (p === "commit" || p === "rollback") {
                  return async () => {
                    try {
                      return await (t[p] as () => Promise<void>).call(t);
                    } finally {
                      finish();
                    }
                  };
                }
                const value = Reflect.get(t, p, r);
                return typeof value === "function" ? value.bind(t) : value;
              },
            });
          } catch (error) {
            finish();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The adapter factory for Prisma, and the direct runner on the connection it opens (set once
 * Prisma has connected; a reconnection replaces it).
 */
export function serializedSqliteAdapter(file: string, timeoutMs: number): { factory: Factory; direct: SqliteDirect } {
  const factory = new PrismaBetterSQLite3({ url: file, timeout: timeoutMs });
  const connected: { current?: SqliteDirect } = {};
  const direct: SqliteDirect = {
    run(sql, values, inTransaction) {
      return opened().run(sql, values, inTransaction);
    },
    unit(statements) {
      return opened().unit(statements);
    },
  };
  const opened = () => {
    if (!connected.current) throw new Error("the SQLite connection is not open yet");
    return connected.current;
  };
  const proxy = new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => serialize(await target.connect(), connected);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { factory: proxy, direct };
}
