/**
 * Who acts, read from the caller of the current update. Features build an actor this way before
 * calling a service, and each dialog declares the resolver it needs (`defineDialog({ actor })`):
 * the dialog is entered only when the caller resolves, and it ends as soon as an update comes from
 * a caller who no longer does. The services check the person's rights again on every call; a
 * resolver only keeps a dialog from asking questions its caller could not get an answer to.
 */
import type { Platform } from "../../config/index.js";
import { AGENCY_ROLES, type Role } from "../../domain/vocabulary.js";
import type { BotContext } from "../context.js";

/** A person acting from this chat: the shape every service's actor takes (agency, staff, notice). */
export interface ChatActor {
  personId: number;
  platform: Platform;
}

/** How a dialog finds its actor in the outside context of an update. */
export interface ActorResolver<A extends ChatActor = ChatActor> {
  /** For logs and tests: which actor this is. */
  readonly name: string;
  /** The actor, or undefined when the caller is unknown or holds none of the roles. */
  resolve(ctx: BotContext): A | undefined;
}

/**
 * The caller as an actor, whatever roles they hold (the service decides what they may do: an
 * agency action checks the agency and the item, a staff one the committee).
 */
export function chatActorOf(ctx: BotContext): ChatActor | undefined {
  return ctx.caller ? { personId: ctx.caller.personId, platform: ctx.profile.platform } : undefined;
}

/** A resolver of callers holding one of `roles` in an active membership. */
export function holdingRole(name: string, roles: readonly Role[]): ActorResolver {
  return {
    name,
    resolve: (ctx) => (ctx.caller?.memberships.some((m) => roles.includes(m.role)) ? chatActorOf(ctx) : undefined),
  };
}

/** Heads and liaisons of an agency. */
export const agencyMember = holdingRole("agency member", AGENCY_ROLES);
/** The committee's secretariat. */
export const secretariatMember = holdingRole("secretariat member", ["secretariat"]);
/** The governorate's members of a committee. */
export const governorateMember = holdingRole("governorate member", ["governorate"]);
/** Secretariat or governorate: who oversees the items (instructions). */
export const committeeStaff = holdingRole("committee staff", ["secretariat", "governorate"]);
/** Anyone the bot knows: for answers whose right is the thing answered (a notice's recipient). */
export const knownPerson: ActorResolver = { name: "known person", resolve: chatActorOf };
