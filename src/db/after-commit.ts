/**
 * The transaction helper's after-commit hooks. `db.$transaction(async (tx) => …)` on a client from
 * `openDatabase` runs the callbacks registered with `afterCommit(tx, …)` once the transaction has
 * committed, and drops them when it rolls back: a dispatcher woken by them finds the rows it was
 * woken for (a wake before the commit would find nothing, and the message would wait for a poll).
 */
import type { Db, Tx } from "./client.js";

const hooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `callback` after the transaction `tx` commits. Outside a transaction (`tx` is the client
 * itself, whose statements commit as they run) it runs at once.
 */
export function afterCommit(tx: Tx | Db, callback: () => void): void {
  const list = hooks.get(tx);
  if (list) list.push(callback);
  else callback();
}

/** The client with `$transaction` keeping the after-commit hooks of its interactive transactions. */
export function withAfterCommit<T extends Db>(client: T): T {
  const transaction = (async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return (client.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(arg, options);
    const callbacks: (() => void)[] = [];
    const result = await client.$transaction(async (tx) => {
      hooks.set(tx, callbacks);
      return (arg as (tx: Tx) => Promise<unknown>)(tx);
    }, options as never);
    // A hook's failure must not turn a committed transaction into an error for its caller.
    for (const callback of callbacks) {
      try {
        callback();
      } catch {
        /* the safety poll still finds whatever the hook would have announced */
      }
    }
    return result;
  }) as T["$transaction"];
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
