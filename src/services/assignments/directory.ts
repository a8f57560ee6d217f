/**
 * Who belongs where, for the agency side: the agencies a person acts for, whether they are a
 * member, and who hears from an agency or a committee's secretariat. Always read from the
 * database, the source of truth, never from what a handler believes about the caller.
 */
import type { Tx } from "../../db/client.js";
import { inSlices } from "../../db/in-slices.js";
import { AGENCY_ROLES } from "../../domain/vocabulary.js";

/** The agencies a person may act for, from the database (the source of truth, not a cached caller). */
export async function agencyIdsOf(tx: Tx, personId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { personId, active: true, role: { in: [...AGENCY_ROLES] }, agencyId: { not: null } },
    select: { agencyId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.agencyId!))];
}

export async function isAgencyMember(tx: Tx, personId: number, agencyId: number): Promise<boolean> {
  const found = await tx.membership.findFirst({
    where: { personId, agencyId, active: true, role: { in: [...AGENCY_ROLES] } },
    select: { id: true },
  });
  return found !== null;
}

/** The people who hear from an agency: its active heads and liaisons, each once. */
export async function agencyContacts(tx: Tx, agencyId: number): Promise<number[]> {
  return (await contactsOfAgencies(tx, [agencyId])).get(agencyId) ?? [];
}

/** The people who hear from each of these agencies (as agencyContacts), in one query per slice. */
export async function contactsOfAgencies(tx: Tx, agencyIds: readonly number[]): Promise<Map<number, number[]>> {
  const memberships = await inSlices([...new Set(agencyIds)], (slice) =>
    tx.membership.findMany({
      where: { agencyId: { in: slice }, active: true, role: { in: [...AGENCY_ROLES] } },
      select: { personId: true, agencyId: true },
      orderBy: { id: "asc" },
    }),
  );
  const contacts = new Map<number, Set<number>>();
  for (const m of memberships) {
    const people = contacts.get(m.agencyId!) ?? new Set<number>();
    contacts.set(m.agencyId!, people.add(m.personId));
  }
  return new Map([...contacts].map(([agencyId, people]) => [agencyId, [...people]]));
}

export async function secretariatOf(tx: Tx, committeeId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { committeeId, role: "secretariat", active: true },
    select: { personId: true },
    orderBy: { id: "asc" },
  });
  return [...new Set(memberships.map((m) => m.personId))];
}
