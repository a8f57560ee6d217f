/**
 * Keeps an instance that believes it is alone from running beside others on one PostgreSQL
 * database. An instance without INSTANCE_ID serves the bot alone (shared/stale-claims.ts): it
 * redoes interrupted updates at start, remembers conversation states and paces its sends in
 * memory, so beside another instance it would handle updates twice and send past the rate. Here it
 * holds an exclusive PostgreSQL advisory lock for as long as it runs, and every named instance a
 * shared one: whichever comes second refuses to start, saying why.
 *
 * The lock is held by a connection of its own (a session lock, released when the process dies,
 * kill -9 included). Should that connection drop while running (the database restarted), the lock
 * is gone: that is logged, and the next start checks again.
 */
import pg from "pg";
import type { Logger } from "pino";
import type { Component } from "../shared/component.js";

/** The advisory lock's two keys: Peygir's ("peyg") and this lock's; lock-assignment-cards.ts uses others. */
const LOCK_KEYS = [0x70657967, 1] as const;

/** What an operator reads when the instance refuses to start. */
export class InstanceLockError extends Error {
  override name = "InstanceLockError";
}

export class InstanceLock implements Component {
  readonly name = "instance lock";
  #client: pg.Client | undefined;

  /** `named`: this process was given an INSTANCE_ID (named instances may run side by side). */
  constructor(
    private readonly url: string,
    private readonly named: boolean,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    const take = this.named ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
    try {
      const result = await client.query<{ held: boolean }>(`SELECT ${take}($1::int, $2::int) AS held`, [...LOCK_KEYS]);
      if (result.rows[0]?.held !== true)
        throw new InstanceLockError(
          this.named
            ? `an instance without INSTANCE_ID is running on this PostgreSQL database, and it assumes it is alone: stop it, or give it an INSTANCE_ID of its own (README, "Several instances")`
            : `another instance is running on this PostgreSQL database: give every instance an INSTANCE_ID of its own to run several (README, "Several instances"), or stop the other one`,
        );
    } catch (error) {
      // Refused or failed: the connection goes, and no lock stays behind with it.
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on("error", (err) =>
      this.logger.error({ err }, "the instance lock's connection dropped: a second instance would not be refused until this one restarts"),
    );
    this.#client = client;
  }

  async stop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    // Closing the session lets go of its lock.
    await client?.end().catch(() => undefined);
  }
}
