/**
 * Joining over both platforms in one process, on each database: invite codes bind chat
 * identities after the contact check; used, expired, revoked and unknown codes are refused
 * politely and counted, and guessing is throttled (surviving a restart) with an alert to the
 * secretariat; a contact that does not match, or none, goes to the secretariat for one tap;
 * one person has one account per platform; strangers are told how to join.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, TOKENS, type E2E } from "../support/e2e.js";
import { outboxSettled } from "../support/outbox.js";
import { seedPeople } from "../support/seed.js";

const CONTACT_REQUEST = /ارسال شماره تلفن من/;

describe.each(testDatabases())("onboarding on $name", (target) => {
  let database: TestDatabase;
  let e2e: E2E;
  let secretary: FakeUser;
  let zahraOnTelegram: FakeUser;

  beforeAll(async () => {
    database = await target.create();
    await seedPeople(database.url);
    e2e = await startE2E({ databaseUrl: database.url });
    secretary = await e2e.bindUser("telegram", "09121000002");
  });
  afterAll(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  const db = () => e2e.app.database.prisma;
  const codeFor = async (phone: string) => (await e2e.app.services.invites.issue({ personPhone: phone }))[0]!.code;
  const identities = (platform: Platform, user: FakeUser) => db().chatIdentity.count({ where: { platform, userId: String(user.id) } });

  /** /start CODE, then the contact when asked: the user's own phone unless `phone` is given. */
  async function join(user: FakeUser, code: string, phone?: string) {
    user.command("/start", code);
    await user.waitFor(CONTACT_REQUEST);
    user.shareContact(phone);
    return user.waitFor(/خوش آمدید|دبیرخانه/);
  }

  it("binds one person on Bale and on Telegram with their own codes, answering in Persian", async () => {
    const onBale = await e2e.bindUser("bale", "09121000004");
    const onTelegram = await e2e.bindUser("telegram", "+989121000004");
    zahraOnTelegram = onTelegram;
    expect(onBale.lastMessage()?.text).toContain("زهرا موسوی، خوش آمدید");
    // The committee file gives no gender for her: no «جناب آقای / سرکار خانم».
    expect(onBale.lastMessage()?.text).not.toMatch(/جناب|سرکار/);
    expect(onBale.lastMessage()?.text).toContain("کارشناس رابط");
    expect(onTelegram.lastMessage()?.text).toContain("اداره تعاون");
    const bound = await db().chatIdentity.findMany({ where: { person: { phone: "+989121000004" } }, orderBy: { platform: "asc" } });
    expect(bound.map((i) => [i.platform, i.userId])).toEqual([
      ["bale", String(onBale.chatId)],
      ["telegram", String(onTelegram.chatId)],
    ]);
  });

  it("welcomes the secretariat with its own work and commands", () => {
    const welcome = secretary.messages().find((m) => m.text?.includes("خوش آمدید"));
    expect(welcome?.text).toContain("سرکار خانم مریم احمدی، خوش آمدید");
    expect(welcome?.text).toContain("اعلام انجام، اعلام مانع و درخواست تمدید");
    expect(welcome?.text).toContain("/meeting");
    expect(welcome?.text).not.toContain("/tasks");
  });

  it("asks for the contact with a request_contact button, and binds only on the invited phone", async () => {
    const code = await codeFor("09121000001");
    const owner = e2e.fake("bale").user({ firstName: "رضا", phone: "98 912 100 0001" });
    owner.command("/start", code);
    await owner.waitFor(CONTACT_REQUEST);
    const asked = e2e
      .fake("bale")
      .requests.filter((r) => r.method === "sendMessage" && JSON.stringify(r.params).includes("request_contact"))
      .at(-1);
    expect(asked).toBeDefined();
    expect(await identities("bale", owner)).toBe(0);
    owner.shareContact();
    const welcome = await owner.waitFor(/خوش آمدید/);
    // The committee file says he is a man: formal address.
    expect(welcome.text).toContain("جناب آقای رضا کریمی، خوش آمدید");
    // The governorate is not welcomed like an agency: what reaches it, and its commands.
    expect(welcome.text).toContain("به فرمانداری ارجاع می‌شود");
    expect(welcome.text).toContain("/items");
    expect(welcome.text).not.toContain("/tasks");
    expect(await identities("bale", owner)).toBe(1);
  });

  it("refuses a used code, and lets its owner press it again", async () => {
    const code = await codeFor("09121000005");
    const owner = e2e.fake("telegram").user({ firstName: "حسین", phone: "+989121000005" });
    await join(owner, code);
    owner.command("/start", code);
    await owner.waitFor(/پیش‌تر .* ثبت شده است/);
    const stranger = e2e.fake("telegram").user({ firstName: "غریبه" });
    stranger.command("/start", code);
    await stranger.waitFor("این کد دعوت پیش‌تر استفاده شده است");
    expect(await identities("telegram", stranger)).toBe(0);
  });

  it("refuses unknown and expired codes and changes nothing", async () => {
    const user = e2e.fake("telegram").user({ firstName: "کاربر" });
    user.command("/start", "ZZZZZZZZZZ");
    await user.waitFor("این کد دعوت شناخته نشد");
    const code = await codeFor("09121000008");
    await db().invite.update({ where: { code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    user.command("/start", code);
    await user.waitFor("مهلت این کد دعوت تمام شده است");
    expect((await db().invite.findUnique({ where: { code } }))?.usedAt).toBeNull();
  });

  it("accepts a bare code typed on its own", async () => {
    const code = await codeFor("09121000008");
    const user = e2e.fake("bale").user({ firstName: "سعید", phone: "09121000008" });
    user.send(code.toLowerCase());
    await user.waitFor(CONTACT_REQUEST);
    user.shareContact();
    await user.waitFor(/سعید قاسمی، خوش آمدید/);
  });

  it("a forwarded link: another phone goes to the secretariat, who refuses with one tap; the owner still joins", async () => {
    const code = await codeFor("09121000003");
    const stranger = e2e.fake("bale").user({ firstName: "ناشناس", username: "someone", phone: "+989351112233" });
    const told = await join(stranger, code);
    expect(told.text).toContain("برای دبیرخانه کارگروه فرستاده شد");
    expect(await identities("bale", stranger)).toBe(0);
    const request = await secretary.waitFor(/درخواست عضویت برای بررسی/, { timeoutMs: 10_000 });
    expect(request.text).toContain("علی رضایی");
    expect(request.text).toContain("+989351112233");
    expect(request.text).toContain("یکی نیست");
    const refuse = request.reply_markup!.inline_keyboard.flat().find((b) => b.text.includes("رد"))!;
    const answer = await secretary.press(request, (refuse as { callback_data: string }).callback_data);
    expect(answer.text).toContain("رد شد");
    await stranger.waitFor("درخواست عضویت این حساب را نپذیرفت", { timeoutMs: 10_000 });
    expect(await identities("bale", stranger)).toBe(0);
    const audited = await db().auditLog.count({ where: { action: "join.refused" } });
    expect(audited).toBe(1);

    const owner = e2e.fake("bale").user({ firstName: "علی", phone: "09121000003" });
    const welcome = await join(owner, code);
    expect(welcome.text).toContain("علی رضایی، خوش آمدید");
  });

  it("someone else's contact card (not the sender's own) is not proof: the secretariat is asked", async () => {
    const code = await codeFor("09121000008");
    const sender = e2e.fake("telegram").user({ firstName: "فرستنده" });
    sender.command("/start", code);
    await sender.waitFor(CONTACT_REQUEST);
    // A contact card of the invited person, forwarded: its user_id is not the sender's.
    e2e.fake("telegram").pushUpdate(TOKENS.telegram, {
      message: {
        message_id: 99_001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: sender.chatId, type: "private", first_name: "فرستنده" },
        from: sender.info,
        contact: { phone_number: "+989121000008", first_name: "سعید", user_id: sender.id + 1 },
      },
    } as never);
    await sender.waitFor("برای دبیرخانه کارگروه فرستاده شد");
    const request = await secretary.waitFor(/متعلق به خود این حساب نیست/, { timeoutMs: 10_000 });
    expect(request.text).toContain("سعید قاسمی");
    expect(await identities("telegram", sender)).toBe(0);
  });

  it("declining the contact asks the secretariat, whose approval binds and is told through the outbox", async () => {
    const code = await codeFor("09121000003");
    const person = e2e.fake("telegram").user({ firstName: "علی" });
    person.command("/start", code);
    await person.waitFor(CONTACT_REQUEST);
    person.send("شماره را نمی‌فرستم");
    await person.waitFor("برای دبیرخانه کارگروه فرستاده شد");
    const request = await secretary.waitFor(/شماره تلفن خود را نفرستاد/, { timeoutMs: 10_000 });
    const approve = request.reply_markup!.inline_keyboard.flat().find((b) => b.text.includes("تأیید")) as { callback_data: string };
    const answer = await secretary.press(request, approve.callback_data);
    expect(answer.text).toContain("عضویت علی رضایی تأیید شد");
    await person.waitFor("عضویت شما را تأیید کرد", { timeoutMs: 10_000 });
    expect(await identities("telegram", person)).toBe(1);
    // A second tap (a stale copy) changes nothing and says who decided.
    const again = await secretary.press(request, approve.callback_data, { force: true });
    expect(again.text).toContain("پیش‌تر بررسی شده است");
    expect(await db().auditLog.count({ where: { action: "join.approved" } })).toBe(1);
  });

  it("only the committee's secretariat may decide a join request", async () => {
    const code = await codeFor("09121000001");
    const person = e2e.fake("telegram").user({ firstName: "رضا", phone: "+989120000000" });
    await join(person, code);
    const request = await secretary.waitFor(/درخواست عضویت برای بررسی/, { timeoutMs: 10_000 });
    const approve = request.reply_markup!.inline_keyboard.flat().find((b) => b.text.includes("تأیید")) as { callback_data: string };
    // A bound liaison forging the secretariat's button.
    const forged = await zahraOnTelegram.press(zahraOnTelegram.lastMessage()!, approve.callback_data, { force: true });
    expect(forged.text).toContain("به کارگروه شما مربوط نیست");
    expect(await identities("telegram", person)).toBe(0);
  });

  it("binds at once when the committee file turns the check off (verifyContact: false)", async () => {
    await db().committee.update({ where: { code: "pardis-employment" }, data: { verifyContact: false } });
    try {
      const code = await codeFor("09121000001");
      const user = e2e.fake("telegram").user({ firstName: "رضا" });
      user.command("/start", code);
      await user.waitFor(/رضا کریمی، خوش آمدید/);
    } finally {
      await db().committee.update({ where: { code: "pardis-employment" }, data: { verifyContact: true } });
    }
  });

  it("a new invite revokes the earlier unused code; a second account on one platform is refused", async () => {
    const first = await codeFor("09121000005");
    const second = await codeFor("09121000005");
    const user = e2e.fake("bale").user({ firstName: "حسین", phone: "09121000005" });
    user.command("/start", first);
    await user.waitFor("با کد تازه‌تری جایگزین شده");
    await join(user, second);
    expect(await identities("bale", user)).toBe(1);

    // Zahra is on Bale already (the first test): another Bale account of hers is refused, with the way out.
    const other = e2e.fake("bale").user({ firstName: "زهرا", phone: "09121000004" });
    other.command("/start", await codeFor("09121000004"));
    const refused = await other.waitFor(/پیش‌تر با حساب دیگری/);
    expect(refused.text).toContain("حساب قبلی را بردارد");
    expect(await identities("bale", other)).toBe(0);
  });

  it("throttles guessing per chat, counted in the database across a restart, and alerts the secretariat once", async () => {
    const guesser = e2e.fake("bale").user({ firstName: "حدس", username: "guesser" });
    for (let i = 0; i < 5; i++) {
      guesser.command("/start", `WRONG${i}CODE`.slice(0, 10));
      await guesser.waitFor("این کد دعوت شناخته نشد");
    }
    const alert = await secretary.waitFor(/هشدار امنیتی/, { timeoutMs: 10_000 });
    expect(alert.text).toContain(String(guesser.id));
    expect(alert.text).toContain("@guesser");
    // Even a valid code is not looked at now.
    const valid = await codeFor("09121000001");
    guesser.command("/start", valid);
    await guesser.waitFor(/دقیقه دیگر دوباره تلاش کنید/);
    await e2e.restart();
    guesser.command("/start", valid);
    await guesser.waitFor(/دقیقه دیگر دوباره تلاش کنید/);
    expect(await db().inviteAttempt.count({ where: { platform: "bale", userId: String(guesser.id) } })).toBe(5);
    expect((await db().invite.findUniqueOrThrow({ where: { code: valid } })).usedAt).toBeNull();
    await outboxSettled(e2e.app);
    const alerts = e2e
      .fake("telegram")
      .sent(secretary.chatId)
      .filter((m) => m.text?.includes("هشدار امنیتی"));
    expect(alerts).toHaveLength(1);
  });

  it("tells a stranger how to join, whatever they send", async () => {
    const stranger = e2e.fake("bale").user({ firstName: "ناشناس" });
    stranger.send("سلام");
    const answer = await stranger.waitFor(/هنوز در فهرست اعضا ثبت نشده‌اید/);
    expect(answer.text).toContain("دبیرخانه");
    stranger.command("/help");
    await stranger.waitFor(/هنوز در فهرست اعضا ثبت نشده‌اید/);
  });

  it("explains each role's work in /help", async () => {
    const head = await e2e.bindUser("telegram", "09121000008");
    head.command("/help");
    const help = await head.waitFor(/نقش‌های شما/);
    expect(help.text).toContain("رئیس دستگاه — بانک ملی");
    expect(help.text).toContain("/tasks");
  });
});
