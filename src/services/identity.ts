/** Who is writing: a chat identity and the person and memberships behind it. */
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
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
export function committeesWhere(caller: Caller | undefined, role: "secretariat" | "governorate"): { id: number; code: string; name: string }[] {
  return (caller?.memberships ?? []).filter((m) => m.role === role && m.committee).map((m) => m.committee!);
}

/** How stale lastSeenAt may get before a message refreshes it: saves a write per update. */
const SEEN_GRANULARITY_MS = 10 * 60_000;

export class IdentityService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async find(platform: Platform, userId: string): Promise<Caller | undefined> {
    const identity = await this.db.chatIdentity.findUnique({
      where: { platform_userId: { platform, userId } },
      include: {
        person: {
          include: {
            memberships: {
              where: { active: true },
              include: { agency: { select: { id: true, code: true, name: true } }, committee: { select: { id: true, code: true, name: true } } },
              orderBy: { id: "asc" },
            },
          },
        },
      },
    });
    if (!identity) return undefined;
    return {
      identityId: identity.id,
      personId: identity.personId,
      name: identity.person.name,
      platform,
      chatId: identity.chatId,
      locale: identity.locale,
      reachable: identity.reachable,
      lastSeenAt: identity.lastSeenAt,
      memberships: identity.person.memberships.map((m) => ({
        id: m.id,
        role: m.role as Role,
        title: m.title,
        ...(m.agency ? { agency: m.agency } : {}),
        ...(m.committee ? { committee: m.committee } : {}),
      })),
    };
  }

  /** Records that the person wrote: they are reachable again, and their chat is known. */
  async touch(caller: Caller, chatId: string | undefined): Promise<void> {
    const now = this.clock.now();
    const stale = !caller.lastSeenAt || now.getTime() - caller.lastSeenAt.getTime() > SEEN_GRANULARITY_MS;
    const moved = chatId !== undefined && chatId !== caller.chatId;
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
