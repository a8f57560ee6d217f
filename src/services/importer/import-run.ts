/** One import inside its transaction (see importer/index.ts for the rules it keeps). */
import { identitiesChanged } from "../../db/identity-changes.js";
import { type Tx } from "../../db/client.js";
import { ladderRows } from "../../db/sql/ladder-rows.js";
import { deadlineInstant } from "../../domain/calendar/index.js";
import { planAssignments } from "../escalation/plan.js";
import { jalaliToInstant } from "../../domain/calendar/index.js";
import {
  type AgencyEntry,
  type CommitteeEntry,
  type CommitteeFile,
  type MeetingEntry,
  type PersonEntry,
  type ResolutionEntry,
  type RoleEntry,
} from "../../domain/committee-file/index.js";
import { type Actor, audit } from "../audit.js";
import { propagateToPublished, type ResolutionFieldChange } from "../import-propagation.js";
import type { Notifier } from "../notifications.js";

import { asJson, changedFields, fromTo, sameValue, withDbNull, type Fields } from "./field-diff.js";
import { IMPORTED_ENTITIES, type EntityCounts, type ImportedEntity, type ImportSummary } from "./index.js";

/** One import inside its transaction: writes rows in dependency order, counts and audits each change. */
/** Model names, as the audit log records them. */
const AUDITED_AS: Readonly<Record<ImportedEntity, string>> = {
  committee: "Committee",
  agency: "Agency",
  committeeAgency: "CommitteeAgency",
  person: "Person",
  membership: "Membership",
  meeting: "Meeting",
  resolution: "Resolution",
  resolutionParty: "ResolutionParty",
};

export class ImportRun {
  private readonly counts = Object.fromEntries(
    IMPORTED_ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0, removed: 0 }]),
  ) as Record<ImportedEntity, EntityCounts>;
  private readonly agencyIds = new Map<string, number>();
  /** The file's committee, once written. */
  private committeeId = 0;
  private committeeCode = "";
  /** The committee's escalation policy or calendar changed: its open ladders are re-planned. */
  private ladderChanged = false;
  private readonly meetings: { number: string; heldOn: Date; resolutions: number; published: boolean }[] = [];
  /** Text and deadline changes of existing resolutions, by id: published ones pass them on to their assignments. */
  private readonly fieldChanges = new Map<number, ResolutionFieldChange>();

  constructor(
    private readonly tx: Tx,
    private readonly actor: Actor,
    private readonly at: Date,
    private readonly notifier: Notifier,
  ) {}

  async run(doc: CommitteeFile): Promise<ImportSummary> {
    this.committeeId = await this.committee(doc.committee);
    this.committeeCode = doc.committee.code;
    for (const agency of doc.agencies) this.agencyIds.set(agency.code, await this.agency(agency));
    await this.committeeAgencies();
    for (const person of doc.people) await this.person(person);
    for (const meeting of doc.meetings) await this.meeting(meeting);
    const changed = Object.values(this.counts).some((c) => c.created + c.updated + c.removed > 0);
    // People, their memberships, agency and committee names: what a remembered caller shows.
    if (changed) identitiesChanged(this.tx);
    const published = changed
      ? await propagateToPublished(this.tx, this.notifier, {
          committeeId: this.committeeId,
          fieldChanges: this.fieldChanges,
          at: this.at,
          actor: this.actor,
        })
      : [];
    if (this.ladderChanged) await this.replanLadders();
    return { committeeCode: doc.committee.code, counts: this.counts, meetings: this.meetings, published, changed };
  }

  private async committee(c: CommitteeEntry): Promise<number> {
    const desired = {
      name: c.name,
      county: c.county,
      province: c.province,
      calendar: asJson(c.calendar),
      weeklyReportTemplate: c.weeklyReport === null ? null : asJson(c.weeklyReport),
      escalationPolicy: c.escalation === null ? null : asJson(c.escalation),
      quotas: c.quotas.length === 0 ? null : asJson(c.quotas),
      verifyContact: c.verifyContact,
    };
    const existing = await this.tx.committee.findUnique({ where: { code: c.code } });
    const changed = existing ? changedFields(existing, desired) : {};
    this.ladderChanged = "escalationPolicy" in changed || "calendar" in changed;
    return this.sync("committee", existing, desired, {
      create: () => this.tx.committee.create({ data: { code: c.code, ...withDbNull(desired) } }),
      update: (id, changes) => this.tx.committee.update({ where: { id }, data: withDbNull(changes) }),
    });
  }

  /** A new policy or calendar applies from now on: each open assignment's next rung is recomputed under it. */
  private async replanLadders(): Promise<void> {
    const open = await ladderRows(this.tx, { open: true, committeeCode: this.committeeCode });
    await planAssignments(
      this.tx,
      open.map((row) => row.id),
      this.at,
    );
  }

  private async agency(a: AgencyEntry): Promise<number> {
    const desired = { name: a.name, kind: a.kind };
    const existing = await this.tx.agency.findUnique({ where: { code: a.code } });
    return this.sync("agency", existing, desired, {
      create: () => this.tx.agency.create({ data: { code: a.code, ...desired } }),
      update: (id, changes) => this.tx.agency.update({ where: { id }, data: changes }),
    });
  }

  /** The committee takes part with exactly the agencies of its file (`lead: all` means these). */
  private async committeeAgencies(): Promise<void> {
    const committeeId = this.committeeId;
    const existing = await this.tx.committeeAgency.findMany({ where: { committeeId } });
    const key = (agencyId: number) => ({ committeeId_agencyId: { committeeId, agencyId } });
    await this.syncLinks(
      "committeeAgency",
      existing.map((link) => ({ agencyId: link.agencyId, fields: {} })),
      new Map([...this.agencyIds.values()].map((agencyId) => [agencyId, {}])),
      {
        id: (agencyId) => `${committeeId}:${agencyId}`,
        create: (agencyId) => this.tx.committeeAgency.create({ data: { committeeId, agencyId } }),
        update: async () => undefined,
        remove: (agencyId) => this.tx.committeeAgency.delete({ where: key(agencyId) }),
      },
    );
  }

  private async person(p: PersonEntry): Promise<void> {
    const phoneless = () => this.tx.person.findFirst({ where: { phone: null, name: p.name }, orderBy: { id: "asc" } });
    const existing =
      p.phone === null ? await phoneless() : ((await this.tx.person.findUnique({ where: { phone: p.phone } })) ?? (await phoneless()));
    const desired = { name: p.name, phone: p.phone, gender: p.gender };
    const personId = await this.sync("person", existing, desired, {
      create: () => this.tx.person.create({ data: desired }),
      update: (id, changes) => this.tx.person.update({ where: { id }, data: changes }),
    });
    for (const role of p.roles) await this.membership(personId, role);
  }

  private async membership(personId: number, role: RoleEntry): Promise<void> {
    const scope =
      "agency" in role
        ? { agencyId: this.agencyId(role.agency), committeeId: null }
        : { agencyId: null, committeeId: this.committeeOf(role.committee) };
    const scopeKey = scope.agencyId !== null ? `agency:${scope.agencyId}` : `committee:${scope.committeeId}`;
    const desired = { ...scope, title: role.title, active: true };
    const existing = await this.tx.membership.findUnique({ where: { personId_role_scopeKey: { personId, role: role.role, scopeKey } } });
    await this.sync("membership", existing, desired, {
      create: () => this.tx.membership.create({ data: { personId, role: role.role, scopeKey, ...desired } }),
      update: (id, changes) => this.tx.membership.update({ where: { id }, data: changes }),
    });
  }

  private async meeting(m: MeetingEntry): Promise<void> {
    const committeeId = this.committeeId;
    // Tehran midnight of the meeting day.
    const desired = { heldOn: jalaliToInstant(m.date), title: m.title, chair: m.chair };
    const existing = await this.tx.meeting.findUnique({ where: { committeeId_number: { committeeId, number: m.number } } });
    const meetingId = await this.sync("meeting", existing, desired, {
      create: () => this.tx.meeting.create({ data: { committeeId, number: m.number, ...desired } }),
      update: (id, changes) => this.tx.meeting.update({ where: { id }, data: changes }),
    });
    for (const resolution of m.resolutions) await this.resolution(meetingId, resolution);
    this.meetings.push({ number: m.number, heldOn: desired.heldOn, resolutions: m.resolutions.length, published: !!existing?.publishedAt });
  }

  private async resolution(meetingId: number, r: ResolutionEntry): Promise<void> {
    const desired = {
      text: r.text,
      kind: r.kind,
      leadAll: r.lead.kind === "all",
      deadline: r.deadline === null ? null : deadlineInstant(r.deadline),
      reportTo: r.reportTo,
    };
    const existing = await this.tx.resolution.findUnique({ where: { meetingId_number: { meetingId, number: r.number } } });
    if (existing) {
      const change: ResolutionFieldChange = {
        ...(existing.text !== desired.text ? { text: { from: existing.text, to: desired.text } } : {}),
        ...(!sameValue(existing.deadline, desired.deadline) ? { deadline: { from: existing.deadline, to: desired.deadline } } : {}),
      };
      if (change.text || change.deadline) this.fieldChanges.set(existing.id, change);
    }
    const resolutionId = await this.sync("resolution", existing, desired, {
      create: () => this.tx.resolution.create({ data: { meetingId, number: r.number, ...desired } }),
      update: (id, changes) => this.tx.resolution.update({ where: { id }, data: changes }),
    });
    await this.parties(resolutionId, r);
  }

  /** Lead and co agencies; none for `lead: all`, whose agencies are the committee's. */
  private async parties(resolutionId: number, r: ResolutionEntry): Promise<void> {
    const desired = new Map<number, { role: string }>();
    if (r.lead.kind === "agency") desired.set(this.agencyId(r.lead.code), { role: "lead" });
    for (const code of r.co) desired.set(this.agencyId(code), { role: "co" });
    const existing = await this.tx.resolutionParty.findMany({ where: { resolutionId } });
    const key = (agencyId: number) => ({ resolutionId_agencyId: { resolutionId, agencyId } });
    await this.syncLinks(
      "resolutionParty",
      existing.map((party) => ({ agencyId: party.agencyId, fields: { role: party.role } })),
      desired,
      {
        id: (agencyId) => `${resolutionId}:${agencyId}`,
        create: (agencyId, fields) => this.tx.resolutionParty.create({ data: { resolutionId, agencyId, ...fields } }),
        update: (agencyId, changes) => this.tx.resolutionParty.update({ where: key(agencyId), data: changes }),
        remove: (agencyId) => this.tx.resolutionParty.delete({ where: key(agencyId) }),
      },
    );
  }

  /** Creates the row, or updates just the fields that differ, or leaves it alone; counts and audits what it did. */
  private async sync<F extends Fields>(
    entity: ImportedEntity,
    existing: ({ id: number } & Fields) | null,
    desired: F,
    write: { create(): Promise<{ id: number }>; update(id: number, changes: Partial<F>): Promise<unknown> },
  ): Promise<number> {
    if (!existing) {
      const { id } = await write.create();
      await this.record(entity, "created", id, { values: desired });
      return id;
    }
    const changes = changedFields(existing, desired);
    if (Object.keys(changes).length === 0) {
      this.counts[entity].unchanged++;
      return existing.id;
    }
    await write.update(existing.id, changes);
    await this.record(entity, "updated", existing.id, { changes: fromTo(existing, changes) });
    return existing.id;
  }

  /** sync() for the link rows of one owner, keyed by agency id: creates, updates and removes to match `desired`. */
  private async syncLinks<F extends Fields>(
    entity: ImportedEntity,
    existing: readonly { agencyId: number; fields: F }[],
    desired: ReadonlyMap<number, F>,
    write: {
      id(agencyId: number): string;
      create(agencyId: number, fields: F): Promise<unknown>;
      update(agencyId: number, changes: Partial<F>): Promise<unknown>;
      remove(agencyId: number): Promise<unknown>;
    },
  ): Promise<void> {
    const current = new Map(existing.map((link) => [link.agencyId, link.fields]));
    for (const [agencyId, fields] of desired) {
      const now = current.get(agencyId);
      if (!now) {
        await write.create(agencyId, fields);
        await this.record(entity, "created", write.id(agencyId), { values: fields });
        continue;
      }
      const changes = changedFields(now, fields);
      if (Object.keys(changes).length === 0) {
        this.counts[entity].unchanged++;
        continue;
      }
      await write.update(agencyId, changes);
      await this.record(entity, "updated", write.id(agencyId), { changes: fromTo(now, changes) });
    }
    for (const [agencyId, fields] of current) {
      if (desired.has(agencyId)) continue;
      await write.remove(agencyId);
      await this.record(entity, "removed", write.id(agencyId), { values: fields });
    }
  }

  private async record(entity: ImportedEntity, what: "created" | "updated" | "removed", id: number | string, data: Fields): Promise<void> {
    this.counts[entity][what]++;
    await audit(this.tx, this.actor, `import.${what}`, AUDITED_AS[entity], id, asJson(data) as Fields, this.at);
  }

  /** Ids of codes the file declares; a document that refers to others was not validated (a bug, so it throws and rolls back). */
  private agencyId(code: string): number {
    const id = this.agencyIds.get(code);
    if (id === undefined) throw new Error(`the document refers to agency "${code}", which it does not declare`);
    return id;
  }

  private committeeOf(code: string): number {
    if (code !== this.committeeCode) throw new Error(`the document refers to committee "${code}", which is not its own`);
    return this.committeeId;
  }
}
