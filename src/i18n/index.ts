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
  const i18n = new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // Fluent wraps every placeable in bidi isolation marks by default; chat clients show them
    // as stray characters around numbers and names, so they are off.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => localeOf(ctx) ?? DEFAULT_LOCALE,
  });
  memoizeBundleMatching(i18n);
  return i18n;
}

/**
 * @grammyjs/i18n negotiates the locale (@fluent/langneg) on every text it formats: a scheduler pass
 * of 1,000 reminders spent a tenth of its time there. The bundles are all loaded in the constructor
 * (from LOCALES_DIR, synchronously), so the match for a locale never changes: remember it, for as
 * long as the set of bundles is the same. The matcher is a private method of the library's Fluent
 * class; if a release renames it, this does nothing and texts are formatted as before.
 */
function memoizeBundleMatching(i18n: I18n<never> | I18n<Context>): void {
  const fluent = i18n.fluent as unknown as { bundles?: Set<unknown>; matchBundles?: (locales: string[]) => Set<unknown> };
  const match = fluent.matchBundles;
  if (typeof match !== "function" || !(fluent.bundles instanceof Set)) return;
  const memo = new Map<string, Set<unknown>>();
  let bundleCount = fluent.bundles.size;
  fluent.matchBundles = (locales: string[]) => {
    if (fluent.bundles!.size !== bundleCount) {
      memo.clear();
      bundleCount = fluent.bundles!.size;
    }
    const key = locales.join("\u0000");
    let matched = memo.get(key);
    if (!matched) memo.set(key, (matched = match.call(fluent, locales)));
    return matched;
  };
}

/** The language a chat's stored locale reads in: one of LOCALES, the default for none or an unknown one. */
export function languageOf(locale: string | null | undefined): (typeof LOCALES)[number] {
  return (LOCALES as readonly string[]).includes(locale ?? "") ? (locale as (typeof LOCALES)[number]) : DEFAULT_LOCALE;
}

/** A translator for one locale, for text rendered outside an update (notifications). */
export function translatorFor(i18n: I18n<never>, locale: string | null | undefined): Translate {
  const lang = languageOf(locale);
  return (key, vars) => i18n.t(lang, key, vars);
}
