/**
 * Who a notice goes to: the agencies chosen (all of the committee's, some, those of chosen
 * resolutions), by role (heads, liaisons or both), and/or the committee's governorate recipients.
 * One recipient per person and agency: a person who is both head and liaison of an agency is
 * invited once, as its head.
 */
/** A notice goes to an agency's heads and/or liaisons. */
import { AGENCY_ROLES, type AgencyRole } from "../vocabulary.js";
export const AUDIENCE_ROLES = AGENCY_ROLES;
export type AudienceRole = AgencyRole;

export interface AudienceSpec {
  allAgencies: boolean;
  agencyIds: number[];
  /** The agencies named on these resolutions (every agency for a `lead: all` one). */
  resolutionIds: number[];
  governorate: boolean;
  roles: AudienceRole[];
}

export interface MembershipFact {
  personId: number;
  role: string;
  agencyId: number | null;
}

export interface AudienceFacts {
  committeeAgencyIds: number[];
  /** Agencies per resolution of this committee (already expanded for `lead: all`). */
  resolutionAgencyIds: Map<number, number[]>;
  /** Active memberships: agency heads and liaisons of the committee's agencies, and its governorate recipients. */
  memberships: MembershipFact[];
}

export interface AudienceMember {
  personId: number;
  agencyId: number | null;
  role: "head" | "liaison" | "governorate";
  scopeKey: string;
}

export const scopeKeyOf = (agencyId: number | null): string => (agencyId === null ? "governorate" : `agency:${agencyId}`);

/** The agencies a spec names, in committee order (only the committee's own agencies count). */
export function audienceAgencies(spec: AudienceSpec, facts: AudienceFacts): number[] {
  const chosen = new Set<number>(spec.allAgencies ? facts.committeeAgencyIds : spec.agencyIds);
  for (const id of spec.resolutionIds) for (const agencyId of facts.resolutionAgencyIds.get(id) ?? []) chosen.add(agencyId);
  return facts.committeeAgencyIds.filter((id) => chosen.has(id));
}

export function selectAudience(spec: AudienceSpec, facts: AudienceFacts): AudienceMember[] {
  const agencies = new Set(audienceAgencies(spec, facts));
  const roles = new Set<string>(spec.roles);
  const byKey = new Map<string, AudienceMember>();
  for (const m of facts.memberships) {
    let member: AudienceMember | undefined;
    if (m.role === "governorate" && spec.governorate)
      member = { personId: m.personId, agencyId: null, role: "governorate", scopeKey: "governorate" };
    else if ((m.role === "head" || m.role === "liaison") && m.agencyId !== null && agencies.has(m.agencyId) && roles.has(m.role)) {
      member = { personId: m.personId, agencyId: m.agencyId, role: m.role, scopeKey: scopeKeyOf(m.agencyId) };
    }
    if (!member) continue;
    const key = `${member.personId}|${member.scopeKey}`;
    const existing = byKey.get(key);
    if (!existing || (existing.role === "liaison" && member.role === "head")) byKey.set(key, member);
  }
  return [...byKey.values()];
}

/** True when a spec names nobody at all (no agency and no governorate, or no role). */
export function isEmptyAudience(spec: AudienceSpec): boolean {
  const anyAgency = spec.allAgencies || spec.agencyIds.length > 0 || spec.resolutionIds.length > 0;
  return !spec.governorate && (!anyAgency || spec.roles.length === 0);
}
