/**
 * /items in pages, on Bale, on each database, driving the real bot as the secretary: the header
 * names the filter, the page and the count; «بعدی» and «قبلی» turn pages under the filter they
 * were pressed under, redrawing the same message; the pages together hold every matching item
 * once; a numbered button on a later page opens that item; a page past the end shows the last.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import type { FakeUser } from "../fake-bot-api/user.js";
import { PEOPLE, pressLabelled, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { itemLines, next, publishLongMeeting, toFa } from "../support/secretariat.js";

const TAVON = "اداره تعاون، کار و رفاه اجتماعی شهرستان پردیس";
const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
const labelsOf = (m: Message) => buttonsOf(m).map((b) => b.text);
const dataOf = (m: Message, label: string) => {
  const b = buttonsOf(m).find((x) => x.text === label);
  return b && "callback_data" in b ? b.callback_data : undefined;
};

describe.each(testDatabases())("/items in pages on $name", (target) => {
  let pardis: Pardis;
  let secretary: FakeUser;
  const db = () => pardis.e2e.app.database.prisma;

  beforeAll(async () => {
    pardis = await startPardis(target, { platforms: ["bale"] });
    secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    await publishMeeting(pardis.e2e);
    // 12 more items for tavon: with the fixture's 5, two pages of tavon's items.
    await publishLongMeeting(pardis.e2e, {
      number: "1405-09",
      heldOn: { jy: 1405, jm: 9, jd: 3 },
      count: 12,
      agencyCode: "tavon",
      firstDeadline: { jy: 1405, jm: 10, jd: 1 },
    });
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("pages through one agency's items and back, the filter kept, the message edited in place", async () => {
    const open = await db().assignment.count({ where: { status: { notIn: ["done", "cancelled"] } } });
    const tavon = await db().assignment.findMany({
      where: { agency: { code: "tavon" } },
      select: { id: true, resolution: { select: { number: true, meeting: { select: { number: true } } } } },
    });
    expect(open).toBe(36);
    expect(tavon).toHaveLength(17);

    secretary.command("/items");
    const list = await next(secretary, "موارد (همه موارد باز)");
    expect(list.text).toContain(`صفحه ۱ از ۳ — ${toFa(open)} مورد`);
    expect(itemLines(list)).toHaveLength(15);
    expect(labelsOf(list)).toContain("بعدی");
    expect(labelsOf(list)).not.toContain("قبلی");

    // The agency filter redraws the same message, from its first page.
    await pressLabelled(secretary, list, "اداره تعاون");
    const first = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes(`موارد (${TAVON})`));
    expect(first.text).toContain("صفحه ۱ از ۲ — ۱۷ مورد");
    const firstLines = itemLines(first);
    expect(firstLines).toHaveLength(15);
    expect(firstLines[0]).toMatch(/^۱\) /);
    expect(labelsOf(first)).toEqual(expect.arrayContaining(["بعدی", "۱", "۱۵"]));
    expect(labelsOf(first)).not.toContain("قبلی");
    const tavonId = (await db().agency.findFirstOrThrow({ where: { code: "tavon" } })).id;
    // The button says the screen it turns to: tavon's items, page 2.
    expect(dataOf(first, "بعدی")).toBe(`i:agency:${tavonId}:2`);

    await pressLabelled(secretary, first, "بعدی");
    const second = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("صفحه ۲ از ۲"));
    expect(second.text).toContain(`موارد (${TAVON})، صفحه ۲ از ۲ — ۱۷ مورد`);
    const secondLines = itemLines(second);
    expect(secondLines.map((l) => l.split(")")[0])).toEqual(["۱۶", "۱۷"]);
    expect(labelsOf(second)).toContain("قبلی");
    expect(labelsOf(second)).not.toContain("بعدی");
    expect(dataOf(second, "قبلی")).toBe(`i:agency:${tavonId}:1`);

    // Both pages together: each of tavon's items exactly once, and nobody else's.
    const all = [...firstLines, ...secondLines];
    for (const line of all) expect(line).toContain(TAVON);
    const titles = tavon.map((a) => `مصوبه ${toFa(a.resolution.number)} جلسه ${toFa(a.resolution.meeting.number)} — `).sort();
    expect(all.map((l) => /مصوبه [۰-۹]+ جلسه [۰-۹-]+ — /.exec(l)![0]).sort()).toEqual(titles);

    await pressLabelled(secretary, second, "قبلی");
    const back = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("صفحه ۱ از ۲"));
    expect(back.text).toBe(first.text);
    // Every page change edited the one list: no second list message in the chat.
    expect(secretary.messages().filter((m) => m.text?.startsWith("موارد ("))).toHaveLength(1);

    // A numbered button of page 2 opens its item.
    await pressLabelled(secretary, back, "بعدی");
    const again = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("صفحه ۲ از ۲"));
    const lastTitle = /مصوبه [۰-۹]+ جلسه [۰-۹-]+ — [^\n]+/.exec(itemLines(again)[1]!.replace(/^[۰-۹]+\) /, ""))![0];
    await pressLabelled(secretary, again, "۱۷");
    const card = await next(secretary, lastTitle);
    expect(card.message_id).not.toBe(list.message_id);
    expect(labelsOf(card)).toContain("📜 تاریخچه");

    // A page past the end (an old button after items closed) shows the last page.
    await pressLabelled(secretary, again, "قبلی");
    await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("صفحه ۱ از ۲"));
    await secretary.press(list.message_id, `i:agency:${tavonId}:9`, { force: true });
    const clamped = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("صفحه ۲ از ۲"));
    expect(itemLines(clamped)).toHaveLength(2);
  });

  it("keeps a one-page filter without page buttons or a page in its header", async () => {
    secretary.command("/items");
    const list = await next(secretary, "موارد (همه موارد باز)");
    await pressLabelled(secretary, list, "بانک ملی");
    const bank = await secretary.waitFor((m) => m.message_id === list.message_id && !!m.text?.includes("موارد (بانک ملی"));
    expect(bank.text).not.toContain("صفحه");
    expect(itemLines(bank)).toHaveLength(3);
    expect(labelsOf(bank)).not.toContain("بعدی");
    expect(labelsOf(bank)).not.toContain("قبلی");
  });
});
