/**
 * `peygir import`: loads a committee file (see domain/committee-file) into the database.
 *
 * All or nothing: the file is validated completely before anything is written, and everything is
 * written in one transaction, so a bad file or a database failure leaves the database as it was.
 *
 * Idempotent: each row is found by its identity in the file and only the fields that differ are
 * written, so importing the same file twice creates nothing, updates nothing (updatedAt does not
 * move) and reports "nothing changed". Identities:
 *   committee: code · agency: code · membership: person, role, scope · meeting: committee, number ·
 *   resolution: meeting, number · party: resolution, agency · committee–agency link: both ids ·
 *   person: phone; a person without a phone is known by name among the people without a phone
 *   (so renaming such a person creates a new one), and when the file later gives a phone-less
 *   person a phone, that row gets the phone instead of a new person being created.
 *
 * The file owns a committee's list of agencies and a resolution's parties: links it no longer
 * lists are removed. Agencies, people, memberships, meetings and resolutions are never deleted by
 * an import (they may already carry assignments, reports and history).
 */
import { readFile, stat } from "node:fs/promises";
import { Prisma, type Db, type Tx, isUniqueViolation } from "../db/client.js";
import { ladderRows } from "../db/sql/ladder-rows.js";
import { deadlineInstant } from "../domain/calendar/index.js";
import { planAssignments } from "./escalation/plan.js";
import { jalaliToInstant } from "../domain/calendar/index.js";
import {
  type AgencyEntry,
  type CommitteeEntry,
  type CommitteeFile,
  type CommitteeFileError,
  type MeetingEntry,
  type PersonEntry,
  type ResolutionEntry,
  type RoleEntry,
  fileSizeProblem,
  parseCommitteeFile,
} from "../domain/committee-file/index.js";
import type { Result } from "../domain/result.js";
import type { Clock } from "../shared/clock.js";
import { type Actor, audit } from "./audit.js";
import { propagateToPublished, type PublishedResolutionChange, type ResolutionFieldChange } from "./import-propagation.js";
import type { Notifier } from "./notifications.js";

/** Entity kinds an import writes, in the order it writes them (and the summary lists them). */
export const IMPORTED_ENTITIES = [
  "committee",
  "agency",
  "committeeAgency",
  "person",
  "membership",
  "meeting",
  "resolution",
  "resolutionParty",
] as const;
export type ImportedEntity = (typeof IMPORTED_ENTITIES)[number];

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

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Only links (committee agencies, resolution parties) are ever removed. */
  removed: number;
}

export interface ImportSummary {
  readonly committeeCode: string;
  readonly counts: Readonly<Record<ImportedEntity, EntityCounts>>;
  /** The file's meetings, as stored: the number to give `peygir publish --meeting`. */
  readonly meetings: readonly { number: string; heldOn: Date; resolutions: number; published: boolean }[];
  /** Published resolutions this import changed, and what their assignments got. */
  readonly published: readonly PublishedResolutionChange[];
  /** False when the database already matched the file: nothing was written. */
  readonly changed: boolean;
}

export type CommitteeFileRead = Result<CommitteeFile, readonly CommitteeFileError[]>;
export type ImportOutcome = Result<ImportSummary, readonly CommitteeFileError[]>;

const CLI_ACTOR: Actor = { kind: "cli" };
/** A county's file is a few hundred rows; PostgreSQL round trips add up, so allow more than Prisma's 5 s. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

export class ImportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  /** Reads, validates and imports a file; a file with problems writes nothing and answers them all. */
  async importFile(path: string, actor: Actor = CLI_ACTOR): Promise<ImportOutcome> {
    const file = await readCommitteeFile(path);
    if (!file.ok) return file;
    return { ok: true, value: await this.importDocument(file.value, actor) };
  }

  /** Writes a validated document in one transaction; see the top of this file for what "the same row" means. */
  async importDocument(doc: CommitteeFile, actor: Actor = CLI_ACTOR): Promise<ImportSummary> {
    const at = this.clock.now();
    try {
      return await this.db.$transaction((tx) => new ImportRun(tx, actor, at, this.notifier).run(doc), TRANSACTION_OPTIONS);
    } catch (error) {
      // Every row is looked up before it is created, so only a concurrent writer can collide with us.
      if (isUniqueViolation(error)) throw new ImportConflictError();
      throw error;
    }
  }
}

export class ImportConflictError extends Error {
  override name = "ImportConflictError";
  constructor() {
    super("another import wrote the same rows at the same moment; nothing was imported, run the import again");
  }
}

/** A committee file read from disk and validated; I/O problems come back as errors like any other. */
export async function readCommitteeFile(path: string): Promise<CommitteeFileRead> {
  let bytes: Buffer;
  try {
    // Refused before it is read: a 20 MB file must not be loaded to learn that it is too big.
    const tooBig = fileSizeProblem((await stat(path)).size);
    if (tooBig) return { ok: false, error: [tooBig] };
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, error: [{ path: "", message: describeReadError(path, error) }] };
  }
  let text: string;
  try {
    // fatal: a file saved in another encoding (e.g. Windows-1256) must be refused, not garbled.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: [{ path: "", message: `${path} is not UTF-8 text: save it with the UTF-8 encoding and try again` }] };
  }
  return parseCommitteeFile(text);
}

function describeReadError(path: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return `file not found: ${path}`;
    case "EISDIR":
      return `${path} is a directory; give the path of a .yaml file`;
    case "EACCES":
      return `cannot read ${path}: permission denied`;
    default:
      return `cannot read ${path}: ${(error as Error).message}`;
  }
}

type Fields = Record<string, unknown>;

/** One import inside its transaction: writes rows in dependency order, counts and audits each change. */
class ImportRun {
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
    const desired = { name: p.name, phone: p.phone };
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

/** Prisma writes a null Json column as DbNull (plain null would mean the JSON value null). */
type NullableJson = "weeklyReportTemplate" | "quotas" | "escalationPolicy";

/** The committee's nullable JSON columns: a null in the file's terms is the database's JSON null. */
function withDbNull<F extends Partial<Record<NullableJson, Prisma.InputJsonValue | null>>>(
  fields: F,
): Omit<F, NullableJson> & Partial<Record<NullableJson, Prisma.InputJsonValue | typeof Prisma.DbNull>> {
  const { weeklyReportTemplate, quotas, escalationPolicy, ...rest } = fields;
  const json = (v: Prisma.InputJsonValue | null | undefined) => (v === undefined ? undefined : (v ?? Prisma.DbNull));
  return {
    ...rest,
    ...(weeklyReportTemplate === undefined ? {} : { weeklyReportTemplate: json(weeklyReportTemplate) }),
    ...(quotas === undefined ? {} : { quotas: json(quotas) }),
    ...(escalationPolicy === undefined ? {} : { escalationPolicy: json(escalationPolicy) }),
  };
}

/** The fields of `desired` whose value differs from the row's. */
function changedFields<F extends Fields>(row: Fields, desired: F): Partial<F> {
  return Object.fromEntries(Object.entries(desired).filter(([field, value]) => !sameValue(row[field], value))) as Partial<F>;
}

/** For the audit log: { field: { from, to } }. */
function fromTo(row: Fields, changes: Fields): Fields {
  return Object.fromEntries(Object.entries(changes).map(([field, to]) => [field, { from: row[field] ?? null, to }]));
}

/**
 * Equality of a stored value and a desired one: instants by time, JSON by content (PostgreSQL's
 * jsonb does not keep key order), null and undefined alike.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const x = a as Fields;
    const y = b as Fields;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameValue(x[k], y[k]));
  }
  return a === b;
}

/** A plain JSON copy (instants as ISO strings, undefined dropped), as a Json column takes it. */
function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
