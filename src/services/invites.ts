/**
 * Invites: one-time codes that bind a chat identity to a membership. The secretariat prints
 * them with `peygir invite` and hands each person their link; `/start CODE` redeems it
 * (services/joining.ts). A new code for a person revokes their earlier unused ones, so only the
 * latest paper or message in circulation works.
 */
import { randomInt } from "node:crypto";
import type { Db } from "../db/client.js";
import { parsePhone } from "../domain/text/index.js";
import type { Clock } from "../shared/clock.js";
import { audit } from "./audit.js";
import type { RoleInScope } from "./binding.js";

/** No 0/O, 1/I/L: codes are read aloud and typed from paper too. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** 31^10 ≈ 2^49.5: with guessing throttled (invite-throttle.ts) that is far beyond reach; keep it ≥ 48 bits. */
export const CODE_LENGTH = 10;

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

export interface IssuedInvite {
  code: string;
  expiresAt: Date;
  personName: string;
  phone: string | null;
  /** The matching roles; one code serves them all, since it binds the person's chat. */
  roles: RoleInScope[];
  /** Earlier unused codes of this person that this one replaced. */
  revokedEarlier: number;
}

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
        const revoked = await tx.invite.updateMany({
          where: { membership: { personId: first.personId }, usedAt: null, revokedAt: null },
          data: { revokedAt: now },
        });
        const code = newInviteCode();
        await tx.invite.create({ data: { code, membershipId: first.id, expiresAt, createdAt: now } });
        await audit(
          tx,
          { kind: "cli" },
          "invite.issued",
          "Membership",
          first.id,
          { expiresAt: expiresAt.toISOString(), revokedEarlier: revoked.count },
          now,
        );
        issued.push({
          code,
          expiresAt,
          personName: first.person.name,
          phone: first.person.phone,
          roles: held.map(roleInScope),
          revokedEarlier: revoked.count,
        });
      }
      return issued;
    });
  }
}

function roleInScope(m: { role: string; agency: { name: string } | null; committee: { name: string } | null }): RoleInScope {
  return { role: m.role, scope: m.agency?.name ?? m.committee?.name ?? "" };
}
