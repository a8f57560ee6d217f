/**
 * A committee's own escalation policy, from its file to the schedule: imported and stored with
 * the committee, used to plan each published assignment's next rung, re-planned when a re-import
 * changes it, and back to design.md's ladder when the section is removed. On each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, instantAt } from "../../src/domain/calendar/index.js";
import { DEFAULT_ESCALATION_POLICY, escalationPolicyOf } from "../../src/domain/escalation/index.js";
import { assignmentId, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { toMinute } from "../support/clock.js";
import { FIXTURE, scratchFiles } from "../support/committee-files.js";
import { testDatabases } from "../support/databases.js";

const files = scratchFiles("peygir-policy-");
const ANCHOR = "  # Yearly targets";
const withEscalation = (section: string) => FIXTURE.replace(ANCHOR, `${section}\n${ANCHOR}`);
const FOUR_HOURS = withEscalation(`  escalation:
    unacknowledged:
      - { after: 4h, to: liaison }
      - { after: 3d, to: head }`);
const TWO_DAYS = withEscalation(`  escalation:
    unacknowledged:
      - { after: 2d, to: [liaison, head] }`);

describe.each(testDatabases())("a committee's escalation policy on $name", (target) => {
  let pardis: Pardis;
  const committee = () => pardis.e2e.app.database.prisma.committee.findUniqueOrThrow({ where: { code: "pardis-employment" } });
  const next = async () =>
    pardis.e2e.app.database.prisma.assignment.findUniqueOrThrow({
      where: { id: await assignmentId(pardis.e2e, 1, "tavon") },
      select: { nextEscalationAt: true, nextEscalationStep: true },
    });
  const importText = async (text: string) => {
    const result = await pardis.e2e.app.services.importer.importFile(files.writeYaml(text));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("the fixture has no section: nothing stored, design.md's ladder plans the first reminder a working day after publication", async () => {
    expect((await committee()).escalationPolicy).toBeNull();
    await publishMeeting(pardis.e2e);
    // Published Wednesday 1405/09/04 10:00 → Saturday 09/07 10:00 (Thursday is off in pardis, Friday always).
    const { nextEscalationAt, nextEscalationStep } = await next();
    expect(nextEscalationStep).toBe("unacknowledged+1d");
    expect(toMinute(nextEscalationAt)).toEqual(instantAt({ jy: 1405, jm: 9, jd: 7 }, 10 * HOUR_MS));
  });

  it("a re-import with its own section stores it and re-plans the open ladders under it", async () => {
    await importText(FOUR_HOURS);
    const stored = escalationPolicyOf((await committee()).escalationPolicy);
    expect(stored.unacknowledged).toEqual([
      { after: { days: 0, hours: 4 }, to: ["liaison"] },
      { after: { days: 3, hours: 0 }, to: ["head"] },
    ]);
    expect(stored.overdue).toEqual(DEFAULT_ESCALATION_POLICY.overdue);
    // Re-planned from the import's instant (Wednesday 10:00): four working hours run to the 14:00
    // closing, so the rung falls on the next window's opening, Saturday 08:00.
    const { nextEscalationAt, nextEscalationStep } = await next();
    expect(nextEscalationStep).toBe("unacknowledged+4h");
    expect(toMinute(nextEscalationAt)).toEqual(instantAt({ jy: 1405, jm: 9, jd: 7 }, 8 * HOUR_MS));
  });

  it("another section replaces it, and removing the section goes back to the default", async () => {
    await importText(TWO_DAYS);
    expect((await next()).nextEscalationStep).toBe("unacknowledged+2d");
    await importText(FIXTURE);
    expect((await committee()).escalationPolicy).toBeNull();
    expect((await next()).nextEscalationStep).toBe("unacknowledged+1d");
  });

  it("a file with a broken section changes nothing", async () => {
    const before = await next();
    const result = await pardis.e2e.app.services.importer.importFile(
      files.writeYaml(withEscalation(`  escalation:\n    unacknowledged:\n      - { after: 1d, to: nobody }`)),
    );
    expect(result.ok).toBe(false);
    expect((await committee()).escalationPolicy).toBeNull();
    expect(await next()).toEqual(before);
  });
});
