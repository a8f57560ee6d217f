/**
 * Joining over both platforms in one process, on each database: invite codes bind chat
 * identities; used, expired and unknown codes are refused politely; strangers are told how to join.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, type E2E } from "../support/e2e.js";
import { seedPeople } from "../support/seed.js";

describe.each(testDatabases())("onboarding on $name", (target) => {
  let database: TestDatabase;
  let e2e: E2E;

  beforeAll(async () => {
    database = await target.create();
    await seedPeople(database.url);
    e2e = await startE2E({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  it("binds one person on Bale and on Telegram with their own codes, answering in Persian", async () => {
    const onBale = await e2e.bindUser("bale", "09121000004");
    const onTelegram = await e2e.bindUser("telegram", "+989121000004");
    expect(onBale.lastMessage()?.text).toContain("زهرا موسوی عزیز، خوش آمدید");
    expect(onBale.lastMessage()?.text).toContain("کارشناس رابط");
    expect(onTelegram.lastMessage()?.text).toContain("اداره تعاون");
    const identities = await e2e.app.database.prisma.chatIdentity.findMany({
      where: { person: { phone: "+989121000004" } },
      orderBy: { platform: "asc" },
    });
    expect(identities.map((i) => [i.platform, i.userId])).toEqual([
      ["bale", String(onBale.chatId)],
      ["telegram", String(onTelegram.chatId)],
    ]);
  });

  it("refuses a used code, and lets its owner press it again", async () => {
    const [invite] = await e2e.app.services.invites.issue({ personPhone: "09121000001" });
    const owner = e2e.fake("bale").user({ firstName: "رضا" });
    owner.command("/start", invite!.code);
    await owner.waitFor(/خوش آمدید/);
    owner.command("/start", invite!.code);
    await owner.waitFor(/پیش‌تر .* ثبت شده است/);
    const stranger = e2e.fake("bale").user({ firstName: "غریبه" });
    stranger.command("/start", invite!.code);
    await stranger.waitFor("این کد دعوت پیش‌تر استفاده شده است");
    expect(await e2e.app.database.prisma.chatIdentity.count({ where: { userId: String(stranger.chatId) } })).toBe(0);
  });

  it("refuses unknown and expired codes and changes nothing", async () => {
    const user = e2e.fake("telegram").user({ firstName: "کاربر" });
    user.command("/start", "ZZZZZZZZZZ");
    await user.waitFor("این کد دعوت شناخته نشد");
    const [invite] = await e2e.app.services.invites.issue({ personPhone: "09121000002" });
    await e2e.app.database.prisma.invite.update({ where: { code: invite!.code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    user.command("/start", invite!.code);
    await user.waitFor("مهلت این کد دعوت تمام شده است");
    const used = await e2e.app.database.prisma.invite.findUnique({ where: { code: invite!.code } });
    expect(used?.usedAt).toBeNull();
  });

  it("accepts a bare code typed on its own", async () => {
    const [invite] = await e2e.app.services.invites.issue({ personPhone: "09121000005" });
    const user = e2e.fake("telegram").user({ firstName: "حسین" });
    user.send(invite!.code.toLowerCase());
    await user.waitFor(/حسین نوری عزیز، خوش آمدید/);
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
    const head = await e2e.bindUser("bale", "09121000008");
    head.command("/help");
    const help = await head.waitFor(/نقش‌های شما/);
    expect(help.text).toContain("رئیس دستگاه — بانک ملی");
    expect(help.text).toContain("/tasks");
  });
});
