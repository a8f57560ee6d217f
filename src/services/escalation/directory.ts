/**
 * Who holds which role, for the agencies and committees of one scheduler batch, read at once: the
 * pass resolves every recipient from here instead of a query per message.
 */
import type { Platform } from "../../config/index.js";
import type { Tx } from "../../db/client.js";
import { inSlices } from "../../db/in-slices.js";
import { directoryRows } from "../../db/sql/directory-rows.js";
import type { Role } from "../../domain/vocabulary.js";

export interface Contact {
  personId: number;
  name: string;
  role: Role;
  /** Has at least one chat on a configured platform that is not marked unreachable. */
  reachable: boolean;
  /** Has bound any chat at all (false: never joined the bot). */
  joined: boolean;
}

export class Directory {
  private constructor(
    private readonly byAgency: Map<number, Contact[]>,
    private readonly byCommittee: Map<number, Contact[]>,
  ) {}

  static async load(
    tx: Tx,
    agencyIds: Iterable<number>,
    committeeIds: Iterable<number>,
    platforms: readonly Platform[],
  ): Promise<Directory> {
    const agencies = [...new Set(agencyIds)];
    const committees = [...new Set(committeeIds)];
    // In slices: each statement's IN list stays small, however many agencies a pass touches.
    const memberships = [
      ...(await inSlices(agencies, (agencyIds) => directoryRows(tx, { agencyIds }))),
      ...(await inSlices(committees, (committeeIds) => directoryRows(tx, { committeeIds }))),
    ];
    const byAgency = new Map<number, Contact[]>();
    const byCommittee = new Map<number, Contact[]>();
    for (const m of memberships) {
      const contact: Contact = {
        personId: m.personId,
        name: m.name,
        role: m.role as Contact["role"],
        joined: m.identities.length > 0,
        reachable: m.identities.some((i) => i.reachable && platforms.includes(i.platform as Platform)),
      };
      const [map, key] = m.agencyId !== null ? [byAgency, m.agencyId] : [byCommittee, m.committeeId!];
      map.set(key, [...(map.get(key) ?? []), contact]);
    }
    return new Directory(byAgency, byCommittee);
  }

  /** An agency's liaisons (its heads where it has none) or heads (its liaisons where it has none). */
  agency(agencyId: number, role: "liaison" | "head"): Contact[] {
    const all = this.byAgency.get(agencyId) ?? [];
    const chosen = all.filter((c) => c.role === role);
    return chosen.length > 0 ? chosen : all.filter((c) => c.role !== role);
  }

  committee(committeeId: number, role: "secretariat" | "governorate"): Contact[] {
    return (this.byCommittee.get(committeeId) ?? []).filter((c) => c.role === role);
  }

  /** Where digests go: the governorate members, or the secretariat of a committee without any. */
  digestRecipients(committeeId: number): Contact[] {
    const governorate = this.committee(committeeId, "governorate");
    return governorate.length > 0 ? governorate : this.committee(committeeId, "secretariat");
  }
}

/** Why nobody at an agency can be reached, if so: nobody joined, or every chat failed (403). */
export function unreachableCause(contacts: readonly Contact[]): "no_contact" | "failed" | undefined {
  if (contacts.some((c) => c.reachable)) return undefined;
  return contacts.some((c) => c.joined) ? "failed" : "no_contact";
}
