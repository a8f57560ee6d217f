/**
 * The group commit of the SQLite connection: the writes made outside an interactive transaction
 * in one turn of the event loop are committed together, each still all-or-nothing by itself.
 *
 * A commit writes every page the transaction changed to the WAL, and now and then copies the
 * WAL back into the database (a checkpoint, several milliseconds): committing each write on its
 * own was the largest single cost of the bot under load, and the checkpoints its tail
 * (bench/inbound.ts). Many writes of one turn (other chats' replies, the inbox's rows) touch the
 * same pages, which one commit writes once.
 *
 * Each write is a synchronous function of better-sqlite3 calls, so a group runs from BEGIN to
 * COMMIT without yielding: nothing else can run on the connection meanwhile. A group starts only
 * when no interactive transaction is open on the connection (they are Prisma's, and span awaits).
 * A write resolves once its group has committed, so what its caller does next (a reply, a send)
 * happens only after it is durable, as with a commit of its own.
 */
import type SqliteDatabase from "better-sqlite3";

interface Queued {
  work: () => unknown;
  /** Its statements are undone together if one fails (a savepoint); one statement undoes itself. */
  several: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class SqliteGroupCommit {
  #queue: Queued[] = [];
  #scheduled = false;

  /**
   * `statementOf`: the connection's kept statements; `openTransaction`: the interactive
   * transaction open on the connection, if any (a group waits for it to end).
   */
  constructor(
    private readonly connection: SqliteDatabase.Database,
    private readonly statementOf: (sql: string) => SqliteDatabase.Statement<unknown[]>,
    private readonly openTransaction: () => Promise<void> | null,
  ) {}

  /**
   * Runs `work` (synchronous statements) in the next group and resolves with what it returned
   * once the group has committed. If it throws, what it wrote is undone (`several`: all its
   * statements; otherwise its one statement undoes itself, as SQLite does) and its promise
   * rejects; the group's other writes are not affected.
   */
  write<T>(work: () => T, several: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, several, resolve: resolve as (value: unknown) => void, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      // After this turn's I/O callbacks: the other updates of the batch being handled join in.
      setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    // Checked here, just before the synchronous run below: no await comes in between.
    for (let open = this.openTransaction(); open; open = this.openTransaction()) await open;
    const group = this.#queue;
    this.#queue = [];
    this.#scheduled = false;
    let outcomes: Outcome[];
    try {
      outcomes = this.#run(group);
    } catch (error) {
      // The transaction itself failed (BEGIN or COMMIT: the disk, a lock held too long): nothing of the group is written.
      if (this.connection.inTransaction) this.#exec("ROLLBACK");
      for (const queued of group) queued.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? group[i]!.resolve(outcome.value) : group[i]!.reject(outcome.error)));
  }

  /** The group's transaction, synchronous from BEGIN to COMMIT. */
  #run(group: readonly Queued[]): Outcome[] {
    this.#exec("BEGIN IMMEDIATE");
    const outcomes: Outcome[] = [];
    for (const queued of group) {
      if (queued.several) this.#exec("SAVEPOINT write");
      try {
        outcomes.push({ ok: true, value: queued.work() });
        if (queued.several) this.#exec("RELEASE write");
      } catch (error) {
        // Some errors (a full disk, I/O) end the whole transaction: then nothing of the group stands.
        if (!this.connection.inTransaction) throw error;
        if (queued.several) {
          this.#exec("ROLLBACK TO write");
          this.#exec("RELEASE write");
        }
        outcomes.push({ ok: false, error });
      }
    }
    this.#exec("COMMIT");
    return outcomes;
  }

  #exec(sql: string): void {
    this.statementOf(sql).run();
  }
}
