/**
 * All user-facing text lives in locales/<lang>/*.ftl (Fluent), Persian first, English second.
 * One I18n instance serves the bots (as middleware) and the services (rendering queued
 * notifications in each recipient's language).
 */
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { LOCALES_DIR } from "../shared/paths.js";

export const DEFAULT_LOCALE = "fa";
export const LOCALES = ["fa", "en"] as const;

export type TranslationVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslationVars) => string;

export function createI18n<C extends Context>(localeOf: (ctx: C) => string | undefined): I18n<C> {
  return new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // Fluent wraps every placeable in bidi isolation marks by default; chat clients show them
    // as stray characters around numbers and names, so they are off.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => localeOf(ctx) ?? DEFAULT_LOCALE,
  });
}

/** A translator for one locale, for text rendered outside an update (notifications). */
export function translatorFor(i18n: I18n<never>, locale: string | null | undefined): Translate {
  const lang = locale && (LOCALES as readonly string[]).includes(locale) ? locale : DEFAULT_LOCALE;
  return (key, vars) => i18n.t(lang, key, vars);
}
