/**
 * Two members of one agency, on two platforms, never see an item in two states: every change of
 * an item (seen, done claimed, verified, extended, an agency added) edits every card of it that
 * was sent, in place, on each platform; a card still waiting in the outbox leaves as the item is
 * when it leaves. "Done" takes a note and several files together. On each database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Message } from "grammy/types";
import type { FakeUser } from "../../src/fake-bot-api/index.js";
import { outboxTopic } from "../../src/domain/outbox-topic.js";
import { cardKey } from "../../src/services/assignments/index.js";
import { identityKey } from "../../src/services/notifications.js";
import { answerWithButton, assignmentId, PEOPLE, personId, publishMeeting, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { outboxSettled } from "../support/outbox.js";

describe.each(testDatabases())("an item's cards follow its changes on $name", (target) => {
  let pardis: Pardis;
  let liaison: FakeUser;
  let head: FakeUser;
  const ids: Record<string, number> = {};
  const db = () => pardis.e2e.app.database.prisma;

  /** The card of an item in a user's chat, as it is now: found through the outbox row that sent it. */
  const cardIn = async (user: FakeUser, id: number): Promise<Message> => {
    const identity = await db().chatIdentity.findFirstOrThrow({ where: { chatId: String(user.chatId) } });
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: identityKey(cardKey(id), identity.id) } });
    const card = user.messages().find((m) => String(m.message_id) === row.messageId);
    if (!card) throw new Error(`the card of item ${id} is not in chat ${user.chatId}`);
    return card;
  };
  const buttonsOf = (card: Message) => (card.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
  /** Waits until both cards of the item say `status`, then returns them. */
  const bothSay = async (id: number, status: RegExp): Promise<Message[]> => {
    await outboxSettled(pardis.e2e.app);
    const cards = [];
    for (const user of [liaison, head])
      cards.push(
        await user.waitFor((m) => m.message_id === (cardsSeen.get(user)?.get(id) ?? -1) && status.test(m.text ?? ""), { fromStart: true }),
      );
    return cards;
  };
  const cardsSeen = new Map<FakeUser, Map<number, number>>();

  beforeAll(async () => {
    pardis = await startPardis(target);
    liaison = await pardis.e2e.bindUser("bale", PEOPLE.tavonLiaison);
    head = await pardis.e2e.bindUser("telegram", PEOPLE.tavonHead);
    await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    await publishMeeting(pardis.e2e);
    await outboxSettled(pardis.e2e.app);
    for (const r of [1, 5, 6]) ids[`r${r}`] = await assignmentId(pardis.e2e, r, "tavon");
    for (const user of [liaison, head]) {
      const seen = new Map<number, number>();
      for (const id of Object.values(ids)) seen.set(id, (await cardIn(user, id)).message_id);
      cardsSeen.set(user, seen);
    }
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("the head's «رویت شد» shows on the liaison's card too, on the other platform, without a new message", async () => {
    const before = liaison.messages().length;
    const card = await cardIn(head, ids.r1!);
    await head.press(card, `a:ack:${ids.r1}`);
    const [onLiaison, onHead] = await bothSay(ids.r1!, /وضعیت: رویت‌شده/);
    expect(buttonsOf(onLiaison!)).not.toContain("رویت شد");
    expect(buttonsOf(onHead!)).toEqual(buttonsOf(onLiaison!));
    expect(liaison.messages().length).toBe(before);
    // No edit was left failing.
    expect(await db().outboxMessage.count({ where: { method: "editMessageText", status: { not: "sent" } } })).toBe(0);
    // The liaison's card changed through an edit from the outbox; the head's card was redrawn by the
    // press itself, so the head's chat got no second edit of it (which would have held its next reply).
    const editsIn = (user: FakeUser) =>
      db().outboxMessage.count({
        where: { method: "editMessageText", chatId: String(user.chatId), topic: outboxTopic.assignment(ids.r1!) },
      });
    expect(await editsIn(liaison)).toBe(1);
    expect(await editsIn(head)).toBe(0);
  });

  it("«انجام شد» takes a note and two files; both cards then wait for the secretariat, without the done button", async () => {
    await liaison.press(await cardIn(liaison, ids.r1!), `a:done:${ids.r1}`);
    await liaison.waitFor("اگر توضیح یا مستندی");
    liaison.send("طرح با نامه ۴۵۶ به بانک معرفی شد");
    await liaison.waitFor("توضیح دریافت شد");
    liaison.sendDocument({ fileName: "نامه.pdf", mimeType: "application/pdf", size: 40_000 });
    await liaison.waitFor("فایل ۱ دریافت شد");
    liaison.sendDocument({ fileName: "صورتجلسه.pdf", mimeType: "application/pdf", size: 50_000 });
    await answerWithButton(liaison, "فایل ۲ دریافت شد", "پایان ارسال فایل‌ها");
    const summary = await liaison.waitFor("اعلام انجام مصوبه ۱ جلسه ۱۴۰۵-۰۸:");
    expect(summary.text).toContain("طرح با نامه ۴۵۶ به بانک معرفی شد");
    expect(summary.text).toContain("پیوست: ۲ فایل");
    await answerWithButton(liaison, "اعلام انجام مصوبه ۱ جلسه ۱۴۰۵-۰۸:", "ثبت");
    await liaison.waitFor("برای تأیید به دبیرخانه رفت");
    const claim = await db().progressUpdate.findFirstOrThrow({
      where: { assignmentId: ids.r1, kind: "done_claim" },
      include: { attachments: true },
    });
    expect(claim.text).toBe("طرح با نامه ۴۵۶ به بانک معرفی شد");
    expect(claim.attachments.map((a) => a.fileName).sort()).toEqual(["صورتجلسه.pdf", "نامه.pdf"]);
    for (const card of await bothSay(ids.r1!, /وضعیت: اعلام انجام \(در انتظار تأیید دبیرخانه\)/))
      expect(buttonsOf(card)).not.toContain("انجام شد");
  });

  it("the secretariat's approval closes both cards: done, and no buttons left", async () => {
    const actor = { personId: await personId(pardis.e2e, PEOPLE.secretariat), platform: "bale" as const };
    expect(await pardis.e2e.app.services.verification.approve(actor, ids.r1!)).toEqual({ ok: true, status: "done" });
    for (const card of await bothSay(ids.r1!, /وضعیت: خاتمه‌یافته/)) expect(buttonsOf(card)).toEqual([]);
  });

  it("an extension shows the new deadline on both cards", async () => {
    const actor = { personId: await personId(pardis.e2e, PEOPLE.secretariat), platform: "bale" as const };
    const extended = await pardis.e2e.app.services.deadlineChanges.extend(actor, {
      assignmentId: ids.r6!,
      until: { jy: 1405, jm: 10, jd: 8 },
      reason: "درخواست بانک",
      scope: "agency",
    });
    expect(extended.ok).toBe(true);
    const cards = await bothSay(ids.r6!, /۱۴۰۵\/۱۰\/۰۸|۸ دی ۱۴۰۵/);
    for (const card of cards) expect(card.text).not.toMatch(/۱۴۰۵\/۰۹\/۳۰|۳۰ آذر ۱۴۰۵/);
  });

  it("an agency added to a resolution appears among the partners on both cards", async () => {
    const actor = { personId: await personId(pardis.e2e, PEOPLE.secretariat), platform: "bale" as const };
    const jahad = await db().agency.findUniqueOrThrow({ where: { code: "jahad" } });
    expect((await cardIn(liaison, ids.r6!)).text).not.toContain(jahad.name);
    const added = await pardis.e2e.app.services.itemChanges.addAgency(actor, ids.r6!, jahad.id);
    expect(added.ok).toBe(true);
    const cards = await bothSay(ids.r6!, new RegExp(jahad.name));
    expect(cards).toHaveLength(2);
  });

  it("a progress note edits both cards when it starts the work, and none when the cards would say the same", async () => {
    const edits = () => db().outboxMessage.count({ where: { method: "editMessageText", topic: outboxTopic.assignment(ids.r6!) } });
    liaison.reply((await cardIn(liaison, ids.r6!)).message_id, "کار با بانک آغاز شد");
    await liaison.waitFor(/گزارش پیشرفت .* ثبت شد/);
    await bothSay(ids.r6!, /وضعیت: در حال اجرا/);
    const before = await edits();
    liaison.reply((await cardIn(liaison, ids.r6!)).message_id, "جلسه دوم با بانک برگزار شد");
    await liaison.waitFor(/گزارش پیشرفت .* ثبت شد/);
    await outboxSettled(pardis.e2e.app);
    expect(await db().progressUpdate.count({ where: { assignmentId: ids.r6!, kind: "progress" } })).toBe(2);
    expect(await edits()).toBe(before);
  });

  it("a card still waiting in the outbox leaves saying what is true when it leaves", async () => {
    // A new liaison's cards are queued for the next working morning (it is evening now).
    const evening = new Date(pardis.clock.now());
    evening.setUTCHours(16, 0, 0, 0);
    pardis.clock.set(evening);
    const r5 = await db().assignment.findUniqueOrThrow({ where: { id: ids.r5! }, select: { agencyId: true } });
    const second = await db().person.create({ data: { name: "سارا کریمی", phone: "+989121000099" } });
    await db().membership.create({
      data: { personId: second.id, role: "liaison", agencyId: r5.agencyId, scopeKey: `agency:${r5.agencyId}` },
    });
    const late = await pardis.e2e.bindUser("bale", "09121000099");
    const identity = await db().chatIdentity.findFirstOrThrow({ where: { chatId: String(late.chatId) } });
    const queued = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: identityKey(cardKey(ids.r5!), identity.id) } });
    expect(queued.status).toBe("pending");
    await liaison.press(await cardIn(liaison, ids.r5!), `a:ack:${ids.r5}`);
    // The cards are refreshed once the press has committed: wait for it.
    const payloadOf = async () => JSON.stringify((await db().outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).payload);
    await vi.waitFor(async () => expect(await payloadOf()).toContain("وضعیت: رویت‌شده"), { timeout: 5_000 });
    expect(await payloadOf()).not.toContain("رویت شد");
  });
});
