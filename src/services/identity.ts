/** Who is writing: a chat identity and the person and memberships behind it. */
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import { genderOf, type Gender } from "../domain/vocabulary.js";
import type { Clock } from "../shared/clock.js";

export type Role = "secretariat" | "governorate" | "head" | "liaison";

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

/** One row of the caller query: the identity and person repeated, one active membership (or none). */
interface CallerRow {
  identityId: number;
  personId: number;
  chatId: string;
  locale: string | null;
  reachable: boolean;
  lastSeenAt: Date | null;
  name: string;
  gender: string | null;
  membershipId: number | null;
  role: string | null;
  title: string | null;
  agencyId: number | null;
  agencyCode: string | null;
  agencyName: string | null;
  committeeId: number | null;
  committeeCode: string | null;
  committeeName: string | null;
}

/** How stale lastSeenAt may get before a message refreshes it: saves a write per update. */
const SEEN_GRANULARITY_MS = 10 * 60_000;

export class IdentityService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs for every update, so it is one SQL query (identity, person and active memberships
   * joined) rather than the five a nested Prisma include issues: at a few hundred updates per
   * second Prisma's per-query cost is what limits the bot (see bench/inbound.ts). Double-quoted
   * identifiers and TRUE read the same on SQLite and PostgreSQL.
   */
  async find(platform: Platform, userId: string): Promise<Caller | undefined> {
    const rows = await this.db.$queryRaw<CallerRow[]>`
      SELECT ci."id" AS "identityId", ci."personId", ci."chatId", ci."locale", ci."reachable", ci."lastSeenAt", p."name", p."gender",
             m."id" AS "membershipId", m."role", m."title",
             a."id" AS "agencyId", a."code" AS "agencyCode", a."name" AS "agencyName",
             c."id" AS "committeeId", c."code" AS "committeeCode", c."name" AS "committeeName"
      FROM "ChatIdentity" ci
      JOIN "Person" p ON p."id" = ci."personId"
      LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."active" = TRUE
      LEFT JOIN "Agency" a ON a."id" = m."agencyId"
      LEFT JOIN "Committee" c ON c."id" = m."committeeId"
      WHERE ci."platform" = ${platform} AND ci."userId" = ${userId}
      ORDER BY m."id"`;
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
    await this.db.chatIdentity.update({
      where: { id: caller.identityId },
      data: { lastSeenAt: now, reachable: true, unreachableReason: null, unreachableAt: null, ...(moved ? { chatId } : {}) },
    });
  }

  async setLocale(identityId: number, locale: string): Promise<void> {
    await this.db.chatIdentity.update({ where: { id: identityId }, data: { locale } });
  }
}
