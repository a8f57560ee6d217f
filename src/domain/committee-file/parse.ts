/**
 * parseCommitteeFile: the text of a committee file in, a validated document or EVERY problem out.
 *
 * 1. YAML syntax (and duplicate keys): if the text is not YAML there is nothing more to check.
 * 2. Shape and values, part by part: the committee, then each agency, person, role, meeting and
 *    resolution on its own, so a broken part hides neither its neighbours' problems nor its children's.
 * 3. Cross-checks on the parts that parsed (references, duplicates).
 * Each problem carries its path and line; they are sorted by line.
 */
import { type Document, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Result } from "../result.js";
import { crossCheck } from "./cross-checks.js";
import type { Parsed } from "./duplicates.js";
import { code, label, phone, positiveInteger, text } from "./fields.js";
import { COMMITTEE_FILE_LIMITS } from "./limits.js";
import { type Path, type Problem, formatPath, lineOf } from "./locate.js";
import { zodIssueMessage } from "./messages.js";
import { agencySchema, committeeSchema, fileSchema, meetingSchema, personSchema, resolutionSchema, roleSchema } from "./schema.js";
import { splitUnknownKeys } from "./strict-record.js";
import type { CommitteeFile, CommitteeFileError } from "./types.js";

export type CommitteeFileResult = Result<CommitteeFile, readonly CommitteeFileError[]>;

export function parseCommitteeFile(source: string): CommitteeFileResult {
  const tooBig = fileSizeProblem(Buffer.byteLength(source, "utf8"));
  if (tooBig) return { ok: false, error: [tooBig] };
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      error: doc.errors.map((e) => ({ path: "", message: `not valid YAML: ${e.message}`, line: lines.linePos(e.pos[0]).line })),
    };
  }
  const { document, problems } = validate(doc.toJS({ maxAliasCount: 100 }));
  if (problems.length > 0 || !document) return { ok: false, error: locateAll(problems, doc, lines) };
  return { ok: true, value: document };
}

/** The problem with a file of `bytes` bytes, if it is over the limit (checked before it is even read). */
export function fileSizeProblem(bytes: number): CommitteeFileError | undefined {
  const max = COMMITTEE_FILE_LIMITS.fileBytes;
  if (bytes <= max) return undefined;
  const mb = (n: number) => `${(n / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
  return {
    path: "",
    message: `the file is ${mb(bytes)}; a committee file may be at most ${mb(max)} (split it, or remove what is not needed)`,
  };
}

/** Parses parts of a file one by one, collecting the problems of every part. */
class Validation {
  readonly problems: Problem[] = [];

  /** The part at `at` parsed by `schema`, or undefined (with its problems recorded). */
  parse<T>(schema: z.ZodType<T, unknown>, value: unknown, at: Path): Parsed<T> | undefined {
    const result = schema.safeParse(value, { error: zodIssueMessage });
    if (result.success) return { value: result.data, at };
    for (const issue of result.error.issues) this.problems.push(...problemsOf(issue, at));
    return undefined;
  }

  /** Each element of a list parsed on its own; the ones that parsed. */
  parseEach<T>(schema: z.ZodType<T, unknown>, values: readonly unknown[], at: Path): Parsed<T>[] {
    return values.flatMap((value, i) => this.parse(schema, value, [...at, i]) ?? []);
  }
}

/**
 * The identity `field` of each element of a list (its code, phone, number), read on its own and
 * silently: the element's own parse reports what is wrong with it. Paths are the elements'.
 */
function identities<T>(schema: z.ZodType<T, unknown>, values: readonly unknown[], field: string, at: Path): Parsed<T>[] {
  return values.flatMap((value, i) => {
    const result = schema.safeParse(fieldOf(value, field));
    return result.success ? [{ value: result.data, at: [...at, i] }] : [];
  });
}

/** A field of a part that may not have parsed. */
function fieldOf(part: unknown, field: string): unknown {
  return typeof part === "object" && part !== null && !Array.isArray(part) ? (part as Record<string, unknown>)[field] : undefined;
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function problemsOf(issue: z.core.$ZodIssue, at: Path): Problem[] {
  const path = [...at, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
  if (issue.code === "unrecognized_keys") return splitUnknownKeys(issue).map(({ key, message }) => ({ path: [...path, key], message }));
  return [{ path, message: issue.message }];
}

function validate(data: unknown): { document?: CommitteeFile; problems: Problem[] } {
  if (data === null || data === undefined) {
    return { problems: [{ path: [], message: "the file is empty: expected committee, agencies, people and meetings" }] };
  }
  const v = new Validation();
  const file = v.parse(fileSchema, data, [])?.value;
  if (!file) return { problems: v.problems };

  const committee = v.parse(committeeSchema, file.committee, ["committee"]);
  const rawAgencies = file.agencies ?? [];
  const agencies = v.parseEach(agencySchema, rawAgencies, ["agencies"]);
  const rawPeople = file.people ?? [];
  const people = rawPeople.map((raw, i) => {
    const at = ["people", i];
    return { person: v.parse(personSchema, raw, at), roles: v.parseEach(roleSchema, asList(fieldOf(raw, "roles")), [...at, "roles"]) };
  });
  const rawMeetings = file.meetings ?? [];
  const meetings = rawMeetings.map((raw, i) => {
    const at = ["meetings", i];
    const rawResolutions = asList(fieldOf(raw, "resolutions"));
    return {
      meeting: v.parse(meetingSchema, raw, at),
      resolutions: v.parseEach(resolutionSchema, rawResolutions, [...at, "resolutions"]),
      resolutionNumbers: identities(positiveInteger(), rawResolutions, "number", [...at, "resolutions"]),
    };
  });

  v.problems.push(
    ...crossCheck({
      committeeCode: identities(code(), [file.committee], "code", [])[0]?.value,
      agencyCodes: identities(code(), rawAgencies, "code", ["agencies"]),
      phones: identities(phone(), rawPeople, "phone", ["people"]),
      people,
      meetingNumbers: identities(label(), rawMeetings, "number", ["meetings"]),
      meetings: meetings.map((m) => ({ ...m, date: m.meeting?.value.date })),
      quotaAgencies: (committee?.value.quotas ?? []).flatMap((quota, i) =>
        Object.keys(quota.agencies).map((agency) => ({ value: agency, at: ["committee", "quotas", i, "agencies", agency] })),
      ),
      agencyNames: new Map(agencies.map((a) => [a.value.code, a.value.name])),
      committeeName: identities(text(), [file.committee], "name", [])[0]?.value,
    }),
  );
  if (v.problems.length > 0 || !committee) return { problems: v.problems };
  return {
    problems: [],
    document: {
      committee: committee.value,
      agencies: agencies.map((a) => a.value),
      people: people.flatMap(({ person, roles }) => (person ? [{ ...person.value, roles: roles.map((r) => r.value) }] : [])),
      meetings: meetings.flatMap(({ meeting, resolutions }) =>
        meeting ? [{ ...meeting.value, resolutions: resolutions.map((r) => r.value) }] : [],
      ),
    },
  };
}

function locateAll(problems: readonly Problem[], doc: Document, lines: LineCounter): CommitteeFileError[] {
  const seen = new Set<string>();
  const located: CommitteeFileError[] = [];
  for (const problem of problems) {
    const error = { path: formatPath(problem.path), message: problem.message, line: lineOf(doc, lines, problem.path) };
    const key = `${error.path}\n${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    located.push(error.line === undefined ? { path: error.path, message: error.message } : error);
  }
  return located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.path.localeCompare(b.path));
}

/** `line 57: people[2].phone: "0912" is not an Iranian mobile number (…)`. */
export function formatCommitteeFileError(error: CommitteeFileError): string {
  return [error.line !== undefined ? `line ${error.line}` : "", error.path, error.message].filter(Boolean).join(": ");
}
