import { describe, expect, it } from "vitest";
import { createCallbackData, field } from "../../../src/shared/callback-data.js";
import * as families from "../../../src/services/render/callback-data.js";

describe("createCallbackData", () => {
  const sample = createCallbackData("zq", {
    verdict: field.code({ approve: "ok", refuse: "no" }),
    id: field.id(),
    page: field.optional(field.count(99)),
    extra: field.optional(field.idOrZero()),
  });

  it("packs values into a short payload and unpacks them back", () => {
    expect(sample.pack({ verdict: "approve", id: 42 })).toBe("zq:ok:42");
    expect(sample.pack({ verdict: "refuse", id: 7, page: 3 })).toBe("zq:no:7:3");
    expect(sample.unpack("zq:ok:42")).toEqual({ verdict: "approve", id: 42 });
    expect(sample.unpack("zq:no:7:3:0")).toEqual({ verdict: "refuse", id: 7, page: 3, extra: 0 });
  });

  it("filters only its own well-formed payloads", () => {
    const filter = sample.filter();
    expect(filter.test("zq:ok:42")).toBe(true);
    expect(filter.test("zq:ok:42:1")).toBe(true);
    for (const other of ["zq:yes:42", "zq:ok", "zqx:ok:42", "a:ok:42", "zq:ok:42:1:2:3", " zq:ok:42", "zq:ok:4x"]) {
      expect(filter.test(other), other).toBe(false);
    }
  });

  it("refuses forged and out-of-range values on the way in", () => {
    for (const forged of ["zq:ok:0", "zq:ok:2147483648", "zq:maybe:1", "zq:ok:1:100", "zq:ok:1::5"]) {
      expect(sample.unpack(forged), forged).toBeUndefined();
    }
    expect(sample.unpack("zq:ok:2147483647")).toEqual({ verdict: "approve", id: 2_147_483_647 });
  });

  it("fails at pack time on a value it could not read back, or a payload over 64 bytes", () => {
    expect(() => sample.pack({ verdict: "approve", id: 0 })).toThrow(RangeError);
    expect(() => sample.pack({ verdict: "approve", id: 1.5 })).toThrow(RangeError);
    const wide = createCallbackData("zw", { text: field.token(".{1,80}") });
    expect(wide.pack({ text: "x".repeat(61) })).toHaveLength(64);
    expect(() => wide.pack({ text: "x".repeat(62) })).toThrow(/64 bytes/);
    // Bytes, not characters: Persian letters take two bytes each.
    expect(() => wide.pack({ text: "ب".repeat(31) })).toThrow(/64 bytes/);
  });

  it("refuses a declaration that could not be read unambiguously", () => {
    expect(() => createCallbackData("zq", { id: field.id() })).toThrow(/declared twice/);
    expect(() => createCallbackData("zz", { a: field.optional(field.id()), b: field.id() })).toThrow(/optional fields must come last/);
    expect(() => createCallbackData("zy", { a: field.code({ one: "x", two: "x" }) })).toThrow(/share a code/);
    expect(() => createCallbackData("Not-a-prefix", { a: field.id() })).toThrow(/prefix/);
  });
});

describe("Peygir's button families", () => {
  const all = Object.values(families as Record<string, unknown>).filter(
    (v): v is { prefix: string; filter(): RegExp } => typeof v === "object" && v !== null && "prefix" in v && "filter" in v,
  );

  it("each have their own prefix, and no payload of one matches another", () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((f) => f.prefix)).size).toBe(all.length);
    const samples = [
      families.assignmentButton.pack({ action: "ack", assignmentId: 5 }),
      families.assignmentButton.pack({ action: "block", assignmentId: 5, tasksPage: 2 }),
      families.tasksPageButton.pack({ page: 2 }),
      families.statusButton.pack({ screen: "agency", period: "year", id: 5 }),
      families.staffActionButton.pack({ action: "ext", assignmentId: 5 }),
      families.meetingButton.pack({ draftId: 5, verb: "tg", index: 1, agencyId: 3 }),
      families.noticeTrackingButton.pack({ noticeId: 5, action: "refresh", screen: "list" }),
      families.noticeAttendanceButton.pack({ noticeId: 5, agencyId: 0 }),
      families.instructionButton.pack({ assignmentId: 5 }),
      families.itemsFilterButton.pack({ kind: "agency", agencyId: 3, page: 2 }),
    ];
    for (const data of samples)
      expect(
        all.filter((f) => f.filter().test(data)).map((f) => f.prefix),
        data,
      ).toHaveLength(1);
  });

  it("say which screen an agency button was pressed on", () => {
    expect(families.assignmentButton.unpack("a:ack:5")).toEqual({ action: "ack", assignmentId: 5 });
    expect(families.assignmentButton.unpack("a:ack:5:3")).toEqual({ action: "ack", assignmentId: 5, tasksPage: 3 });
    expect(families.noticeTrackingButton.unpack("nt:5:r:l")).toMatchObject({ screen: "list" });
    expect(families.noticeTrackingButton.unpack("nt:5:r")).not.toHaveProperty("screen");
  });

  it("say which /items filter and page a list button turns to, old filter buttons still read", () => {
    expect(families.itemsFilterButton.pack({ kind: "overdue", agencyId: 0, page: 2 })).toBe("i:overdue:0:2");
    expect(families.itemsFilterButton.unpack("i:agency:3:2")).toEqual({ kind: "agency", agencyId: 3, page: 2 });
    expect(families.itemsFilterButton.unpack("i:agency:3")).toEqual({ kind: "agency", agencyId: 3 });
    expect(families.itemsFilterButton.unpack("i:open")).toEqual({ kind: "open" });
    expect(families.itemsFilterButton.unpack("i:open:0:10000")).toBeUndefined();
  });
});
