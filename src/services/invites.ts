/**
 * Invites: one-time codes that bind a chat identity to a membership. The secretariat prints
 * them with `peygir invite` and hands each person their link; `/start CODE` redeems it.
 */
import { randomInt } from "node:crypto";
import type { Platform } from "../config/index.js";
import type { Db } from "../db/client.js";
import { parsePhone } from "../domain/text/index.js";
import type { Clock } from "../shared/clock.js";
import { audit } from "./audit.js";

/** No 0/O, 1/I/L: codes are read aloud and typed from paper too. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 10;

export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export interface InviteRequest {
  agencyCode?: string;
  committeeCode?: string;
  role?: "head" | "liaison" | "secretariat" | "governorate";
  personPhone?: string;
}

export interface RoleInScope {
  role: string;
  scope: string;
}

export interface IssuedInvite {
  code: string;
  expiresAt: Date;
  personName: string;
  phone: string | null;
  /** The matching roles; one code serves them all, since it binds the person's chat. */
  roles: RoleInScope[];
}

export type RedeemResult =
  | { ok: true; personName: string; roles: RoleInScope[]; alreadyBound: boolean }
  | { ok: false; reason: "unknown" | "used" | "expired" | "bound_to_other" };

export class InviteError extends Error {
  override name = "InviteError";
}

export class InviteService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ttlDays: number,
  ) {}

  /** Issues one fresh code per person with a matching active membership. */
  async issue(request: InviteRequest): Promise<IssuedInvite[]> {
    const where: Record<string, unknown> = { active: true };
    if (request.agencyCode) {
      const agency = await this.db.agency.findUnique({ where: { code: request.agencyCode } });
      if (!agency) throw new InviteError(`no agency with code "${request.agencyCode}"`);
      where.agencyId = agency.id;
    }
    if (request.committeeCode) {
      const committee = await this.db.committee.findUnique({ where: { code: request.committeeCode } });
      if (!committee) throw new InviteError(`no committee with code "${request.committeeCode}"`);
      where.committeeId = committee.id;
    }
    if (request.role) where.role = request.role;
    if (request.personPhone) {
      const phone = parsePhone(request.personPhone);
      if (!phone.ok) throw new InviteError(`"${request.personPhone}" is not a valid Iranian mobile number`);
      const person = await this.db.person.findUnique({ where: { phone: phone.value } });
      if (!person) throw new InviteError(`no person with phone ${phone.value}`);
      where.personId = person.id;
    }
    if (!request.agencyCode && !request.committeeCode && !request.personPhone) {
      throw new InviteError("name an agency (--agency), a committee (--committee) or a person (--person)");
    }
    const memberships = await this.db.membership.findMany({
      where,
      include: { person: true, agency: true, committee: true },
      orderBy: [{ agencyId: "asc" }, { role: "asc" }, { id: "asc" }],
    });
    if (memberships.length === 0) throw new InviteError("no membership matches; check the agency code, role and phone");
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlDays * 86_400_000);
    // A chat identity belongs to a person, so one code per person binds all their roles.
    const byPerson = new Map<number, typeof memberships>();
    for (const m of memberships) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    return this.db.$transaction(async (tx) => {
      const issued: IssuedInvite[] = [];
      for (const [, held] of byPerson) {
        const first = held[0]!;
        const code = newInviteCode();
        await tx.invite.create({ data: { code, membershipId: first.id, expiresAt, createdAt: now } });
        await audit(tx, { kind: "cli" }, "invite.issued", "Membership", first.id, { expiresAt: expiresAt.toISOString() }, now);
        issued.push({ code, expiresAt, personName: first.person.name, phone: first.person.phone, roles: held.map(roleInScope) });
      }
      return issued;
    });
  }

  /** Binds the chat identity presenting `code` to the invite's person. */
  async redeem(input: {
    platform: Platform;
    userId: string;
    chatId: string;
    username?: string;
    firstName?: string;
    code: string;
  }): Promise<RedeemResult> {
    const code = input.code.trim().toUpperCase();
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const invite = await tx.invite.findUnique({
        where: { code },
        include: {
          membership: {
            include: {
              person: {
                include: { memberships: { where: { active: true }, include: { agency: true, committee: true }, orderBy: { id: "asc" } } },
              },
            },
          },
        },
      });
      if (!invite) return { ok: false, reason: "unknown" } as const;
      const existing = await tx.chatIdentity.findUnique({ where: { platform_userId: { platform: input.platform, userId: input.userId } } });
      const person = invite.membership.person;
      if (invite.usedAt) {
        // Pressing the same link twice is not an error for the person it belongs to.
        if (existing && existing.id === invite.usedByIdentityId)
          return { ok: true, personName: person.name, roles: person.memberships.map(roleInScope), alreadyBound: true } as const;
        return { ok: false, reason: "used" } as const;
      }
      if (invite.expiresAt <= now) return { ok: false, reason: "expired" } as const;
      if (existing && existing.personId !== person.id) return { ok: false, reason: "bound_to_other" } as const;
      const identity = existing
        ? await tx.chatIdentity.update({
            where: { id: existing.id },
            data: {
              chatId: input.chatId,
              username: input.username ?? null,
              firstName: input.firstName ?? null,
              reachable: true,
              lastSeenAt: now,
            },
          })
        : await tx.chatIdentity.create({
            data: {
              personId: person.id,
              platform: input.platform,
              userId: input.userId,
              chatId: input.chatId,
              username: input.username ?? null,
              firstName: input.firstName ?? null,
              lastSeenAt: now,
            },
          });
      await tx.invite.update({ where: { id: invite.id }, data: { usedAt: now, usedByIdentityId: identity.id } });
      await audit(
        tx,
        { kind: "person", personId: person.id, platform: input.platform },
        "invite.redeemed",
        "Membership",
        invite.membershipId,
        { identityId: identity.id },
        now,
      );
      return { ok: true, personName: person.name, roles: person.memberships.map(roleInScope), alreadyBound: !!existing } as const;
    });
  }
}

function roleInScope(m: { role: string; agency: { name: string } | null; committee: { name: string } | null }): RoleInScope {
  return { role: m.role, scope: m.agency?.name ?? m.committee?.name ?? "" };
}
