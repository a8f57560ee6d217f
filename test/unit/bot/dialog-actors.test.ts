/**
 * Dialogs declare the actor they need: a caller without the role is refused before any dialog
 * starts, one with it enters and the script gets the resolved actor, and a role lost between two
 * answers ends the dialog with a line of its own before the answer is read.
 */
import { conversations } from "@grammyjs/conversations";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Dialog, accept, type AgencyConversation } from "../../../src/bot/conversations/dialog.js";
import { defineDialog, enterDialog, scriptOf } from "../../../src/bot/conversations/registry.js";
import type { BotContext } from "../../../src/bot/context.js";
import { agencyMember, knownPerson, secretariatMember } from "../../../src/bot/helpers/actors.js";
import type { Role } from "../../../src/domain/vocabulary.js";

const HALTED = new Error("halted");

/** An outside context with a caller holding `roles` (none: a stranger), recording what it says. */
function outsideWith(roles: Role[] | undefined) {
  const said: string[] = [];
  const ctx = {
    caller: roles && { personId: 7, memberships: roles.map((role, id) => ({ id, role, title: null })) },
    profile: { platform: "bale" },
    config: { maxAttachmentBytes: 1_000_000, dialogIdleMinutes: 30 },
    clock: { now: () => new Date("2026-12-02T10:00:00Z") },
    t: (key: string) => key,
    reply: vi.fn(async (text: string) => {
      said.push(text);
      return { message_id: said.length };
    }),
    conversation: { enter: vi.fn(async () => undefined) },
    message: { message_id: 100, text: "an answer", date: 0, chat: { id: 1, type: "private" } },
  };
  return { ctx, said, asBot: ctx as unknown as BotContext };
}

/** A conversation that runs every effect at once with the outside context `current()` of the moment. */
function conversationOf(current: () => BotContext): AgencyConversation {
  return {
    external: (task: (ctx: BotContext) => unknown) => Promise.resolve(task(current())),
    wait: () => Promise.resolve(current()),
    halt: () => Promise.reject(HALTED),
    skip: () => Promise.reject(HALTED),
  } as unknown as AgencyConversation;
}

const run = vi.fn(async () => undefined);
const secretariatDialog = defineDialog({
  id: "test.secretariat",
  args: z.object({ n: z.number().int() }),
  actor: secretariatMember,
  topic: () => ({ key: "topic" }),
  run,
});

describe("a dialog's actor", () => {
  it("refuses a caller without the role before anything is stored", async () => {
    const { ctx, said, asBot } = outsideWith(["head"]);
    await enterDialog(asBot, secretariatDialog, { n: 1 });
    expect(ctx.conversation.enter).not.toHaveBeenCalled();
    expect(said).toEqual(["dialog-actor-refused"]);
  });

  it("refuses someone the bot does not know", async () => {
    const { ctx, asBot } = outsideWith(undefined);
    await enterDialog(asBot, secretariatDialog, { n: 1 });
    expect(ctx.conversation.enter).not.toHaveBeenCalled();
    expect(knownPerson.resolve(asBot)).toBeUndefined();
  });

  it("lets a caller with the role in, and the script receives the resolved actor", async () => {
    const { said, asBot } = outsideWith(["liaison", "secretariat"]);
    // Under the real plugin: enterDialog registers the dialog with it before entering.
    await conversations<BotContext, BotContext>()(asBot, async () => {
      const enter = vi.spyOn(asBot.conversation, "enter").mockResolvedValue(undefined as never);
      await enterDialog(asBot, secretariatDialog, { n: 1 });
      expect(enter).toHaveBeenCalledWith("test.secretariat", { n: 1 });
    });
    await scriptOf(secretariatDialog)(
      conversationOf(() => asBot),
      asBot,
      { n: 1 },
    );
    expect(run).toHaveBeenCalledWith(expect.any(Dialog), { n: 1 }, { personId: 7, platform: "bale" });
    expect(said).toEqual([]);
  });

  it("resolves agency members by their agency roles only", () => {
    expect(agencyMember.resolve(outsideWith(["head"]).asBot)).toEqual({ personId: 7, platform: "bale" });
    expect(agencyMember.resolve(outsideWith(["governorate", "secretariat"]).asBot)).toBeUndefined();
  });

  it("ends the dialog when the caller lost the role between two answers, without reading the answer", async () => {
    const before = outsideWith(["secretariat"]);
    const after = outsideWith(["head"]);
    let current = before.asBot;
    const opened = await Dialog.open(
      conversationOf(() => current),
      { key: "topic" },
      secretariatMember,
    );
    expect(opened?.actor).toEqual({ personId: 7, platform: "bale" });
    const check = vi.fn((_reply: unknown) => accept("read"));
    // Asked while still secretariat; the answer comes from the same person with the role gone.
    const asking = opened!.dialog.ask({ key: "question" }, [], (reply) => {
      return check(reply);
    });
    current = after.asBot;
    await expect(asking).rejects.toBe(HALTED);
    expect(check).not.toHaveBeenCalled();
    expect(after.said).toEqual(["dialog-actor-lost"]);
  });
});
