/**
 * The transaction helper's after-commit hooks. `db.$transaction(async (tx) => …)` on a client from
 * `openDatabase` runs the callbacks registered with `afterCommit(tx, …)` once the transaction has
 * committed, and drops them when it rolls back: a dispatcher woken by them finds the rows it was
 * woken for (a wake before the commit would find nothing, and the message would wait for a poll).
 *
 * A hook is given the client, for work that needs a transaction of its own after the commit (an
 * item's card refresh). Work a hook returns is awaited by `afterCommitSettled` (the database's
 * close), so a process that exits once its command is done (the CLI) does not cut it short.
 */
import type { Db, Tx } from "./client.js";

/** What a hook is given: the client (or, outside a transaction of `openDatabase`'s client, what the caller had). */
export type AfterCommit = (db: Db | Tx) => unknown;

const hooks = new WeakMap<object, AfterCommit[]>();
/** The client of each interactive transaction still open on a client of `withAfterCommit` (see raw.ts). */
const openTransactions = new WeakMap<object, Db>();
/** Per client: the hooks' work still under way. */
const running = new WeakMap<object, Set<Promise<unknown>>>();

/** Runs a hook; its work, if any, is kept in `work` until it ends (its failure is the hook's own business). */
function run(callback: AfterCommit, db: Db | Tx, work: Set<Promise<unknown>> | undefined): void {
  try {
    const result = callback(db);
    if (!(result instanceof Promise) || !work) return;
    const tracked = result.then(
      () => undefined,
      () => undefined,
    );
    work.add(tracked);
    void tracked.finally(() => work.delete(tracked));
  } catch {
    /* a hook's failure must not turn a committed transaction into an error; the safety poll still finds what a wake would announce */
  }
}

/**
 * Runs `callback` after the transaction `tx` commits, with the client. Outside a transaction (`tx`
 * is the client itself, whose statements commit as they run) it runs at once, given `tx`.
 */
export function afterCommit(tx: Tx | Db, callback: AfterCommit): void {
  const list = hooks.get(tx);
  if (list) list.push(callback);
  else run(callback, tx, running.get(tx));
}

/** Resolves when the work of every hook started so far on this client has ended. */
export async function afterCommitSettled(db: Db): Promise<void> {
  const work = running.get(db);
  while (work && work.size > 0) await Promise.all([...work]);
}

/** The client whose interactive transaction `tx` is, while its callback runs; undefined for a client or a transaction over. */
export function clientOfOpenTransaction(tx: Tx | Db): Db | undefined {
  return openTransactions.get(tx);
}

/** The client with `$transaction` keeping the after-commit hooks of its interactive transactions. */
export function withAfterCommit<T extends Db>(client: T): T {
  const work = new Set<Promise<unknown>>();
  const transaction = (async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return (client.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(arg, options);
    const callbacks: AfterCommit[] = [];
    const result = await client.$transaction(async (tx) => {
      hooks.set(tx, callbacks);
      openTransactions.set(tx, proxy);
      try {
        return await (arg as (tx: Tx) => Promise<unknown>)(tx);
      } finally {
        openTransactions.delete(tx);
      }
    }, options as never);
    for (const callback of callbacks) run(callback, proxy, work);
    return result;
  }) as T["$transaction"];
  const proxy: T = new Proxy(client, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  running.set(proxy, work);
  return proxy;
}
