import { describe, expect, it } from "vitest";
import { assignmentOfTopic, BARE_TOPIC_KINDS, outboxTopic, parseTopic } from "../../src/domain/outbox-topic.js";

describe("outbox topics", () => {
  it("stores the strings the outbox has always stored", () => {
    expect(outboxTopic.assignment(12)).toBe("assignment:12");
    expect(outboxTopic.notice(3)).toBe("notice:3");
    expect(outboxTopic.noticeTracking(3)).toBe("notice-tracking:3");
    expect(outboxTopic.weeklyReport(5)).toBe("weekly_report:5");
    expect(outboxTopic.weeklyDigest(5)).toBe("weekly_digest:5");
    expect(outboxTopic.join(7)).toBe("join:7");
    expect(outboxTopic.joinedPerson(8)).toBe("joined:person:8");
    expect(outboxTopic.unreachableAgency(9)).toBe("unreachable:agency:9");
    expect(outboxTopic.inviteGuessing("telegram", "42")).toBe("invite-guessing:telegram:42");
    expect(outboxTopic.bare("digest")).toBe("digest");
  });

  it("reads back the kind and key of every topic it builds", () => {
    expect(parseTopic(outboxTopic.assignment(12))).toEqual({ kind: "assignment", key: "12" });
    // "joined:person:8" starts with "join" too: the longer kind wins.
    expect(parseTopic(outboxTopic.joinedPerson(8))).toEqual({ kind: "joined:person", key: "8" });
    expect(parseTopic(outboxTopic.join(8))).toEqual({ kind: "join", key: "8" });
    expect(parseTopic(outboxTopic.inviteGuessing("bale", "1"))).toEqual({ kind: "invite-guessing", key: "bale:1" });
    for (const kind of BARE_TOPIC_KINDS) expect(parseTopic(outboxTopic.bare(kind))).toEqual({ kind });
  });

  it("maps only an assignment's topic to its assignment", () => {
    expect(assignmentOfTopic("assignment:12")).toBe(12);
    expect(assignmentOfTopic(outboxTopic.notice(12))).toBeUndefined();
    expect(assignmentOfTopic("assignment:")).toBeUndefined();
    expect(assignmentOfTopic("assignment:12x")).toBeUndefined();
    expect(assignmentOfTopic("assignments:12")).toBeUndefined();
    expect(assignmentOfTopic(null)).toBeUndefined();
    expect(parseTopic("something else")).toBeUndefined();
  });
});
