/** Who is writing: a chat identity and the person and memberships behind it. */
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import { LRUCache } from "lru-cache";
import { identitiesChanged, onIdentityChange, type Forgetful } from "../db/identity-changes.js";
import { callerRows } from "../db/sql/caller-rows.js";
import { touchChatIdentity } from "../db/sql/touch-chat-identity.js";
import { genderOf, type Gender, type Role } from "../domain/vocabulary.js";
import type { Clock } from "../shared/clock.js";

export type { Role };

export interface CallerMembership {
  id: number;
  role: Role;
  title: string | null;
  agency?: { id: number; code: string; name: string };
  committee?: { id: number; code: string; name: string };
}

export interface Caller {
  identityId: number;
  personId: number;
  name: string;
  /** From the committee file; null when it does not say (then no «جناب آقای / سرکار خانم»). */
  gender: Gender | null;
  platform: Platform;
  chatId: string;
  locale: string | null;
  reachable: boolean;
  lastSeenAt: Date | null;
  memberships: CallerMembership[];
}

/** The agencies a caller may act for (as head or liaison). */
export function agenciesOf(caller: Caller): { id: number; code: string; name: string }[] {
  const byId = new Map<number, { id: number; code: string; name: string }>();
  for (const m of caller.memberships) if (m.agency && (m.role === "head" || m.role === "liaison")) byId.set(m.agency.id, m.agency);
  return [...byId.values()];
}

export function canActForAgency(caller: Caller | undefined, agencyId: number): boolean {
  return !!caller && caller.memberships.some((m) => m.agency?.id === agencyId && (m.role === "head" || m.role === "liaison"));
}

/** Committees in which the caller holds the given committee-level role. */
export function committeesWhere(
  caller: Caller | undefined,
  role: "secretariat" | "governorate",
): { id: number; code: string; name: string }[] {
  return (caller?.memberships ?? []).filter((m) => m.role === role && m.committee).map((m) => m.committee!);
}

/** How stale lastSeenAt may get before a message refreshes it: saves a write per update. */
const SEEN_GRANULARITY_MS = 10 * 60_000;

/**
 * The caller cache (see IdentityService.find). Bounded: a Caller is well under 1 KB, so 10,000
 * of them (a quarter of the country's 40,000 contacts, all writing within one TTL) stay under
 * about 10 MB; past that the least recently seen go.
 */
const CALLER_CACHE_SIZE = 10_000;
/**
 * How long a remembered caller is trusted. Writes in this process forget it at once
 * (db/identity-changes.ts); a write by another process — `peygir unbind` or an import beside the
 * running bot, a second instance — is seen within this. A TTL rather than a version check: a
 * check is a statement per update, which is what the cache saves; and nothing relies on the
 * cache for a privilege — every service checks the database on every call.
 */
export const CALLER_TTL_MS = 10_000;

export class IdentityService implements Forgetful {
  /**
   * By `platform:userId`; only people found (an unknown user's first /start must find the identity
   * it just made). Aged on the injected clock, so a test or a simulation that moves time sees a
   * caller read again after CALLER_TTL_MS; ttlResolution 0 asks the clock on every look-up rather
   * than trusting a reading a millisecond old (a moved clock jumps).
   */
  readonly #callers: LRUCache<string, Caller>;
  /** The cache key of each caller handed out, for touch() to remember the identity as it wrote it. */
  readonly #keys = new WeakMap<Caller, string>();
  /** Bumped by every change: a read that started before one must not be remembered after it. */
  #generation = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.#callers = new LRUCache<string, Caller>({
      max: CALLER_CACHE_SIZE,
      ttl: CALLER_TTL_MS,
      ttlResolution: 0,
      perf: { now: () => this.clock.now().getTime() },
    });
    onIdentityChange(this);
  }

  /** Forgets every remembered caller (db/identity-changes.ts). */
  forgetAll(): void {
    this.#generation++;
    this.#callers.clear();
  }

  /**
   * Who writes from (platform, userId), with their active memberships: runs for every update, so
   * it is remembered for a few seconds (CALLER_TTL_MS) and otherwise one statement. The caller
   * handed out is shared: read it, never change it.
   */
  async find(platform: Platform, userId: string): Promise<Caller | undefined> {
    const key = `${platform}:${userId}`;
    const remembered = this.#callers.get(key);
    if (remembered) return remembered;
    const generation = this.#generation;
    const caller = await this.#load(platform, userId);
    if (caller && generation === this.#generation) this.#remember(key, caller);
    return caller;
  }

  #remember(key: string, caller: Caller): void {
    this.#keys.set(caller, key);
    this.#callers.set(key, caller);
  }

  async #load(platform: Platform, userId: string): Promise<Caller | undefined> {
    const rows = await callerRows(this.db, platform, userId);
    const first = rows[0];
    if (!first) return undefined;
    return {
      identityId: first.identityId,
      personId: first.personId,
      name: first.name,
      gender: genderOf(first.gender),
      platform,
      chatId: first.chatId,
      locale: first.locale,
      reachable: first.reachable,
      lastSeenAt: first.lastSeenAt,
      memberships: rows
        .filter((m) => m.membershipId !== null)
        .map((m) => ({
          id: m.membershipId!,
          role: m.role as Role,
          title: m.title,
          ...(m.agencyId !== null ? { agency: { id: m.agencyId, code: m.agencyCode!, name: m.agencyName! } } : {}),
          ...(m.committeeId !== null ? { committee: { id: m.committeeId, code: m.committeeCode!, name: m.committeeName! } } : {}),
        })),
    };
  }

  /**
   * Records that the person wrote in their private chat (`chatId`): they are reachable again, and
   * that chat is where their messages go. Never call it with a group's id.
   */
  async touch(caller: Caller, chatId: string): Promise<void> {
    const now = this.clock.now();
    const stale = !caller.lastSeenAt || now.getTime() - caller.lastSeenAt.getTime() > SEEN_GRANULARITY_MS;
    const moved = chatId !== caller.chatId;
    if (!stale && caller.reachable && !moved) return;
    await touchChatIdentity(this.db, caller.identityId, now, moved ? chatId : undefined);
    // Only this identity changed, and only as written here: the others stay remembered (a touch
    // comes every ten minutes per person, which at a country's scale would empty the cache).
    const key = this.#keys.get(caller);
    if (key !== undefined && this.#callers.get(key) === caller)
      this.#remember(key, { ...caller, lastSeenAt: now, reachable: true, chatId });
  }

  async setLocale(identityId: number, locale: string): Promise<void> {
    await this.db.chatIdentity.update({ where: { id: identityId }, data: { locale } });
    identitiesChanged(this.db);
  }
}
