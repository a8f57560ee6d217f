/**
 * The command menu (setMyCommands, where the platform has it). Everyone sees the agency's menu;
 * in a secretariat or governorate member's own chat the menu lists the commands of their roles
 * (scope `chat`), so the secretary finds /meeting and /verify without reading /help. Set when the
 * bot starts (for every bound staff chat on its platform) and when someone binds. A platform
 * without the method (Bale may lack it) simply has no menu: one info line, nothing else.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "pino";
import { COMMITTEE_ROLES, isOneOf, type Role } from "../domain/vocabulary.js";
import { LOCALES, translatorFor } from "../i18n/index.js";
import { networkCause } from "../shared/network-cause.js";
import type { BotContext } from "./context.js";

/** Every menu command, in the order menus list them. */
const ALL_COMMANDS = [
  "meeting",
  "verify",
  "items",
  "notice",
  "notices",
  "tasks",
  "report",
  "status",
  "export",
  "digest",
  "dashboard",
  "help",
  "cancel",
] as const;
export type MenuCommand = (typeof ALL_COMMANDS)[number];

const AGENCY_MENU: readonly MenuCommand[] = ["tasks", "report", "status", "dashboard", "help", "cancel"];

/** What each role's menu holds; a person with several roles gets them all. */
const MENU_OF_ROLE: Readonly<Record<Role, readonly MenuCommand[]>> = {
  head: AGENCY_MENU,
  liaison: AGENCY_MENU,
  secretariat: ["meeting", "verify", "items", "notice", "notices", "status", "export", "dashboard", "help", "cancel"],
  governorate: ["items", "status", "digest", "dashboard", "help", "cancel"],
};

/** The default menu: what an agency member (and anyone not yet bound) sees. */
export const MENU_COMMANDS = AGENCY_MENU;

/** The menu of a person holding these roles (the agency menu when they hold none). */
export function menuFor(roles: Iterable<Role>): MenuCommand[] {
  const wanted = new Set<MenuCommand>();
  for (const role of roles) for (const command of MENU_OF_ROLE[role]) wanted.add(command);
  return wanted.size === 0 ? [...AGENCY_MENU] : ALL_COMMANDS.filter((c) => wanted.has(c));
}

/** True for a person whose menu differs from the default one. */
export const needsOwnMenu = (roles: Iterable<Role>): boolean => [...roles].some((r) => isOneOf(COMMITTEE_ROLES, r));

/** Translates a message key (in one language). */
type Describe = (key: string) => string;

function commandsIn(describe: Describe, menu: readonly MenuCommand[]): BotCommand[] {
  return menu.map((command) => ({ command, description: describe(`command-${command}`) }));
}

/** A chat whose menu is its person's own. */
export interface StaffChat {
  chatId: string;
  locale: string | null;
  roles: Role[];
}

/**
 * The default menu in each language, then each staff chat's own. Stops at the first refusal: a
 * platform without setMyCommands refuses them all alike.
 */
export async function publishCommands(
  api: Api,
  i18n: I18n<BotContext>,
  logger: Logger,
  staffChats: () => Promise<StaffChat[]> = async () => [],
): Promise<void> {
  const inLocale = (locale: string | null): Describe => translatorFor(i18n as unknown as I18n<never>, locale);
  try {
    for (const locale of LOCALES)
      await api.setMyCommands(commandsIn(inLocale(locale), AGENCY_MENU), locale === "fa" ? {} : { language_code: locale });
    for (const chat of await staffChats()) await setChatMenu(api, chat.chatId, chat.roles, inLocale(chat.locale));
  } catch (err) {
    // Bale may not have the method: that is expected, so one info line, no stack.
    logger.info({ cause: networkCause(err) }, "setMyCommands is not available on this platform; the bot works without a command menu");
  }
}

/** One chat's own menu, in its person's language (a chat scope has no per-language variants to fall back on). */
export async function setChatMenu(api: Api, chatId: string, roles: readonly Role[], describe: Describe): Promise<void> {
  await api.setMyCommands(commandsIn(describe, menuFor(roles)), { scope: { type: "chat", chat_id: Number(chatId) } });
}
