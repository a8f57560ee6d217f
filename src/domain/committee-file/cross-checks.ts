/**
 * Rules across the parts of a committee file: every code referred to is declared, nothing that
 * must be unique appears twice, a lead is not also a co-agency, a deadline is not before its meeting,
 * a quota's agencies are the committee's.
 *
 * Identities (agency codes, phones, meeting and resolution numbers) are read on their own, even
 * from parts with other errors, so that one broken agency does not turn every reference to it
 * into an error too, and a duplicate phone is reported even when the person has a typo elsewhere.
 */
import { type JalaliDate, compareJalali, jalaliKey } from "../calendar/index.js";
import { type Parsed, duplicates, located } from "./duplicates.js";
import type { Problem } from "./locate.js";
import { COMMITTEE_FILE_LIMITS, tooLongMessage } from "./limits.js";
import { didYouMean, quote } from "./messages.js";
import type { PersonEntry, ResolutionEntry, RoleEntry } from "./types.js";

export interface PersonParts {
  readonly person: Parsed<Omit<PersonEntry, "roles">> | undefined;
  readonly roles: readonly Parsed<RoleEntry>[];
}

export interface MeetingParts {
  /** Undefined when the meeting's date has errors of its own. */
  readonly date: JalaliDate | undefined;
  readonly resolutions: readonly Parsed<ResolutionEntry>[];
  readonly resolutionNumbers: readonly Parsed<number>[];
}

export interface CrossCheckInput {
  /** The committee code as written, even when the committee part has errors. */
  readonly committeeCode: string | undefined;
  readonly agencyCodes: readonly Parsed<string>[];
  readonly phones: readonly Parsed<string>[];
  readonly people: readonly PersonParts[];
  readonly meetingNumbers: readonly Parsed<string>[];
  readonly meetings: readonly MeetingParts[];
  /** Agency codes named in the committee's quotas, each at its own key. */
  readonly quotaAgencies: readonly Parsed<string>[];
  /** Names by agency code and the committee's name, of the parts that parsed (for the message budget). */
  readonly agencyNames?: ReadonlyMap<string, string>;
  readonly committeeName?: string | undefined;
}

/** The word `lead: all` uses; an agency cannot be called that. */
const ALL = "all";

export function crossCheck(input: CrossCheckInput): Problem[] {
  const declared = new Set(input.agencyCodes.map((a) => a.value));
  return [
    ...checkAgencyCodes(input.agencyCodes),
    ...checkPeople(input, declared),
    ...duplicates(input.meetingNumbers, (n) => n, ["number"], "the meeting number"),
    ...input.meetings.flatMap((meeting) => checkMeeting(meeting, declared)),
    ...input.quotaAgencies.filter((a) => !declared.has(a.value)).map((a) => ({ path: a.at, message: unknownAgency(a.value, declared) })),
    ...input.meetings.flatMap((meeting) => meeting.resolutions.flatMap((r) => checkMessageBudget(r, input))),
  ];
}

/**
 * A resolution's message carries its text with its header: the committee, its agencies, its
 * report-to. Together they must fit one message (see COMMITTEE_FILE_LIMITS.resolutionMessage).
 */
function checkMessageBudget({ value: r, at }: Parsed<ResolutionEntry>, input: CrossCheckInput): Problem[] {
  const names = input.agencyNames ?? new Map<string, string>();
  const nameLength = (code: string) => names.get(code)?.length ?? 0;
  const agencies =
    r.lead.kind === "all"
      ? Math.max(0, ...[...names.values()].map((n) => n.length))
      : [r.lead.code, ...r.co].reduce((n, c) => n + nameLength(c), 0);
  const header = (input.committeeName?.length ?? 0) + agencies + (r.reportTo?.length ?? 0);
  const max = COMMITTEE_FILE_LIMITS.resolutionMessage;
  if (r.text.length + header <= max) return [];
  return [
    {
      path: [...at, "text"],
      message: `${tooLongMessage(r.text.length, Math.max(0, max - header))} here: with the names of its agencies, the committee and its report-to (${header.toLocaleString("en")} characters) a resolution's message holds at most ${max.toLocaleString("en")} characters of the file's text`,
    },
  ];
}

function checkAgencyCodes(codes: readonly Parsed<string>[]): Problem[] {
  const reserved = codes
    .filter((c) => c.value === ALL)
    .map((c) => ({ path: [...c.at, "code"], message: `"${ALL}" cannot be an agency code: \`lead: all\` means every agency` }));
  return [...reserved, ...duplicates(codes, (c) => c, ["code"], "the agency code")];
}

function unknownAgency(code: string, declared: ReadonlySet<string>): string {
  return `unknown agency ${quote(code)}${didYouMean(code, declared)}: it must be one of the codes under agencies`;
}

function checkPeople({ phones, people, committeeCode }: CrossCheckInput, declared: ReadonlySet<string>): Problem[] {
  const parsedPeople = people.flatMap((p) => p.person ?? []);
  const problems: Problem[] = [
    ...duplicates(phones, (p) => p, ["phone"], "the phone number"),
    // Without a phone a person is known by name alone, so two such names would be one person.
    ...duplicates(parsedPeople, (p) => (p.phone === null ? p.name : null), ["name"], "the name of a person without a phone"),
  ];
  for (const { roles } of people) {
    problems.push(...duplicates(roles, (r) => `${r.role} of ${"agency" in r ? r.agency : r.committee}`, [], "the role"));
    for (const { value: role, at } of roles) {
      if ("agency" in role && !declared.has(role.agency)) {
        problems.push({ path: [...at, "agency"], message: unknownAgency(role.agency, declared) });
      }
      if ("committee" in role && committeeCode !== undefined && role.committee !== committeeCode) {
        problems.push({
          path: [...at, "committee"],
          message: `unknown committee ${quote(role.committee)}: this file is for ${quote(committeeCode)}`,
        });
      }
    }
  }
  return problems;
}

function checkMeeting(meeting: MeetingParts, declared: ReadonlySet<string>): Problem[] {
  return [
    ...duplicates(meeting.resolutionNumbers, (n) => n, ["number"], "the resolution number"),
    ...meeting.resolutions.flatMap((resolution) => checkResolution(resolution, meeting.date, declared)),
  ];
}

function checkResolution(
  { value: r, at }: Parsed<ResolutionEntry>,
  meetingDate: JalaliDate | undefined,
  declared: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  if (r.lead.kind === "agency" && !declared.has(r.lead.code)) {
    problems.push({ path: [...at, "lead"], message: `${unknownAgency(r.lead.code, declared)} (or all)` });
  }
  const co = located(r.co, [...at, "co"]);
  problems.push(...duplicates(co, (c) => c, [], "the agency"));
  for (const { value: agency, at: coAt } of co) {
    if (!declared.has(agency)) problems.push({ path: coAt, message: unknownAgency(agency, declared) });
    if (r.lead.kind === "agency" && agency === r.lead.code)
      problems.push({ path: coAt, message: `${quote(agency)} is already the lead agency` });
  }
  if (r.deadline && meetingDate && compareJalali(r.deadline, meetingDate) < 0) {
    problems.push({
      path: [...at, "deadline"],
      message: `${jalaliKey(r.deadline)} is before the meeting's date ${jalaliKey(meetingDate)}`,
    });
  }
  return problems;
}
