/**
 * Who is who, for operators: `peygir people` lists everyone with their roles and bound chat
 * identities; `peygir unbind` removes a person's identity on a platform (audited), e.g. when
 * they change accounts, so a new invite can bind the new one.
 */
import { identitiesChanged } from "../db/identity-changes.js";
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import { parsePhone } from "../domain/text/index.js";
import { COMMITTEE_ROLES, isOneOf, ROLES, type Role } from "../domain/vocabulary.js";
import type { Clock } from "../shared/clock.js";
import { audit } from "./audit.js";

export interface PersonListing {
  name: string;
  phone: string | null;
  roles: { role: string; scope: string; title: string | null; active: boolean }[];
  identities: { platform: Platform; userId: string; username: string | null; reachable: boolean; lastSeenAt: Date | null }[];
}

export class PeopleError extends Error {
  override name = "PeopleError";
}

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Everyone (or a committee's people: its secretariat and governorate, and its agencies' members), by name. */
  async list(committeeCode?: string): Promise<PersonListing[]> {
    let where = {};
    if (committeeCode) {
      const committee = await this.db.committee.findUnique({ where: { code: committeeCode }, select: { id: true } });
      if (!committee) throw new PeopleError(`no committee with code "${committeeCode}"`);
      where = {
        memberships: {
          some: { OR: [{ committeeId: committee.id }, { agency: { committees: { some: { committeeId: committee.id } } } }] },
        },
      };
    }
    const people = await this.db.person.findMany({
      where,
      include: {
        memberships: { include: { agency: { select: { name: true } }, committee: { select: { name: true } } }, orderBy: { id: "asc" } },
        identities: { orderBy: { platform: "asc" } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return people.map((p) => ({
      name: p.name,
      phone: p.phone,
      roles: p.memberships.map((m) => ({
        role: m.role,
        scope: m.agency?.name ?? m.committee?.name ?? "",
        title: m.title,
        active: m.active,
      })),
      identities: p.identities.map((i) => ({
        platform: i.platform as Platform,
        userId: i.userId,
        username: i.username,
        reachable: i.reachable,
        lastSeenAt: i.lastSeenAt,
      })),
    }));
  }

  /** Removes the person's chat identity on one platform (or on all): returns the platforms unbound. */
  /**
   * The private chats on `platform` of people who hold a committee role (secretariat, governorate),
   * each with all the person's active roles: the chats whose command menu is their own.
   */
  async staffChats(platform: Platform): Promise<{ chatId: string; locale: string | null; roles: Role[] }[]> {
    const identities = await this.db.chatIdentity.findMany({
      where: { platform, person: { memberships: { some: { active: true, role: { in: [...COMMITTEE_ROLES] } } } } },
      select: { chatId: true, locale: true, person: { select: { memberships: { where: { active: true }, select: { role: true } } } } },
      orderBy: { id: "asc" },
    });
    return identities.map((i) => ({
      chatId: i.chatId,
      locale: i.locale,
      roles: [...new Set(i.person.memberships.map((m) => m.role).filter((r): r is Role => isOneOf(ROLES, r)))],
    }));
  }

  async unbind(phoneInput: string, platform?: Platform): Promise<{ name: string; removed: Platform[] }> {
    const phone = parsePhone(phoneInput);
    if (!phone.ok) throw new PeopleError(`"${phoneInput}" is not a valid Iranian mobile number`);
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { phone: phone.value }, include: { identities: true } });
      if (!person) throw new PeopleError(`no person with phone ${phone.value}`);
      const targets = person.identities.filter((i) => platform === undefined || i.platform === platform);
      if (targets.length === 0) {
        throw new PeopleError(`${person.name} (${phone.value}) has no bound account${platform ? ` on ${platform}` : ""}`);
      }
      for (const identity of targets) {
        await tx.chatIdentity.delete({ where: { id: identity.id } });
        identitiesChanged(tx);
        await audit(
          tx,
          { kind: "cli" },
          "identity.unbound",
          "ChatIdentity",
          identity.id,
          {
            personId: person.id,
            platform: identity.platform,
            userId: identity.userId,
          },
          now,
        );
      }
      return { name: person.name, removed: targets.map((i) => i.platform as Platform) };
    });
  }
}
