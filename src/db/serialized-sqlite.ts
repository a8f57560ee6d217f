/**
 * The SQLite driver adapter, made safe for concurrent use. @prisma/adapter-better-sqlite3 has
 * one connection: while an interactive transaction is open on it, queries from other requests
 * run on the same connection and so inside that transaction — a rollback would undo them too
 * (an outbox row marked sent, an update marked handled). Here every query outside the
 * transaction waits until it has ended; the adapter's own lock already orders transactions.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

function serialize(adapter: Adapter): Adapter {
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
