/**
 * The rules behind joining that need no database: invite codes keep at least 48 bits of entropy,
 * and the committee file's verifyContact is on unless the file turns it off, and must be a boolean.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCommitteeFileError, parseCommitteeFile } from "../../src/domain/committee-file/index.js";
import { CODE_ALPHABET, CODE_LENGTH, newInviteCode } from "../../src/services/invites.js";

const FIXTURE = readFileSync(new URL("../../fixtures/pardis.yaml", import.meta.url), "utf8");
const withCommitteeLine = (line: string) => FIXTURE.replace("  county: پردیس\n", `  county: پردیس\n  ${line}\n`);

describe("invite codes", () => {
  it("carry at least 48 bits of entropy", () => {
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(48);
  });

  it("use only the alphabet, at the stated length, and do not repeat", () => {
    const codes = Array.from({ length: 2_000 }, newInviteCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("verifyContact in the committee file", () => {
  it("is on by default", () => {
    const result = parseCommitteeFile(FIXTURE);
    expect(result.ok && result.value.committee.verifyContact).toBe(true);
  });

  it("can be turned off", () => {
    const result = parseCommitteeFile(withCommitteeLine("verifyContact: false"));
    expect(result.ok && result.value.committee.verifyContact).toBe(false);
  });

  it("must be true or false, reported with its line like any other error", () => {
    const result = parseCommitteeFile(withCommitteeLine('verifyContact: "sometimes"'));
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.error.map(formatCommitteeFileError);
    expect(messages.join("\n")).toMatch(/committee\.verifyContact/);
  });
});
