/**
 * Joining: `/start CODE` (what a deep link sends) or the bare code, then the contact check
 * (services/joining.ts): a request_contact button, and the secretariat's one-tap decision when
 * the contact does not match or is declined. Someone unknown is told how to join.
 * Registered behind filters/private-chat-only: nobody joins from a group.
 */
import type { Composer } from "grammy";
import { Keyboard } from "grammy";
import { BotComposer } from "../composer.js";
import type { JoinStep } from "../../services/joining.js";
import type { ChatToBind } from "../../services/binding.js";
import { joinRequestButton } from "../../services/render/callback-data.js";
import { formalName, welcomeText } from "../../services/render/welcome.js";
import type { BotContext } from "../context.js";
import { isOneOf, ROLES, type Role } from "../../domain/vocabulary.js";
import { needsOwnMenu, setChatMenu } from "../command-menu.js";
import { roleLabelKey } from "./labels.js";

const INVITE_CODE = /^[A-Za-z0-9]{10}$/;
const REMOVE_KEYBOARD = { reply_markup: { remove_keyboard: true } } as const;

export function onboarding(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();

  composer.command("start", async (ctx) => {
    const code = ctx.match.trim();
    if (code) return join(ctx, code);
    if (ctx.caller) return ctx.reply(ctx.t("start-welcome-back", { name: callerName(ctx) }) + "\n\n" + ctx.t("help-short"));
    return ctx.reply(ctx.t("start-unknown"));
  });

  // A code typed or pasted on its own works as well as the link.
  composer.on("message:text").filter(
    (ctx) => !ctx.caller && INVITE_CODE.test(ctx.msg.text.trim()),
    (ctx) => join(ctx, ctx.msg.text.trim()),
  );

  composer.on("message:contact", async (ctx, next) => {
    const contact = ctx.msg.contact;
    const step = await ctx.services.joining.contact(chatOf(ctx), {
      phone: contact.phone_number,
      ...(contact.user_id !== undefined ? { userId: String(contact.user_id) } : {}),
    });
    if (step.kind === "nothing_pending") return next();
    return answer(ctx, step);
  });

  composer.on("message:text").filter(
    (ctx) => !ctx.caller && ctx.msg.text.trim() === ctx.t("join-button-decline"),
    async (ctx, next) => {
      const step = await ctx.services.joining.decline(chatOf(ctx));
      if (step.kind === "nothing_pending") return next();
      return answer(ctx, step);
    },
  );

  // Anything else while the contact is awaited: ask again, with the buttons.
  composer.on("message").filter(
    async (ctx) => !ctx.caller && (await ctx.services.joining.awaitingContact(ctx.profile.platform, String(ctx.from!.id))),
    (ctx) => ctx.reply(ctx.t("join-ask-contact-again"), contactKeyboard(ctx)),
  );

  composer.callbackQuery(joinRequestButton.filter(), async (ctx) => {
    const pressed = joinRequestButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return ctx.answerCallbackQuery({ text: ctx.t("callback-expired"), show_alert: true });
    const result = await ctx.services.joining.decide(
      { platform: ctx.profile.platform, userId: String(ctx.from.id) },
      pressed.requestId,
      pressed.decision === "approve",
    );
    if (!result.ok) {
      const text =
        result.reason === "decided"
          ? ctx.t(result.byName ? "join-decided-by" : "join-decided", {
              by: result.byName ?? "",
              status: ctx.t(`join-status-${result.status.replace(/_/g, "-")}`),
            })
          : ctx.t("join-not-yours");
      return ctx.answerCallbackQuery({ text, show_alert: true });
    }
    const done = ctx.t(result.approved ? "join-approved-by-you" : "join-refused-by-you", { name: result.personName });
    await ctx.answerCallbackQuery({ text: done });
    const original = ctx.callbackQuery.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : undefined;
    await ctx
      .editMessageText(original ? `${original}\n\n${done}` : done, { reply_markup: { inline_keyboard: [] } })
      .catch((err: unknown) => ctx.logger.warn({ err }, "could not mark the join request as decided"));
  });

  return composer;
}

function chatOf(ctx: BotContext): ChatToBind {
  return {
    platform: ctx.profile.platform,
    userId: String(ctx.from!.id),
    chatId: String(ctx.chat!.id),
    username: ctx.from!.username ?? null,
    firstName: ctx.from!.first_name ?? null,
  };
}

function contactKeyboard(ctx: BotContext) {
  const keyboard = new Keyboard().requestContact(ctx.t("join-button-share")).row().text(ctx.t("join-button-decline")).resized().oneTime();
  return { reply_markup: keyboard };
}

async function join(ctx: BotContext, code: string) {
  return answer(ctx, await ctx.services.joining.start(chatOf(ctx), code));
}

async function answer(ctx: BotContext, step: JoinStep) {
  switch (step.kind) {
    case "ask_contact":
      return ctx.reply(
        ctx.t("join-ask-contact", { name: formalName({ name: step.personName, gender: step.personGender }, ctx.t) }),
        contactKeyboard(ctx),
      );
    case "sent_to_secretariat":
      return ctx.reply(ctx.t("join-sent-to-secretariat"), REMOVE_KEYBOARD);
    case "throttled":
      return ctx.reply(ctx.t("join-throttled", { minutes: step.minutes }));
    case "refused":
      return ctx.reply(ctx.t(`start-invite-${step.reason.replace(/_/g, "-")}`), REMOVE_KEYBOARD);
    case "nothing_pending":
      return;
    case "bound": {
      ctx.logger.info({ roles: step.roles.map((r) => r.role), openItems: step.openItems }, "invite redeemed");
      const roles = step.roles.map((r) => ctx.t("role-in-scope", { role: ctx.t(roleLabelKey(r.role)), scope: r.scope })).join("\n");
      const lines = [
        ctx.t(step.alreadyBound ? "start-already-bound" : "start-bound", {
          name: formalName({ name: step.personName, gender: step.personGender }, ctx.t),
          roles,
        }),
      ];
      const welcome = step.alreadyBound ? "" : welcomeText(step.roles, ctx.t);
      if (welcome) lines.push(welcome);
      if (step.openItems > 0) lines.push(ctx.t("start-open-items", { count: step.openItems }));
      lines.push(ctx.t("help-short"));
      await ctx.reply(lines.join("\n\n"), REMOVE_KEYBOARD);
      return showOwnMenu(
        ctx,
        step.roles.map((r) => r.role).filter((r): r is Role => isOneOf(ROLES, r)),
      );
    }
  }
}

/** A secretariat or governorate member's chat gets their roles' menu as soon as they bind. */
async function showOwnMenu(ctx: BotContext, roles: Role[]): Promise<void> {
  if (!ctx.chat || !needsOwnMenu(roles)) return;
  try {
    await setChatMenu(ctx.api, String(ctx.chat.id), roles, (key) => ctx.t(key));
  } catch (err) {
    // No menu method on this platform: the commands work all the same.
    ctx.logger.debug({ err }, "no command menu for this chat");
  }
}

/** The caller as a greeting names them: formal address, or name and (first) title. */
export function callerName(ctx: BotContext): string {
  const caller = ctx.caller!;
  return formalName({ name: caller.name, gender: caller.gender, title: caller.memberships.find((m) => m.title)?.title ?? null }, ctx.t);
}
