/**
 * The committee file's `escalation:` section: absent means design.md's ladder; each part given
 * replaces that part only; offsets in working days and hours (any digits); recipients by role;
 * and every mistake listed at once, each by its path, like the rest of the file.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCommitteeFileError, parseCommitteeFile, type CommitteeFile } from "../../../src/domain/committee-file/index.js";
import { DEFAULT_ESCALATION_POLICY, escalationPolicyOf } from "../../../src/domain/escalation/index.js";

const FIXTURE = readFileSync(new URL("../../../fixtures/pardis.yaml", import.meta.url), "utf8");
const ANCHOR = "  # Yearly targets";

/** The pardis fixture with `section` (YAML under `committee:`, indented by 2) before its quotas. */
function withEscalation(section: string): string {
  if (!FIXTURE.includes(ANCHOR)) throw new Error("the fixture moved: no quotas comment to insert before");
  const indented = section
    .trim()
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
  return FIXTURE.replace(ANCHOR, `${indented}\n${ANCHOR}`);
}

function parsed(text: string): CommitteeFile {
  const result = parseCommitteeFile(text);
  if (!result.ok) throw new Error(`expected the file to parse:\n${result.error.map(formatCommitteeFileError).join("\n")}`);
  return result.value;
}

function errorsOf(text: string): { path: string; message: string }[] {
  const result = parseCommitteeFile(text);
  if (result.ok) throw new Error("expected errors, the file parsed");
  return result.error.map(({ path, message }) => ({ path, message }));
}

describe("a committee file's escalation section", () => {
  it("absent: stored as none, and the committee follows design.md's ladder", () => {
    const doc = parsed(FIXTURE);
    expect(doc.committee.escalation).toBeNull();
    expect(escalationPolicyOf(null)).toEqual(DEFAULT_ESCALATION_POLICY);
    expect(DEFAULT_ESCALATION_POLICY.unacknowledged.map((r) => [r.after.days, r.to])).toEqual([
      [1, ["liaison"]],
      [2, ["head"]],
    ]);
    expect(DEFAULT_ESCALATION_POLICY.beforeDeadline.map((r) => r.before)).toEqual([3, 1, 0]);
    expect(DEFAULT_ESCALATION_POLICY.overdue.map((r) => [r.after.days, r.to])).toEqual([
      [1, ["digest"]],
      [5, ["governorate"]],
    ]);
  });

  it("complete: offsets in working days and hours, recipients by role, one or a list", () => {
    const doc = parsed(
      withEscalation(`
escalation:
  unacknowledged:
    - { after: 4h, to: liaison }
    - { after: 1d 2h, to: [head, secretariat] }
  beforeDeadline:
    - { before: 2, to: liaison }
    - { before: 0, to: [liaison, head] }
  overdue:
    - { after: 2, to: digest }
    - { after: 6d, to: governorate }
  repeatOverdue: never
  weeklyReport: { remindDayBefore: false, remindDueMorning: true, missingToHead: 3h, missingToDigest: 1d }
`),
    );
    expect(doc.committee.escalation).toEqual({
      unacknowledged: [
        { after: { days: 0, hours: 4 }, to: ["liaison"] },
        { after: { days: 1, hours: 2 }, to: ["head", "secretariat"] },
      ],
      beforeDeadline: [
        { before: 2, to: ["liaison"] },
        { before: 0, to: ["liaison", "head"] },
      ],
      overdue: [
        { after: { days: 2, hours: 0 }, to: ["digest"] },
        { after: { days: 6, hours: 0 }, to: ["governorate"] },
      ],
      repeatOverdue: null,
      weeklyReport: {
        remindDayBefore: false,
        remindDueMorning: true,
        missingToHead: { days: 0, hours: 3 },
        missingToDigest: { days: 1, hours: 0 },
      },
    });
  });

  it("partial: the parts it names replace the default's, the others stay design.md's", () => {
    const policy = parsed(
      withEscalation(`
escalation:
  unacknowledged:
    - { after: 3d, to: head }
  weeklyReport: { missingToHead: 2d }
`),
    ).committee.escalation!;
    expect(policy.unacknowledged).toEqual([{ after: { days: 3, hours: 0 }, to: ["head"] }]);
    expect(policy.beforeDeadline).toEqual(DEFAULT_ESCALATION_POLICY.beforeDeadline);
    expect(policy.overdue).toEqual(DEFAULT_ESCALATION_POLICY.overdue);
    expect(policy.repeatOverdue).toEqual(DEFAULT_ESCALATION_POLICY.repeatOverdue);
    expect(policy.weeklyReport).toEqual({ ...DEFAULT_ESCALATION_POLICY.weeklyReport, missingToHead: { days: 2, hours: 0 } });
    // What the database stores reads back as the same policy.
    expect(escalationPolicyOf(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
  });

  it("accepts Persian and Arabic-Indic digits in offsets and days", () => {
    const policy = parsed(
      withEscalation(`
escalation:
  unacknowledged:
    - { after: "۱d ۳h", to: liaison }
  beforeDeadline:
    - { before: "٢", to: liaison }
`),
    ).committee.escalation!;
    expect(policy.unacknowledged[0]!.after).toEqual({ days: 1, hours: 3 });
    expect(policy.beforeDeadline[0]!.before).toBe(2);
  });

  it("lists every mistake at once, each by its path", () => {
    const errors = errorsOf(
      withEscalation(`
escalation:
  unacknowledged:
    - { after: 2d, to: liaison }
    - { after: 1d, to: head }
    - { after: soon, to: head }
  beforeDeadline:
    - { before: 1, to: mayor }
    - { before: 99, to: [] }
  overdue:
    - { to: digest }
  repeatOverdue: { every: 0d, to: digest }
  weeklyReport: { missingToHead: tomorrow, remindDayBefore: yes }
  repeatOverdu: never
`),
    );
    const at = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message);
    const base = "committee.escalation";
    expect(at(`${base}.unacknowledged[1].after`)).toEqual([expect.stringContaining("must come after the rung before it")]);
    expect(at(`${base}.unacknowledged[2].after`)).toEqual([expect.stringContaining('like "1d", "4h" or "1d 4h"')]);
    expect(at(`${base}.beforeDeadline[0].to[0]`)).toEqual([expect.stringContaining("mayor")]);
    expect(at(`${base}.beforeDeadline[1].before`)).toEqual([expect.stringContaining("from 0 to 60")]);
    expect(at(`${base}.beforeDeadline[1].to`)).toEqual(["name at least one recipient"]);
    expect(at(`${base}.overdue[0].after`)).toEqual(["is required"]);
    expect(at(`${base}.repeatOverdue.every`)).toEqual(["every must be at least one working hour"]);
    expect(at(`${base}.weeklyReport.missingToHead`)).toEqual([expect.stringContaining("tomorrow")]);
    expect(at(`${base}.weeklyReport.remindDayBefore`)).toHaveLength(1);
    expect(at(`${base}.repeatOverdu`)).toEqual([expect.stringContaining("repeatOverdue")]);
    // Nothing reported twice, nothing anywhere else.
    expect(errors.every((e) => e.path.startsWith(base))).toBe(true);
    expect(errors).toHaveLength(10);
  });

  it("names the line of each mistake", () => {
    const text = withEscalation(`
escalation:
  overdue:
    - { after: 1d, to: nobody }
`);
    const result = parseCommitteeFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.slice(0, text.indexOf("to: nobody")).split("\n").length;
    expect(result.error).toEqual([expect.objectContaining({ path: "committee.escalation.overdue[0].to[0]", line })]);
  });
});
