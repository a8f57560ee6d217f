/**
 * Binding a chat to the person an invite names, in the caller's transaction: the chat identity,
 * the invite marked used, the audit row, and — for someone joining after their agencies' items
 * were published — those open items queued for them (one message each, or one summary page with
 * buttons when there are more than five). Used by a direct join and by the secretariat's approval.
 *
 * One person has at most one account per platform: a second account on the same platform is
 * refused here (the secretariat removes the old one with `peygir unbind` when a person changes
 * accounts), so a forwarded or reused invite can never give one person two voices.
 */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import { identitiesChanged } from "../db/identity-changes.js";
import type { Translate } from "../i18n/index.js";
import { agencyIdsOf, cardKey, loadAssignmentViews, sortByUrgency } from "./assignments/index.js";
import { audit, type Actor } from "./audit.js";
import type { Notifier } from "./notifications.js";
import { pageOf, renderAssignment, renderTaskPage, TASKS_PAGE_SIZE } from "./render/assignment.js";
import { outboxTopic } from "../domain/outbox-topic.js";

export interface ChatToBind {
  platform: Platform;
  userId: string;
  chatId: string;
  username?: string | null;
  firstName?: string | null;
}

export interface RoleInScope {
  role: string;
  scope: string;
}

export type BindRefusal = "bound_to_other" | "other_account";

export type BindOutcome =
  | { ok: true; identityId: number; personId: number; personName: string; roles: RoleInScope[]; alreadyBound: boolean; openItems: number }
  | { ok: false; reason: BindRefusal };

/** The person's active roles, for the welcome. */
export async function rolesOf(tx: Tx, personId: number): Promise<RoleInScope[]> {
  const memberships = await tx.membership.findMany({
    where: { personId, active: true },
    include: { agency: { select: { name: true } }, committee: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return memberships.map((m) => ({ role: m.role, scope: m.agency?.name ?? m.committee?.name ?? "" }));
}

/** Whether a chat may be bound to this person (nothing is written). */
export async function bindRefusal(tx: Tx, personId: number, chat: ChatToBind): Promise<BindRefusal | undefined> {
  const existing = await tx.chatIdentity.findUnique({ where: { platform_userId: { platform: chat.platform, userId: chat.userId } } });
  if (existing && existing.personId !== personId) return "bound_to_other";
  const other = await tx.chatIdentity.findFirst({
    where: { personId, platform: chat.platform, userId: { not: chat.userId } },
    select: { id: true },
  });
  return other ? "other_account" : undefined;
}

export async function bindChat(
  tx: Tx,
  notifier: Notifier,
  input: { inviteId: number; membershipId: number; personId: number; personName: string; chat: ChatToBind; actor: Actor; now: Date },
): Promise<BindOutcome> {
  const { chat, now } = input;
  const refusal = await bindRefusal(tx, input.personId, chat);
  if (refusal) return { ok: false, reason: refusal };
  const existing = await tx.chatIdentity.findUnique({ where: { platform_userId: { platform: chat.platform, userId: chat.userId } } });
  const fields = { chatId: chat.chatId, username: chat.username ?? null, firstName: chat.firstName ?? null, lastSeenAt: now };
  const identity = existing
    ? await tx.chatIdentity.update({
        where: { id: existing.id },
        data: { ...fields, reachable: true, unreachableReason: null, unreachableAt: null },
      })
    : await tx.chatIdentity.create({ data: { ...fields, personId: input.personId, platform: chat.platform, userId: chat.userId } });
  identitiesChanged(tx);
  await tx.invite.update({ where: { id: input.inviteId }, data: { usedAt: now, usedByIdentityId: identity.id } });
  await audit(
    tx,
    input.actor,
    "invite.redeemed",
    "Membership",
    input.membershipId,
    { identityId: identity.id, platform: chat.platform },
    now,
  );
  const openItems = await queueOpenItems(tx, notifier, input.personId, identity.id, now);
  return {
    ok: true,
    identityId: identity.id,
    personId: input.personId,
    personName: input.personName,
    roles: await rolesOf(tx, input.personId),
    alreadyBound: !!existing,
    openItems,
  };
}

/** More than this many open items arrive as one summary page instead of one message each. */
export const OPEN_ITEMS_ONE_BY_ONE = 5;

/**
 * The person's agencies' open items, queued for them. The one-by-one messages carry publishing's
 * dedupe key, so a later `publish` of the same meeting does not send them again to this account.
 * Only the account that just joined gets them: the person's other accounts have them already.
 */
async function queueOpenItems(tx: Tx, notifier: Notifier, personId: number, identityId: number, now: Date): Promise<number> {
  const agencyIds = await agencyIdsOf(tx, personId);
  if (agencyIds.length === 0) return 0;
  const open = sortByUrgency(
    await loadAssignmentViews(tx, { agencyId: { in: agencyIds }, status: { notIn: ["done", "cancelled"] } }),
    agencyIds,
  );
  if (open.length === 0) return 0;
  // Like publishing: nothing leaves outside the committee's office hours.
  const notBefore = open[0]!.calendar.nextWorkingInstant(now);
  if (open.length <= OPEN_ITEMS_ONE_BY_ONE) {
    for (const { view, calendar } of open) {
      await notifier.toIdentity(tx, identityId, (t: Translate) => renderAssignment(view, t, now, calendar), {
        topic: outboxTopic.assignment(view.id),
        dedupeKey: cardKey(view.id),
        notBefore,
      });
    }
    return open.length;
  }
  const calendars = new Map(open.map((l) => [l.view.id, l.calendar]));
  const slice = pageOf(open, 1, TASKS_PAGE_SIZE);
  const grouped = agencyIds.length > 1;
  await notifier.toIdentity(
    tx,
    identityId,
    (t: Translate) => {
      const page = renderTaskPage({ ...slice, items: slice.items.map((l) => l.view), grouped }, t, now, (v) => calendars.get(v.id)!);
      return { ...page, text: `${t("joined-open-items", { count: open.length })}\n\n${page.text}` };
    },
    { topic: outboxTopic.joinedPerson(personId), dedupeKey: `joined:person:${personId}`, notBefore },
  );
  return open.length;
}
