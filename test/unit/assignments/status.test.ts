import { describe, expect, it } from "vitest";
import {
  AGENCY_ACTIONS,
  ASSIGNMENT_STATUSES,
  agencyActionsFor,
  isFinal,
  isOpen,
  transition,
  type AssignmentAction,
  type AssignmentStatus,
} from "../../../src/domain/assignments/status.js";

const ALL_ACTIONS: AssignmentAction[] = [...AGENCY_ACTIONS, "verify", "reject_claim", "cancel"];

describe("assignment status machine", () => {
  it("walks the ordinary path: assigned → acknowledged → in progress → reported done → done", () => {
    const steps: [AssignmentStatus, AssignmentAction, AssignmentStatus][] = [
      ["assigned", "ack", "acknowledged"],
      ["acknowledged", "progress", "in_progress"],
      ["in_progress", "progress", "in_progress"],
      ["in_progress", "claim_done", "reported_done"],
      ["reported_done", "verify", "done"],
    ];
    for (const [from, action, to] of steps) expect(transition(from, action)).toMatchObject({ ok: true, next: to });
  });

  it("treats a second acknowledgement as a no-op, not an error", () => {
    expect(transition("assigned", "ack")).toEqual({ ok: true, next: "acknowledged", changed: true });
    expect(transition("acknowledged", "ack")).toEqual({ ok: true, next: "acknowledged", changed: false });
    expect(transition("in_progress", "ack")).toEqual({ ok: true, next: "in_progress", changed: false });
  });

  it("resumes a blocked item when progress is reported", () => {
    expect(transition("blocked", "progress")).toEqual({ ok: true, next: "in_progress", changed: true });
    expect(transition("in_progress", "block")).toEqual({ ok: true, next: "blocked", changed: true });
  });

  it("keeps a done claim standing when a note is added, and refuses blocking it", () => {
    expect(transition("reported_done", "progress")).toEqual({ ok: true, next: "reported_done", changed: false });
    expect(transition("reported_done", "block")).toEqual({ ok: false, refusal: "awaiting_verification" });
    expect(transition("reported_done", "claim_done")).toEqual({ ok: true, next: "reported_done", changed: false });
  });

  it("makes done and cancelled final for every action", () => {
    for (const status of ["done", "cancelled"] as const) {
      expect(isFinal(status)).toBe(true);
      expect(isOpen(status)).toBe(false);
      for (const action of ALL_ACTIONS) expect(transition(status, action)).toEqual({ ok: false, refusal: "final" });
    }
  });

  it("never lets a standing resolution be claimed done", () => {
    expect(transition("in_progress", "claim_done", "standing")).toEqual({ ok: false, refusal: "standing_never_done" });
    expect(agencyActionsFor("assigned", "standing")).toEqual(["ack", "progress", "block"]);
  });

  it("lets the secretariat verify or reject only a claim, and cancel anything open", () => {
    expect(transition("in_progress", "verify")).toEqual({ ok: false, refusal: "not_applicable" });
    expect(transition("reported_done", "reject_claim")).toMatchObject({ ok: true, next: "in_progress" });
    for (const status of ASSIGNMENT_STATUSES.filter((s) => !isFinal(s)))
      expect(transition(status, "cancel")).toMatchObject({ ok: true, next: "cancelled" });
  });

  it("offers each status only the buttons that do something", () => {
    expect(agencyActionsFor("assigned")).toEqual(["ack", "progress", "claim_done", "block"]);
    expect(agencyActionsFor("acknowledged")).toEqual(["progress", "claim_done", "block"]);
    expect(agencyActionsFor("blocked")).toEqual(["progress", "claim_done", "block"]);
    expect(agencyActionsFor("reported_done")).toEqual(["progress"]);
    expect(agencyActionsFor("done")).toEqual([]);
    expect(agencyActionsFor("cancelled")).toEqual([]);
  });

  it("never moves to a status outside the list, from any status and action", () => {
    for (const status of ASSIGNMENT_STATUSES) {
      for (const action of ALL_ACTIONS) {
        const result = transition(status, action);
        if (result.ok) expect(ASSIGNMENT_STATUSES).toContain(result.next);
      }
    }
  });
});
