/**
 * The Pardis working group three weeks after its meeting, built through the services (the agency
 * side's real code) where they exist, for the reports' end-to-end tests. The secretariat's
 * verification, cancellation and deadline extension are written straight to the database here:
 * their chat flows are another issue's (11), and the figures only read the rows.
 *
 * "Now" at the end is Monday 1405/09/23 10:00. Hand-computed figures (24 assignments, 14 of them
 * on the two standing resolutions, one cancelled → 9 countable, 2 done):
 *
 *   agency           countable done  realization  overdue
 *   smt (صنعت)           2       0       0%          0      res 1 claimed done, res 5 assigned
 *   jahad (جهاد)         1       0       0%          0      res 5 extended to 1405/10/30
 *   bank-melli           1       0       0%          0      res 6 blocked
 *   bank-keshavarzi      1       0       0%          0
 *   tavon (تعاون)        3       1      33%          1      res 1 in progress 50%, due 09/20 → 3 working days late
 *   omran (عمران)        1       1     100%          0      res 2 done on time
 *   bank-refah           0       0       —           0      res 6 cancelled
 *   committee            9       2      22%          1      worst 3 working days
 *
 * Weekly reports: the cycle of the week of 09/15 (due Tuesday 09/17 14:00): tavon on time (jobs 12),
 * smt late (jobs 5), five missing. This week's cycle (due 09/24) is open: tavon sent jobs 8.
 * jobs_created this year: 25 (tavon 20, smt 5) against the quota 1200 (tavon 400, smt 300, jahad 200).
 */
import { HOUR_MS, deadlineInstant, instantAt, type JalaliDate } from "../../src/domain/calendar/index.js";
import { type Pardis, assignmentId, personId, PEOPLE, publishMeeting } from "./agency.js";

export const SCENARIO_NOW = instantAt({ jy: 1405, jm: 9, jd: 23 }, 10 * HOUR_MS);
const at = (jd: number, h = 10): Date => instantAt({ jy: 1405, jm: 9, jd }, h * HOUR_MS);

export async function buildReportScenario({ e2e, clock }: Pardis): Promise<void> {
  const { services, database } = e2e.app;
  const db = database.prisma;
  clock.set(at(4));
  await publishMeeting(e2e);
  const actor = async (phone: string) => ({ personId: await personId(e2e, phone), platform: "bale" as const });
  const tavon = await actor(PEOPLE.tavonLiaison);
  const smt = await actor(PEOPLE.smt);
  const omran = await actor(PEOPLE.omran);
  const melli = await actor(PEOPLE.bankMelli);
  const expect = (result: { ok: boolean }, what: string) => {
    if (!result.ok) throw new Error(`scenario step failed: ${what}: ${JSON.stringify(result)}`);
  };

  clock.set(at(7));
  expect(await services.assignments.acknowledge(tavon, await assignmentId(e2e, 1, "tavon")), "tavon ack 1");
  expect(
    await services.assignments.recordProgress(tavon, {
      assignmentId: await assignmentId(e2e, 1, "tavon"),
      text: "جلسه برگزار شد",
      percent: 50,
    }),
    "tavon progress 1",
  );
  clock.set(at(8));
  expect(
    await services.assignments.reportBlocked(melli, {
      assignmentId: await assignmentId(e2e, 6, "bank-melli"),
      reason: "بخشنامه بانک مرکزی نرسیده است",
    }),
    "melli blocked 6",
  );
  clock.set(at(10));
  const omran2 = await assignmentId(e2e, 2, "omran");
  expect(await services.assignments.claimDone(omran, { assignmentId: omran2, text: "جلسه برگزار شد" }), "omran done 2");
  await verify(e2e, omran2, at(10, 11));

  // The secretariat cancels bank-refah's part of resolution 6 and extends jahad's deadline on resolution 5.
  const refah6 = await assignmentId(e2e, 6, "bank-refah");
  await db.assignment.update({ where: { id: refah6 }, data: { status: "cancelled", cancelledAt: at(11) } });
  await db.auditLog.create({
    data: {
      actorKind: "system",
      action: "assignment.cancel",
      entity: "Assignment",
      entityId: String(refah6),
      data: { from: "assigned", to: "cancelled" },
      at: at(11),
    },
  });
  const jahad5 = await assignmentId(e2e, 5, "jahad");
  const extended: JalaliDate = { jy: 1405, jm: 10, jd: 30 };
  const previous = (await db.assignment.findUniqueOrThrow({ where: { id: jahad5 } })).deadline;
  const resolutionId = (await db.assignment.findUniqueOrThrow({ where: { id: jahad5 } })).resolutionId;
  await db.assignment.update({ where: { id: jahad5 }, data: { deadline: deadlineInstant(extended) } });
  await db.deadlineChange.create({
    data: { resolutionId, assignmentId: jahad5, previous, next: deadlineInstant(extended), reason: "درخواست دستگاه", at: at(11) },
  });

  // The weekly report of the week of 09/15, due Tuesday 09/17 14:00.
  clock.set(at(16, 9));
  const week1 = await services.weeklyReports.openCycle("pardis-employment", clock.now());
  const tavonId = (await db.agency.findUniqueOrThrow({ where: { code: "tavon" } })).id;
  const smtId = (await db.agency.findUniqueOrThrow({ where: { code: "smt" } })).id;
  const report = (jobs: number) => ({ summary: "اقدامات هفته", jobs_created: jobs, facilities_paid: 0, cases_at_banks: 1 });
  expect(await services.weeklyReports.submit(tavon, { cycleId: week1.cycle.id, agencyId: tavonId, answers: report(12) }), "tavon report 1");
  clock.set(at(18, 9));
  expect(await services.weeklyReports.submit(smt, { cycleId: week1.cycle.id, agencyId: smtId, answers: report(5) }), "smt late report");
  expect(await services.assignments.claimDone(smt, { assignmentId: await assignmentId(e2e, 1, "smt") }), "smt claims 1");

  clock.set(at(22, 11));
  const tavon6 = await assignmentId(e2e, 6, "tavon");
  expect(await services.assignments.claimDone(tavon, { assignmentId: tavon6, text: "راهکارها ارائه شد" }), "tavon claims 6");
  await verify(e2e, tavon6, at(22, 12));

  // This week's cycle (due Tuesday 09/24): tavon has already sent it.
  clock.set(SCENARIO_NOW);
  const week2 = await services.weeklyReports.openCycle("pardis-employment", clock.now());
  expect(await services.weeklyReports.submit(tavon, { cycleId: week2.cycle.id, agencyId: tavonId, answers: report(8) }), "tavon report 2");
}

/** The secretariat's verification of a done claim (issue 11 builds its chat flow). */
async function verify(e2e: Pardis["e2e"], id: number, when: Date): Promise<void> {
  const db = e2e.app.database.prisma;
  await db.assignment.update({ where: { id }, data: { status: "done", doneAt: when, percent: 100 } });
  await db.progressUpdate.create({ data: { assignmentId: id, platform: "cli", kind: "verified", createdAt: when } });
  await db.auditLog.create({
    data: {
      actorKind: "system",
      action: "assignment.verify",
      entity: "Assignment",
      entityId: String(id),
      data: { from: "reported_done", to: "done" },
      at: when,
    },
  });
}
