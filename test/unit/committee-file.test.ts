/**
 * The committee-file parser: the Pardis fixture as it is, every kind of error with its path and
 * line, all errors of a file in one run, and numbers written in Persian or Arabic-Indic digits.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CommitteeFile,
  type CommitteeFileError,
  formatCommitteeFileError,
  parseCommitteeFile,
} from "../../src/domain/committee-file/index.js";

const FIXTURE = readFileSync(new URL("../../fixtures/pardis.yaml", import.meta.url), "utf8");

/** The fixture with each `from` replaced by `to`; every `from` must occur (once, or its first occurrence is used). */
function variant(...replacements: [from: string, to: string][]): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, FIXTURE);
}

function parsed(text: string): CommitteeFile {
  const result = parseCommitteeFile(text);
  if (!result.ok) throw new Error(`expected the file to parse:\n${result.error.map(formatCommitteeFileError).join("\n")}`);
  return result.value;
}

function errorsOf(text: string): readonly CommitteeFileError[] {
  const result = parseCommitteeFile(text);
  if (result.ok) throw new Error("expected errors, the file parsed");
  return result.error;
}

/** 1-based line of the first occurrence of `snippet` in `text`. */
function lineIn(text: string, snippet: string): number {
  const at = text.indexOf(snippet);
  if (at < 0) throw new Error(`no ${JSON.stringify(snippet)}`);
  return text.slice(0, at).split("\n").length;
}

describe("the Pardis fixture", () => {
  const doc = parsed(FIXTURE);

  it("parses as it is", () => {
    expect(doc.committee.code).toBe("pardis-employment");
    expect(doc.agencies.map((a) => a.code)).toEqual(["tavon", "smt", "jahad", "omran", "bank-melli", "bank-keshavarzi", "bank-refah"]);
    expect(doc.people).toHaveLength(10);
    expect(doc.people.flatMap((p) => p.roles)).toHaveLength(11);
    expect(doc.meetings).toHaveLength(1);
    expect(doc.meetings[0]?.resolutions).toHaveLength(6);
  });

  it("normalises the calendar and the weekly report template", () => {
    expect(doc.committee.calendar).toEqual({
      thursday: "off",
      officeHours: { start: "08:00", end: "14:00" },
      extraHolidays: ["1405/09/24"],
      removedHolidays: [],
    });
    expect(doc.committee.weeklyReport?.opens).toBe("saturday 08:00");
    expect(doc.committee.weeklyReport?.due).toBe("tuesday 14:00");
    expect(doc.committee.weeklyReport?.questions[0]).toEqual({
      key: "summary",
      label: "خلاصه اقدامات هفته در حوزه اشتغال",
      type: "text",
      optional: false,
    });
    expect(doc.committee.weeklyReport?.questions[1]).toMatchObject({ key: "jobs_created", type: "number", unit: "نفر" });
  });

  it("normalises every phone form to +989XXXXXXXXX", () => {
    expect(doc.people.map((p) => p.phone)).toEqual(Array.from({ length: 10 }, (_, i) => `+9891210000${String(i + 1).padStart(2, "0")}`));
  });

  it("reads leads, co-agencies, kinds and deadlines", () => {
    const [first, second, third] = doc.meetings[0]?.resolutions ?? [];
    expect(doc.meetings[0]).toMatchObject({ number: "1405-08", date: { jy: 1405, jm: 9, jd: 1 } });
    expect(first).toMatchObject({
      number: 1,
      lead: { kind: "agency", code: "tavon" },
      co: ["smt"],
      kind: "one_off",
      deadline: { jy: 1405, jm: 9, jd: 20 },
    });
    expect(first?.reportTo).toBe("اداره کل تعاون، کار و رفاه اجتماعی استان تهران");
    expect(second).toMatchObject({ number: 2, lead: { kind: "agency", code: "omran" }, co: [], reportTo: null });
    expect(third).toMatchObject({ number: 3, lead: { kind: "all" }, co: [], kind: "standing", deadline: null });
  });

  it("reads a person's gender where the file gives it, and null where it does not", () => {
    expect(doc.people.slice(0, 3).map((p) => [p.name, p.gender])).toEqual([
      ["رضا کریمی", "male"],
      ["مریم احمدی", "female"],
      ["علی رضایی", null],
    ]);
  });

  it("reads a person's roles in agencies and in the committee", () => {
    const nouri = doc.people.find((p) => p.name === "حسین نوری");
    expect(nouri?.roles).toEqual([
      { role: "head", agency: "smt", title: null },
      { role: "liaison", agency: "smt", title: null },
    ]);
    expect(doc.people[1]?.roles).toEqual([{ role: "secretariat", committee: "pardis-employment", title: "دبیر کارگروه" }]);
  });
});

describe("digits", () => {
  it("accepts Persian and Arabic-Indic digits in phones, dates, numbers and times", () => {
    const doc = parsed(
      variant(
        ['phone: "09121000006"', 'phone: "٠٩١٢١٠٠٠٠٠٦"'],
        ['phone: "09121000007"', 'phone: "+۹۸ ۹۱۲ ۱۰۰ ۰۰۰۷"'],
        ["date: 1405/09/01", "date: ١٤٠٥/٠٩/٠١"],
        ["deadline: 1405/10/15", "deadline: ۱۴۰۵/۱۰/۱۵"],
        ["holidays: [1405/09/24]", "holidays: [۱۴۰۵/۰۹/۲۴]"],
        ['officeHours: "08:00-14:00"', 'officeHours: "۰۸:۰۰-۱۴:۰۰"'],
        ["- number: 5", '- number: "۵"'],
        ["- number: 6", '- number: "٦"'],
        ['- number: "1405-08"', '- number: "۱۴۰۵-۰۸"'],
      ),
    );
    expect(doc.people[5]?.phone).toBe("+989121000006");
    expect(doc.people[6]?.phone).toBe("+989121000007");
    expect(doc.meetings[0]?.date).toEqual({ jy: 1405, jm: 9, jd: 1 });
    expect(doc.meetings[0]?.number).toBe("1405-08");
    expect(doc.meetings[0]?.resolutions.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.meetings[0]?.resolutions[4]?.deadline).toEqual({ jy: 1405, jm: 10, jd: 15 });
    expect(doc.committee.calendar.extraHolidays).toEqual(["1405/09/24"]);
    expect(doc.committee.calendar.officeHours).toEqual({ start: "08:00", end: "14:00" });
  });

  it("accepts numbers that YAML read as numbers (a phone without quotes loses its 0 and is still recognised)", () => {
    const doc = parsed(
      variant(
        ['phone: "09121000008"', "phone: 09121000008"],
        ['phone: "+989121000003"', "phone: +989121000003"],
        ['- number: "1405-08"', "- number: 12"],
      ),
    );
    expect(doc.people[7]?.phone).toBe("+989121000008");
    expect(doc.people[2]?.phone).toBe("+989121000003");
    expect(doc.meetings[0]?.number).toBe("12");
  });

  it("takes Esfand 30 only in a leap year", () => {
    const leap = parsed(variant(["deadline: 1405/09/30", "deadline: 1408/12/30"]));
    expect(leap.meetings[0]?.resolutions[5]?.deadline).toEqual({ jy: 1408, jm: 12, jd: 30 });
    expect(errorsOf(variant(["deadline: 1405/09/30", "deadline: 1405/12/30"]))).toContainEqual({
      path: "meetings[0].resolutions[5].deadline",
      message: expect.stringContaining("Esfand 1405 has 29 days (1405 is not a leap year)"),
      line: lineIn(FIXTURE, "deadline: 1405/09/30"),
    });
  });
});

/** Appended to the fixture: a second meeting with the same number as the first. */
const SECOND_MEETING = `  - number: "1405-08"\n    date: 1405/10/01\n`;

describe("each kind of error, with its path and line", () => {
  const cases: { name: string; text: string; path: string; message: RegExp; lineOf?: string }[] = [
    {
      name: "a phone that is not an Iranian mobile",
      text: variant(['phone: "09121000004"', 'phone: "0912"']),
      path: "people[3].phone",
      message: /^"0912" is not an Iranian mobile number \(expected 09XXXXXXXXX or \+989XXXXXXXXX\)$/,
      lineOf: 'phone: "0912"',
    },
    {
      name: "a landline",
      text: variant(['phone: "09121000004"', 'phone: "02122334455"']),
      path: "people[3].phone",
      message: /is a landline/,
    },
    {
      name: "a gender that is not male or female",
      text: variant(["gender: male", "gender: آقا"]),
      path: "people[0].gender",
      message: /expected one of male, female/,
    },
    {
      name: "an unknown key (a typo)",
      text: variant(["deadline: 1405/09/15", "deadlin: 1405/09/15"]),
      path: "meetings[0].resolutions[1].deadlin",
      message: /^unknown key "deadlin" \(did you mean "deadline"\?\)$/,
      lineOf: "deadlin:",
    },
    {
      name: "a required key that is missing",
      text: variant(["        deadline: 1405/09/15\n", ""]),
      path: "meetings[0].resolutions[1].deadline",
      message: /is required \(only a standing resolution has none\)/,
      lineOf: "- number: 2",
    },
    {
      name: "an unknown lead agency",
      text: variant(["lead: omran", "lead: omrn"]),
      path: "meetings[0].resolutions[1].lead",
      message: /^unknown agency "omrn" \(did you mean "omran"\?\)/,
      lineOf: "lead: omrn",
    },
    {
      name: "an unknown co-agency",
      text: variant(["co: [smt]", "co: [smtt]"]),
      path: "meetings[0].resolutions[0].co[0]",
      message: /^unknown agency "smtt"/,
    },
    {
      name: "an unknown agency in a role",
      text: variant(["{ role: head, agency: jahad }", "{ role: head, agency: jahd }"]),
      path: "people[5].roles[0].agency",
      message: /unknown agency "jahd" \(did you mean "jahad"\?\)/,
    },
    {
      name: "an unknown committee in a role",
      text: variant(["{ role: secretariat, committee: pardis-employment", "{ role: secretariat, committee: pardis"]),
      path: "people[1].roles[0].committee",
      message: /unknown committee "pardis": this file is for "pardis-employment"/,
    },
    {
      name: "an agency role without an agency",
      text: variant(["{ role: head, agency: jahad }", "{ role: head, committee: pardis-employment }"]),
      path: "people[5].roles[0].committee",
      message: /a head role belongs to an agency, not a committee/,
    },
    {
      name: "a duplicate agency code",
      text: variant(["- code: jahad", "- code: smt"]),
      path: "agencies[2].code",
      message: /^the agency code "smt" appears twice \(first at agencies\[1\]\.code\)$/,
    },
    {
      name: "a duplicate phone, written differently",
      text: variant(['phone: "09121000006"', 'phone: "+98 912 100 0002"']),
      path: "people[5].phone",
      message: /^the phone number "\+989121000002" appears twice \(first at people\[1\]\.phone\)$/,
    },
    {
      name: "a duplicate meeting number",
      text: FIXTURE + SECOND_MEETING,
      path: "meetings[1].number",
      message: /the meeting number "1405-08" appears twice/,
    },
    {
      name: "a duplicate resolution number in a meeting",
      text: variant(["- number: 2", "- number: 1"]),
      path: "meetings[0].resolutions[1].number",
      message: /the resolution number "1" appears twice/,
    },
    {
      name: "a duplicate question key",
      text: variant(["key: facilities_paid", "key: jobs_created"]),
      path: "committee.weeklyReport.questions[2].key",
      message: /the question key "jobs_created" appears twice/,
    },
    {
      name: "a date that does not exist",
      text: variant(["date: 1405/09/01", "date: 1405/07/31"]),
      path: "meetings[0].date",
      message: /"1405\/07\/31" is not a valid Jalali date: month 7 of 1405 has 30 days/,
    },
    {
      name: "a deadline before its meeting",
      text: variant(["deadline: 1405/09/15", "deadline: 1405/08/15"]),
      path: "meetings[0].resolutions[1].deadline",
      message: /1405\/08\/15 is before the meeting's date 1405\/09\/01/,
    },
    {
      name: "a standing resolution with a deadline",
      text: variant(["        kind: standing\n", "        kind: standing\n        deadline: 1405/10/01\n"]),
      path: "meetings[0].resolutions[2].deadline",
      message: /a standing resolution has no deadline/,
    },
    {
      name: "co-agencies with lead: all",
      text: variant(["        lead: all\n", "        lead: all\n        co: [smt]\n"]),
      path: "meetings[0].resolutions[2].co",
      message: /with `lead: all` every agency already takes part/,
    },
    {
      name: "the lead also among the co-agencies",
      text: variant(["co: [tavon, jahad]", "co: [smt, jahad]"]),
      path: "meetings[0].resolutions[4].co[0]",
      message: /"smt" is already the lead agency/,
    },
    {
      name: "a value not in its list",
      text: variant(["thursday: off", "thursday: of"]),
      path: "committee.calendar.thursday",
      message: /^expected one of off, half, working; got "of" \(did you mean "off"\?\)$/,
    },
    {
      name: "an unknown resolution kind",
      text: variant(["kind: standing", "kind: continuous"]),
      path: "meetings[0].resolutions[2].kind",
      message: /expected one of one-off, recurring, standing; got "continuous"/,
    },
    {
      name: "office hours that close before they open",
      text: variant(['officeHours: "08:00-14:00"', 'officeHours: "14:00-08:00"']),
      path: "committee.calendar.officeHours",
      message: /the office must open before it closes/,
    },
    {
      name: "a bad weekly report time",
      text: variant(["opens: saturday 08:00", "opens: sat 08:00"]),
      path: "committee.weeklyReport.opens",
      message: /expected a weekday and a time like "saturday 08:00", got "sat 08:00"/,
    },
    {
      name: "a list where a mapping belongs",
      text: variant(["co: [bank-keshavarzi, bank-refah, tavon]", "co: { bank: refah }"]),
      path: "meetings[0].resolutions[5].co",
      message: /^expected a list, got a mapping/,
    },
    {
      name: "an unknown top-level key",
      text: FIXTURE + "meeting: []\n",
      path: "meeting",
      message: /unknown key "meeting" \(did you mean "meetings"\?\)/,
    },
  ];

  it.each(cases)("$name", ({ text, path, message, lineOf }) => {
    const errors = errorsOf(text);
    const error = errors.find((e) => e.path === path);
    expect(error, `errors were:\n${errors.map(formatCommitteeFileError).join("\n")}`).toBeDefined();
    expect(error?.message).toMatch(message);
    expect(error?.line).toBeGreaterThan(0);
    if (lineOf) expect(error?.line).toBe(lineIn(text, lineOf));
  });

  it("formats an error as line, path and message", () => {
    expect(formatCommitteeFileError({ path: "people[2].phone", message: '"0912" is not an Iranian mobile number', line: 57 })).toBe(
      'line 57: people[2].phone: "0912" is not an Iranian mobile number',
    );
  });

  it("reports YAML syntax errors with their line, and an empty file", () => {
    const [syntax] = errorsOf("committee:\n  code: x\n  name: [a, b\nagencies: []\n");
    expect(syntax?.message).toMatch(/^not valid YAML: /);
    expect(syntax?.line).toBeGreaterThan(1);
    expect(errorsOf("")).toEqual([{ path: "", message: expect.stringContaining("the file is empty") }]);
    expect(errorsOf("x: 1\nx: 2\n")[0]?.message).toMatch(/not valid YAML: Map keys must be unique/);
    expect(errorsOf("- a\n- b\n")[0]?.message).toMatch(/expected a mapping/);
  });
});

describe("a file with many errors", () => {
  it("lists them all in one run, in line order", () => {
    const text = variant(
      ["code: pardis-employment", "code: Pardis Employment"],
      ["thursday: off", "thursday: sometimes"],
      ["type: number\n        unit: نفر", "type: numbr\n        unit: نفر"],
      ["kind: bank\n  - code: bank-keshavarzi", "kind: bnk\n  - code: bank-keshavarzi"],
      ['phone: "09121000002"', 'phone: "0912"'],
      ["{ role: head, agency: tavon }", "{ role: boss, agency: tavon }"],
      ['phone: "09121000008"', 'phone: "09121000007"'],
      ["date: 1405/09/01", "date: 1405/13/01"],
      ["lead: omran", "lead: omrn"],
      ["- number: 4", "- number: 3"],
      ["co: [tavon, jahad]", "co: [tavon, tavon]"],
      ["deadline: 1405/09/30", "deadlin: 1405/09/30"],
    );
    const errors = errorsOf(text);
    const paths = new Set(errors.map((e) => e.path));
    expect(paths.size).toBeGreaterThanOrEqual(12);
    for (const path of [
      "committee.code",
      "committee.calendar.thursday",
      "committee.weeklyReport.questions[1].type",
      "agencies[4].kind",
      "people[1].phone",
      "people[2].roles[0].role",
      "people[7].phone",
      "meetings[0].date",
      "meetings[0].resolutions[1].lead",
      "meetings[0].resolutions[3].number",
      "meetings[0].resolutions[4].co[1]",
      "meetings[0].resolutions[5].deadlin",
      "meetings[0].resolutions[5].deadline",
    ]) {
      expect(paths, `missing ${path} in:\n${errors.map(formatCommitteeFileError).join("\n")}`).toContain(path);
    }
    const lines = errors.map((e) => e.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe("quotas", () => {
  it("reads the fixture's quotas, for the committee and per agency", () => {
    expect(parsed(FIXTURE).committee.quotas).toEqual([
      { indicator: "jobs_created", year: 1405, target: 1200, agencies: { tavon: 400, smt: 300, jahad: 200 } },
      { indicator: "facilities_paid", year: 1405, target: 50000, agencies: {} },
    ]);
  });

  it("a file without quotas has none (the shared fixture imports as it is)", () => {
    const start = FIXTURE.indexOf("  # Yearly targets");
    const end = FIXTURE.indexOf("\nagencies:");
    expect(parsed(FIXTURE.slice(0, start) + FIXTURE.slice(end + 1)).committee.quotas).toEqual([]);
  });

  it("accepts Persian digits and grouped numbers", () => {
    const doc = parsed(variant(["      year: 1405\n      target: 1200", "      year: ۱۴۰۵\n      target: ۱٬۲۰۰"]));
    expect(doc.committee.quotas[0]).toMatchObject({ year: 1405, target: 1200 });
  });

  it("refuses a bad year and a target that is not above 0, each at its path", () => {
    const text = variant(["      year: 1405\n      target: 1200", "      year: 14\n      target: 0"]);
    expect(errorsOf(text)).toEqual([
      { path: "committee.quotas[0].year", message: 'expected a Jalali year such as 1405, got "14"', line: lineIn(text, "year: 14") },
      { path: "committee.quotas[0].target", message: 'expected a number above 0, got "0"', line: lineIn(text, "target: 0") },
    ]);
  });

  it("refuses a quota of a text question or of no question at all", () => {
    const text = variant([
      "    - indicator: facilities_paid",
      "    - indicator: summary\n      year: 1405\n      target: 5\n    - indicator: jobs",
    ]);
    expect(errorsOf(text).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'committee.quotas[1].indicator: "summary" is not a number question of weeklyReport: expected one of jobs_created, facilities_paid, cases_at_banks',
      'committee.quotas[2].indicator: "jobs" is not a number question of weeklyReport: expected one of jobs_created, facilities_paid, cases_at_banks',
    ]);
  });

  it("refuses an agency the file does not declare, at its key, with a suggestion", () => {
    const text = variant(["{ tavon: 400, smt: 300, jahad: 200 }", "{ tavon: 400, smtt: 300 }"]);
    expect(errorsOf(text)).toEqual([
      {
        path: "committee.quotas[0].agencies.smtt",
        message: expect.stringMatching(/unknown agency "smtt".*smt/),
        line: lineIn(text, "smtt"),
      },
    ]);
  });

  it("refuses two quotas of one indicator in one year", () => {
    const text = variant(["    - indicator: facilities_paid", "    - indicator: jobs_created"]);
    expect(errorsOf(text).map((e) => `${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^committee\.quotas\[1\]\.indicator: the quota "jobs_created in 1405" appears twice/),
    ]);
  });
});
