/**
 * Who may do what on the secretariat side, checked against the database on every call: the
 * committee's secretariat may do everything; its governorate members may read items and give
 * instructions; anyone else (agency heads and liaisons included) may do none of it. A refusal
 * does not say whether the item exists.
 */
import type { Platform } from "../../config/index.js";
import type { Tx } from "../../db/client.js";
import type { Actor } from "../audit.js";

/** A person acting from a chat (or the CLI) on the secretariat side. */
export interface StaffActor {
  personId: number;
  platform: Platform;
}

export type StaffRole = "secretariat" | "governorate";

/** Secretariat only: recording, verifying, extending, cancelling, reassigning, deciding requests. */
export const MANAGE: readonly StaffRole[] = ["secretariat"];
/** Secretariat and governorate: reading items and their history, giving instructions. */
export const OVERSEE: readonly StaffRole[] = ["secretariat", "governorate"];

export const auditActor = (actor: StaffActor): Actor => ({ kind: "person", personId: actor.personId, platform: actor.platform });

/** The committees where the person holds one of `roles` (active memberships only). */
export async function committeeIdsOf(tx: Tx, personId: number, roles: readonly StaffRole[]): Promise<number[]> {
  const rows = await tx.membership.findMany({
    where: { personId, active: true, role: { in: [...roles] }, committeeId: { not: null } },
    select: { committeeId: true },
    orderBy: { committeeId: "asc" },
  });
  return [...new Set(rows.map((r) => r.committeeId!))];
}

export async function holdsRole(tx: Tx, personId: number, committeeId: number, roles: readonly StaffRole[]): Promise<boolean> {
  return (await committeeIdsOf(tx, personId, roles)).includes(committeeId);
}

/** What a change on an item needs to know about it. */
export interface ItemFacts {
  id: number;
  status: string;
  deadline: Date | null;
  agencyId: number;
  role: string;
  resolutionId: number;
  resolutionNumber: number;
  resolutionKind: string;
  resolutionDeadline: Date | null;
  meetingNumber: string;
  committeeId: number;
  calendar: unknown;
}

/** The item, when the person holds one of `roles` in its committee; undefined for "no such item" and "not yours" alike. */
export async function itemFor(tx: Tx, personId: number, assignmentId: number, roles: readonly StaffRole[]): Promise<ItemFacts | undefined> {
  const item = await itemFacts(tx, assignmentId);
  return item && (await holdsRole(tx, personId, item.committeeId, roles)) ? item : undefined;
}

/** What a change needs to know about an item, before anyone's access to it is checked. */
export async function itemFacts(tx: Tx, assignmentId: number): Promise<ItemFacts | undefined> {
  const row = await tx.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      status: true,
      deadline: true,
      agencyId: true,
      role: true,
      resolution: {
        select: {
          id: true,
          number: true,
          kind: true,
          deadline: true,
          meeting: { select: { number: true, committeeId: true, committee: { select: { calendar: true } } } },
        },
      },
    },
  });
  if (!row) return undefined;
  const committeeId = row.resolution.meeting.committeeId;
  return {
    id: row.id,
    status: row.status,
    deadline: row.deadline,
    agencyId: row.agencyId,
    role: row.role,
    resolutionId: row.resolution.id,
    resolutionNumber: row.resolution.number,
    resolutionKind: row.resolution.kind,
    resolutionDeadline: row.resolution.deadline,
    meetingNumber: row.resolution.meeting.number,
    committeeId,
    calendar: row.resolution.meeting.committee.calendar,
  };
}

export async function nameOf(tx: Tx, personId: number): Promise<string> {
  return (await tx.person.findUnique({ where: { id: personId }, select: { name: true } }))?.name ?? "";
}

export type { Platform };
