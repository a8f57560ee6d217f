/**
 * A signal for what remembers who people are (the caller cache of services/identity.ts): every
 * write that changes a chat identity, a person, a membership, or the name or code of an agency or
 * committee a membership shows calls `identitiesChanged(tx)` in its transaction. Listeners are
 * told at once and again once the transaction committed: at once so that nothing read before the
 * change is used after it in this process, after the commit so that a read that ran meanwhile
 * (PostgreSQL lets reads run beside the transaction) and saw the old rows is dropped too.
 *
 * In-process only: another process (the CLI beside the bot, a second instance) cannot reach these
 * listeners, so what they remember must also expire (see IdentityService).
 */
import { afterCommit } from "./after-commit.js";
import type { Db, Tx } from "./client.js";

/** What is told: something that forgets what it remembered. */
export interface Forgetful {
  forgetAll(): void;
}

/** Held weakly: a cache that is no longer used (an app stopped, in the tests) is not kept alive by this. */
const listeners = new Set<WeakRef<Forgetful>>();

/** Tells `listener` of every identity change in this process, for as long as it is alive. */
export function onIdentityChange(listener: Forgetful): void {
  listeners.add(new WeakRef(listener));
}

/** Says that `tx` changed identities, persons, memberships, agencies or committees. */
export function identitiesChanged(tx: Tx | Db): void {
  tell();
  afterCommit(tx, tell);
}

function tell(): void {
  for (const ref of listeners) {
    const listener = ref.deref();
    if (listener) listener.forgetAll();
    else listeners.delete(ref);
  }
}
