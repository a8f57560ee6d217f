/**
 * The command menu per role, through the real bot over the fake Bot API: everyone gets the
 * agency's menu; the secretary's and the deputy governor's own chats list the commands of their
 * roles as soon as they bind, and again after a restart; on Bale, which may lack setMyCommands,
 * binding works all the same. On each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCommand } from "grammy/types";
import type { Platform } from "../../src/config/index.js";
import type { FakeUser } from "../../src/fake-bot-api/index.js";
import { PEOPLE, startPardis, type Pardis } from "../support/agency.js";
import { testDatabases } from "../support/databases.js";
import { TOKENS } from "../support/e2e.js";

describe.each(testDatabases())("the command menu per role on $name", (target) => {
  let pardis: Pardis;

  /** The menu the fake holds for a scope (the chat's own when a user is given). */
  const menu = async (platform: Platform, user?: FakeUser): Promise<string[]> => {
    const response = await fetch(`${pardis.e2e.fake(platform).url}/bot${TOKENS[platform]}/getMyCommands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(user ? { scope: { type: "chat", chat_id: user.chatId } } : {}),
    });
    const body = (await response.json()) as { ok: boolean; result?: BotCommand[] };
    return body.ok ? body.result!.map((c) => c.command) : [];
  };
  const until = async (read: () => Promise<string[]>, wanted: (commands: string[]) => boolean): Promise<string[]> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const commands = await read();
      if (wanted(commands) || Date.now() > deadline) return commands;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    pardis = await startPardis(target);
  });
  afterAll(async () => {
    await pardis?.stop();
  });

  it("everyone's menu is the agency's", async () => {
    expect(
      await until(
        () => menu("telegram"),
        (c) => c.length > 0,
      ),
    ).toEqual(["tasks", "report", "status", "dashboard", "help", "cancel"]);
  });

  it("the secretary's own chat lists the secretariat's commands once she binds; a liaison keeps the default", async () => {
    const secretary = await pardis.e2e.bindUser("telegram", PEOPLE.secretariat);
    const liaison = await pardis.e2e.bindUser("telegram", PEOPLE.tavonLiaison);
    expect(
      await until(
        () => menu("telegram", secretary),
        (c) => c.length > 0,
      ),
    ).toEqual(["meeting", "verify", "items", "notice", "notices", "status", "export", "dashboard", "help", "cancel"]);
    expect(await menu("telegram", liaison)).toEqual([]);
  });

  it("the deputy governor's menu is his role's, and every staff chat gets its menu again after a restart", async () => {
    const governor = await pardis.e2e.bindUser("telegram", PEOPLE.governorate);
    const wanted = ["items", "status", "digest", "dashboard", "help", "cancel"];
    expect(
      await until(
        () => menu("telegram", governor),
        (c) => c.length > 0,
      ),
    ).toEqual(wanted);
    // Forget it on the platform's side, then restart: the bot sets it again from who holds which role.
    await fetch(`${pardis.e2e.fake("telegram").url}/bot${TOKENS.telegram}/deleteMyCommands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scope: { type: "chat", chat_id: governor.chatId } }),
    });
    expect(await menu("telegram", governor)).toEqual([]);
    await pardis.e2e.restart();
    expect(
      await until(
        () => menu("telegram", governor),
        (c) => c.length > 0,
      ),
    ).toEqual(wanted);
  });

  it("on Bale, without setMyCommands, the secretary binds and is welcomed all the same", async () => {
    const secretary = await pardis.e2e.bindUser("bale", PEOPLE.secretariat);
    expect(secretary.lastMessage()?.text).toBeTruthy();
    expect(await menu("bale", secretary)).toEqual([]);
  });
});
