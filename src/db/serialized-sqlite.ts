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
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type SqliteDatabase from "better-sqlite3";
import { LRUCache } from "lru-cache";

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
function cachePreparedStatements(connection: SqliteDatabase.Database): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new LRUCache<string, SqliteDatabase.Statement<unknown[]>>({ max: STATEMENT_CACHE_SIZE });
  const view = (statement: SqliteDatabase.Statement<unknown[]>, args: unknown[]): AdapterStatement => ({
    reader: statement.reader,
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    run: () => statement.run(...args),
    bind: (more) => view(statement, [...args, ...more]),
  });
  (connection as unknown as { prepare(sql: string): AdapterStatement }).prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare<unknown[]>(sql);
      kept.set(sql, statement);
    }
    return view(statement, []);
  };
}

function serialize(adapter: Adapter): Adapter {
  cachePreparedStatements((adapter as unknown as { client: SqliteDatabase.Database }).client);
  let open: Promise<void> | null = null;
  const idle = async () => {
    while (open) await open;
  };
  const outside =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await idle();
      // better-sqlite3 runs the statement synchronously when the call starts, so no
      // transaction can begin between the check above and the statement.
      return fn(...args);
    };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "queryRaw") return outside(target.queryRaw.bind(target));
      if (prop === "executeRaw") return outside(target.executeRaw.bind(target));
      if (prop === "executeScript") return outside(target.executeScript.bind(target));
      if (prop === "startTransaction") {
        return async (...args: Parameters<Adapter["startTransaction"]>): Promise<Transaction> => {
          await idle();
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

export function serializedSqliteAdapter(file: string, timeoutMs: number): Factory {
  const factory = new PrismaBetterSQLite3({ url: file, timeout: timeoutMs });
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => serialize(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
