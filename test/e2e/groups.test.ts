/**
 * Group chats, on both platforms and both databases: a person's messages in a group never move
 * their notifications there, nothing personal is said in a group, and a committee's secretariat
 * (and only it) binds and unbinds the committee's group with /bindgroup and /unbindgroup.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, TOKENS, type E2E } from "../support/e2e.js";
import { seedPeople } from "../support/seed.js";
import type { FakeUser } from "../fake-bot-api/user.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];

describe.each(testDatabases())("group chats on $name", (target) => {
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

  // One account per person and platform: each person is bound once and reused.
  const bound = new Map<string, FakeUser>();
  const member = async (platform: Platform, phone: string): Promise<FakeUser> => {
    const key = `${platform}:${phone}`;
    if (!bound.has(key)) bound.set(key, await e2e.bindUser(platform, phone));
    return bound.get(key)!;
  };

  const identityOf = (platform: Platform, userId: number) =>
    e2e.app.database.prisma.chatIdentity.findUniqueOrThrow({ where: { platform_userId: { platform, userId: String(userId) } } });

  it.each(PLATFORMS)("a bound person's messages in a group leave their chat and say nothing personal there (%s)", async (platform) => {
    const liaison = await member(platform, "09121000004");
    const group = e2e.fake(platform).group({ title: "همکاران تعاون" });
    group.send(liaison, "سلام به همه");
    group.send(liaison, "/tasks");
    group.send(liaison, "/help");
    await group.waitForCount(2);
    expect((await identityOf(platform, liaison.id)).chatId).toBe(String(liaison.chatId));
    const said = group.messages().map((m) => m.text ?? "");
    // Only the two commands are answered, each with the same short pointer to the private chat.
    expect(said).toHaveLength(2);
    for (const text of said) {
      expect(text).toContain("گفت‌وگوی خصوصی");
      expect(text).not.toContain("زهرا موسوی");
      expect(text).not.toContain("کارشناس رابط");
    }
    // The person's own chat still works, and is where their answers go.
    liaison.command("/help");
    await liaison.waitFor(/نقش‌های شما/);
  });

  it.each(PLATFORMS)("the secretariat binds and unbinds the committee's group; others may not (%s)", async (platform) => {
    const secretary = await member(platform, "09121000002");
    const head = await member(platform, "09121000003");
    const group = e2e.fake(platform).group({ title: "کارگروه اشتغال پردیس" });

    group.send(head, "/bindgroup");
    await group.waitFor("فقط اعضای دبیرخانه");
    const committee = await e2e.app.database.prisma.committee.findUniqueOrThrow({ where: { code: "pardis-employment" } });
    expect(await e2e.app.services.groups.groupsOf(committee.id)).toEqual([]);

    group.send(secretary, "/bindgroup");
    await group.waitFor(/این گروه به «کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس» متصل شد/);
    expect(await e2e.app.services.groups.groupsOf(committee.id)).toEqual([
      expect.objectContaining({ platform, chatId: String(group.chatId), title: "کارگروه اشتغال پردیس" }),
    ]);
    const secretaryId = (await identityOf(platform, secretary.id)).personId;
    const audited = await e2e.app.database.prisma.auditLog.findMany({ where: { action: "group.bound", actorId: secretaryId } });
    expect(audited.map((a) => a.platform)).toContain(platform);
    expect((await identityOf(platform, secretary.id)).chatId).toBe(String(secretary.chatId));

    group.send(secretary, "/bindgroup");
    await group.waitFor("پیش‌تر به «کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس» متصل شده است");

    group.send(head, "/unbindgroup");
    await group.waitFor("فقط اعضای دبیرخانه");
    expect(await e2e.app.services.groups.groupsOf(committee.id)).toHaveLength(1);

    group.send(secretary, "/unbindgroup");
    await group.waitFor("اتصال این گروه به «کارگروه اشتغال و سرمایه‌گذاری شهرستان پردیس» برداشته شد");
    expect(await e2e.app.services.groups.groupsOf(committee.id)).toEqual([]);
  });

  it("a group whose bot was removed is unbound (the service message, which Bale sends too)", async () => {
    const platform: Platform = "bale";
    const secretary = await member(platform, "09121000002");
    const group = e2e.fake(platform).group({ title: "گروه موقت" });
    group.send(secretary, "/bindgroup");
    await group.waitFor(/متصل شد/);
    const me = await e2e.app.database.prisma.committeeGroup.findFirstOrThrow({ where: { chatId: String(group.chatId) } });
    expect(me.active).toBe(true);
    e2e.fake(platform).pushUpdate(TOKENS[platform], {
      message: {
        message_id: 9_999,
        date: Math.floor(Date.now() / 1000),
        chat: { id: group.chatId, type: "supergroup", title: "گروه موقت" },
        from: { id: secretary.id, is_bot: false, first_name: "مریم" },
        left_chat_member: { id: Number(TOKENS[platform].split(":")[0]), is_bot: true, first_name: "پیگیر" },
      },
    } as never);
    // The next command in the group is handled after the service message (one chat, in order).
    group.send(secretary, "/unbindgroup");
    await group.waitFor(/متصل نیست/);
    expect((await e2e.app.database.prisma.committeeGroup.findUniqueOrThrow({ where: { id: me.id } })).active).toBe(false);
  });

  it("/bindgroup in a private chat says where to send it", async () => {
    const secretary = await member("telegram", "09121000002");
    secretary.command("/bindgroup");
    await secretary.waitFor("در همان گروهی بفرستید");
  });
});
