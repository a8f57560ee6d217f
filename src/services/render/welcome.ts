/**
 * What a person is told on joining: what will reach them here and what they can do, by the kinds
 * of role they hold. The secretariat and the governorate are not agencies: they hear what agencies
 * report and escalate, and run meetings and follow-up, so their welcome says that.
 */
import { AGENCY_ROLES, type Gender, type Role } from "../../domain/vocabulary.js";
import type { Translate } from "../../i18n/index.js";

const AGENCY: readonly string[] = AGENCY_ROLES;
/** Which welcome each role gets, in the order they are shown. */
const WELCOME_KEYS: readonly [(role: string) => boolean, string][] = [
  [(role) => role === ("secretariat" satisfies Role), "welcome-secretariat"],
  [(role) => role === ("governorate" satisfies Role), "welcome-governorate"],
  [(role) => AGENCY.includes(role), "welcome-agency"],
];

/** One paragraph per kind of role held (secretariat, governorate, agency), each said once. */
export function welcomeText(roles: readonly { role: string }[], t: Translate): string {
  return WELCOME_KEYS.filter(([holds]) => roles.some((r) => holds(r.role)))
    .map(([, key]) => t(key))
    .join("\n");
}

/**
 * How a greeting names a person: «جناب آقای …» or «سرکار خانم …» only where the committee file gives
 * the gender; otherwise the name, with the person's title when there is one («مریم احمدی، دبیر کارگروه»).
 */
export function formalName(person: { name: string; gender: Gender | null; title?: string | null }, t: Translate): string {
  if (person.gender) return t(`formal-name-${person.gender}`, { name: person.name });
  return person.title ? t("formal-name-titled", { name: person.name, title: person.title }) : person.name;
}
