/**
 * The secretary changes items in chat, on Bale, on each database, driving the real bot from
 * /items: extends one agency's deadline (the partner keeps its own; history kept, both told),
 * cancels an item with a reason, reassigns one to another agency (the new agency gets the card),
 * and adds an agency to a resolution. Each change is in the audit log and reaches the agencies
 * through the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-bot-api/user.js";
import { instantAt, HOUR_MS } from "../../src/domain/calendar/index.js";
import { PEOPLE, assignmentId, assignmentRow, pressLabelled, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";
import { next, openItem, pressOn } from "../support/secretariat.js";

const TAVON = "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس";

describe.each(testDatabases())("the secretary changes items in chat on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;
  let liaison: FakeUser;
  let smt: FakeUser;
  let jahad: FakeUser;
  let omran: FakeUser;
  const ids: Record<string, number> = {};
  const db = () => pardis.e2e.app.database.prisma;
  const settle = () => outboxSettled(pardis.e2e.app);

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    smt = await pardis.e2e.bindUser("bale", PEOPLE.smt);
    jahad = await pardis.e2e.bindUser("bale", PEOPLE.jahad);
    omran = await pardis.e2e.bindUser("bale", PEOPLE.omran);
    await publishMeeting(pardis.e2e);
    await settle();
    for (const r of [1, 5, 6]) ids[`r${r}`] = await assignmentId(pardis.e2e, r, "tavon");
    ids.smtR1 = await assignmentId(pardis.e2e, 1, "smt");
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("extends tavon's deadline on resolution 1 alone, with a reason; smt keeps its own; both are told", async () => {
    const smtBefore = (await assignmentRow(pardis.e2e, ids.smtR1!)).deadline;
    const card = await openItem(secretary, `مصوبه ۱ جلسه ۱۴۰۵-۰۸ — ${TAVON}`);
    await pressLabelled(secretary, card, "تمدید مهلت");
    await next(secretary, "مهلت تازه مصوبه ۱ جلسه ۱۴۰۵-۰۸");
    secretary.send("۱۴۰۵/۱۰/۰۵");
    await pressOn(secretary, "فقط برای همین دستگاه باشد یا برای همه", "فقط همین دستگاه");
    await next(secretary, "دلیل را بنویسید");
    secretary.send("تکمیل مدارک طرح‌ها در بانک");
    const summary = await next(secretary, "تکمیل مدارک طرح‌ها در بانک");
    await pressLabelled(secretary, summary, "ثبت");
    await next(secretary, "تمدید شد و به دستگاه‌ها اطلاع داده شد");
    // Dey 5 (a Saturday), end of the working day.
    expect((await assignmentRow(pardis.e2e, ids.r1!)).deadline!.getTime()).toBeGreaterThan(
      instantAt({ jy: 1405, jm: 10, jd: 5 }, 0).getTime(),
    );
    expect((await assignmentRow(pardis.e2e, ids.r1!)).deadline!.getTime()).toBeLessThan(
      instantAt({ jy: 1405, jm: 10, jd: 5 }, 24 * HOUR_MS).getTime(),
    );
    expect((await assignmentRow(pardis.e2e, ids.smtR1!)).deadline).toEqual(smtBefore);
    const history = await db().deadlineChange.findMany({ where: { assignmentId: ids.r1 } });
    expect(history.map((h) => h.reason)).toEqual(["تکمیل مدارک طرح‌ها در بانک"]);
    await settle();
    await liaison.waitFor(/مهلت[\s\S]*مصوبه ۱ جلسه ۱۴۰۵-۰۸[\s\S]*۵ دی ۱۴۰۵|۵ دی ۱۴۰۵[\s\S]*مصوبه ۱ جلسه ۱۴۰۵-۰۸/, { fromStart: true });
    await smt.waitFor(new RegExp(`⏳ مهلت ${TAVON} در مصوبه ۱ جلسه ۱۴۰۵-۰۸[\\s\\S]*تمدید شد`), { fromStart: true });
  });

  it("cancels tavon's part in resolution 5 with a reason; tavon is told; the item is closed", async () => {
    const card = await openItem(secretary, `مصوبه ۵ جلسه ۱۴۰۵-۰۸ — ${TAVON}`);
    await pressLabelled(secretary, card, "منتفی کردن");
    await next(secretary, `چرا مصوبه ۵ جلسه ۱۴۰۵-۰۸ — ${TAVON} منتفی می‌شود؟`);
    secretary.send("همایش به سال آینده موکول شد");
    await pressOn(secretary, "همایش به سال آینده موکول شد", "ثبت");
    await next(secretary, "منتفی شد و به دستگاه اطلاع داده شد");
    expect((await assignmentRow(pardis.e2e, ids.r5!)).status).toBe("cancelled");
    expect(await db().auditLog.count({ where: { action: "assignment.cancelled", entityId: String(ids.r5) } })).toBe(1);
    await settle();
    await liaison.waitFor(/مصوبه ۵ جلسه ۱۴۰۵-۰۸[\s\S]*همایش به سال آینده موکول شد/, { fromStart: true });
  });

  it("reassigns tavon's part in resolution 6 to jahad: tavon's is closed, jahad gets the card with its buttons", async () => {
    const jahadAgency = await db().agency.findUniqueOrThrow({ where: { code: "jahad" } });
    const card = await openItem(secretary, `مصوبه ۶ جلسه ۱۴۰۵-۰۸ — ${TAVON}`);
    await pressLabelled(secretary, card, "واگذاری به دستگاه دیگر");
    await pressOn(secretary, "به کدام دستگاه واگذار شود؟", jahadAgency.name);
    await next(secretary, "دلیل را بنویسید");
    secretary.send("پرونده‌ها کشاورزی است");
    await pressOn(secretary, "پرونده‌ها کشاورزی است", "ثبت");
    await next(secretary, `به ${jahadAgency.name} واگذار شد`);
    const old = await assignmentRow(pardis.e2e, ids.r6!);
    expect(old.status).toBe("cancelled");
    const moved = await db().assignment.findFirstOrThrow({ where: { resolutionId: old.resolutionId, agencyId: jahadAgency.id } });
    expect([moved.status, moved.role, moved.deadline]).toEqual(["assigned", "co", old.deadline]);
    await settle();
    const jahadCard = await jahad.waitFor((m) => JSON.stringify(m.reply_markup ?? {}).includes(`a:prg:${moved.id}`), { fromStart: true });
    expect(jahadCard.text).toContain("مصوبه ۶ جلسه ۱۴۰۵-۰۸");
    await liaison.waitFor(new RegExp(`مصوبه ۶ جلسه ۱۴۰۵-۰۸[\\s\\S]*${jahadAgency.name}`), { fromStart: true });
  });

  it("adds omran to resolution 1 as a co-operating agency in one press; omran gets the card", async () => {
    const omranAgency = await db().agency.findUniqueOrThrow({ where: { code: "omran" } });
    const card = await openItem(secretary, `مصوبه ۱ جلسه ۱۴۰۵-۰۸ — ${TAVON}`);
    await pressLabelled(secretary, card, "افزودن دستگاه");
    await pressOn(secretary, "کدام دستگاه به عنوان همکار", omranAgency.name);
    await next(secretary, `${omranAgency.name} به عنوان همکار`);
    const resolutionId = (await assignmentRow(pardis.e2e, ids.r1!)).resolutionId;
    const added = await db().assignment.findFirstOrThrow({ where: { resolutionId, agencyId: omranAgency.id } });
    expect(added.role).toBe("co");
    await settle();
    await omran.waitFor((m) => JSON.stringify(m.reply_markup ?? {}).includes(`a:prg:${added.id}`), { fromStart: true });
  });
});
