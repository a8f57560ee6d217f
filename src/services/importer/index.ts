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
import { type Db, isUniqueViolation } from "../../db/client.js";
import { type CommitteeFile, type CommitteeFileError } from "../../domain/committee-file/index.js";
import type { Result } from "../../domain/result.js";
import type { Clock } from "../../shared/clock.js";
import { type Actor } from "../audit.js";
import { type PublishedResolutionChange } from "../import-propagation.js";
import type { Notifier } from "../notifications.js";

import { ImportRun } from "./import-run.js";
import { readCommitteeFile } from "./read-file.js";

export { readCommitteeFile };

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
