/**
 * Joining with an invite: `/start CODE` (or the bare code) → the contact check → bound.
 *
 * A forwarded link must not bind whoever opens it. When the invite's committee verifies contacts
 * (the default; `verifyContact: false` in the committee file turns it off), the chat is asked for
 * its contact with a request_contact button: Bale and Telegram both vouch for the number they
 * send with it. A contact that is the sender's own (its user_id is the sender) and whose phone is
 * the invited person's binds at once; any other contact, or declining, leaves a JoinRequest that
 * the committee's secretariat approves or refuses with one tap (through the outbox), and the chat
 * is told what happens next.
 *
 * Wrong codes are throttled (invite-throttle.ts); every decision is checked here, in the database.
 */
import type { Platform } from "../config/index.js";
import type { Db, Tx } from "../db/client.js";
import { parsePhone } from "../domain/text/index.js";
import type { Clock } from "../shared/clock.js";
import { audit } from "./audit.js";
import { formalName, welcomeText } from "./render/welcome.js";
import { genderOf, type Gender } from "../domain/vocabulary.js";
import { bindChat, bindRefusal, rolesOf, type BindRefusal, type ChatToBind, type RoleInScope } from "./binding.js";
import { committeesOfPerson, InviteThrottle, type ThrottleSettings, type WrongCode } from "./invite-throttle.js";
import type { Notifier } from "./notifications.js";
import { joinRequestButton } from "./render/callback-data.js";
import { secretariatOf } from "./assignments/index.js";
import { outboxTopic } from "../domain/outbox-topic.js";

export type JoinRefusal = WrongCode | BindRefusal;

export type JoinStep =
  | { kind: "bound"; personName: string; personGender: Gender | null; roles: RoleInScope[]; alreadyBound: boolean; openItems: number }
  | { kind: "ask_contact"; personName: string; personGender: Gender | null }
  | { kind: "sent_to_secretariat" }
  | { kind: "refused"; reason: JoinRefusal }
  | { kind: "throttled"; minutes: number }
  /** A contact or "decline" from a chat with no join under way: not ours to answer. */
  | { kind: "nothing_pending" };

export interface SharedContact {
  phone: string;
  /** The contact's user id as the platform sent it; absent for a contact card of someone unknown. */
  userId?: string;
}

export type DecisionResult =
  | { ok: true; approved: boolean; personName: string }
  | { ok: false; reason: "unknown" | "not_secretariat" }
  | { ok: false; reason: "decided"; status: string; byName: string | null };

type LoadedInvite = NonNullable<Awaited<ReturnType<typeof loadInvite>>>;

/** The invite with what joining needs: its person and the committees it belongs to. */
async function loadInvite(tx: Tx, where: { code: string } | { id: number }) {
  const invite = await tx.invite.findUnique({ where, include: { membership: { include: { person: true } } } });
  if (!invite) return undefined;
  const committeeIds = await inviteCommittees(tx, invite.membership);
  return { invite, person: invite.membership.person, committeeIds };
}

/** The committees of the membership an invite was issued for (a committee role, or its agency's committees). */
async function inviteCommittees(tx: Tx, membership: { committeeId: number | null; agencyId: number | null }): Promise<number[]> {
  if (membership.committeeId !== null) return [membership.committeeId];
  if (membership.agencyId === null) return [];
  const links = await tx.committeeAgency.findMany({ where: { agencyId: membership.agencyId }, select: { committeeId: true } });
  return links.map((l) => l.committeeId).sort((a, b) => a - b);
}

export class JoiningService {
  readonly #throttle: InviteThrottle;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    throttle?: ThrottleSettings,
  ) {
    this.#throttle = new InviteThrottle(notifier, throttle);
  }

  /** A chat presents an invite code. */
  start(chat: ChatToBind, rawCode: string): Promise<JoinStep> {
    const code = rawCode.trim().toUpperCase();
    const now = this.clock.now();
    const who = presenter(chat);
    return this.db.$transaction(async (tx): Promise<JoinStep> => {
      const minutes = await this.#throttle.waitMinutes(tx, who, now);
      if (minutes !== undefined) return { kind: "throttled", minutes };
      const found = await loadInvite(tx, { code });
      const wrong = async (reason: WrongCode, committeeIds: number[] = []): Promise<JoinStep> => {
        await this.#throttle.recordWrong(tx, who, reason, committeeIds, now);
        return { kind: "refused", reason };
      };
      if (!found) return wrong("unknown");
      const { invite, person, committeeIds } = found;
      if (invite.usedAt) {
        // Pressing the same link twice is not an error for the person it belongs to.
        const mine = await tx.chatIdentity.findUnique({ where: { platform_userId: { platform: chat.platform, userId: chat.userId } } });
        if (mine && mine.id === invite.usedByIdentityId)
          return {
            kind: "bound",
            personName: person.name,
            personGender: genderOf(person.gender),
            roles: await rolesOf(tx, person.id),
            alreadyBound: true,
            openItems: 0,
          };
        return wrong("used", committeeIds);
      }
      if (invite.revokedAt) return wrong("revoked", committeeIds);
      if (invite.expiresAt <= now) return wrong("expired", committeeIds);
      const refusal = await bindRefusal(tx, person.id, chat);
      if (refusal) return { kind: "refused", reason: refusal };
      // A new code replaces any join this chat had under way.
      await tx.joinRequest.updateMany({
        where: { platform: chat.platform, userId: chat.userId, status: { in: ["awaiting_contact", "awaiting_secretariat"] } },
        data: { status: "withdrawn" },
      });
      if (await this.#verifies(tx, committeeIds)) {
        await tx.joinRequest.create({ data: { ...chatFields(chat), inviteId: invite.id, status: "awaiting_contact", createdAt: now } });
        return { kind: "ask_contact", personName: person.name, personGender: genderOf(person.gender) };
      }
      return this.#bind(tx, invite, person, chat, now);
    });
  }

  /** The chat shared a contact in answer to the request_contact button. */
  contact(chat: ChatToBind, contact: SharedContact): Promise<JoinStep> {
    return this.#answerPending(chat, async (tx, request, found, now) => {
      const parsed = parsePhone(contact.phone);
      const sharedPhone = parsed.ok ? parsed.value : contact.phone.slice(0, 32);
      const own = contact.userId === chat.userId;
      if (own && parsed.ok && parsed.value === found.person.phone) {
        const step = await this.#bind(tx, found.invite, found.person, chat, now);
        await tx.joinRequest.update({
          where: { id: request.id },
          data: { status: step.kind === "bound" ? "bound" : "withdrawn", sharedPhone },
        });
        return step;
      }
      return this.#askSecretariat(tx, request.id, found, own ? "phone_mismatch" : "not_own_contact", sharedPhone, chat, now);
    });
  }

  /** The chat declined to share its contact. */
  decline(chat: ChatToBind): Promise<JoinStep> {
    return this.#answerPending(chat, (tx, request, found, now) => this.#askSecretariat(tx, request.id, found, "declined", null, chat, now));
  }

  /** The chat's join awaiting its contact, with its invite still good, handed to `answer` in one transaction. */
  #answerPending(
    chat: ChatToBind,
    answer: (tx: Tx, request: { id: number }, found: LoadedInvite, now: Date) => Promise<JoinStep>,
  ): Promise<JoinStep> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx): Promise<JoinStep> => {
      const request = await tx.joinRequest.findFirst({
        where: { platform: chat.platform, userId: chat.userId, status: "awaiting_contact" },
        orderBy: { id: "desc" },
      });
      if (!request) return { kind: "nothing_pending" };
      const found = await loadInvite(tx, { id: request.inviteId });
      // The invite was used, replaced or ran out while the contact was awaited.
      const stale = !found
        ? "unknown"
        : found.invite.usedAt
          ? "used"
          : found.invite.revokedAt
            ? "revoked"
            : found.invite.expiresAt <= now
              ? "expired"
              : undefined;
      if (stale || !found) {
        await tx.joinRequest.update({ where: { id: request.id }, data: { status: "withdrawn" } });
        return { kind: "refused", reason: stale ?? "unknown" };
      }
      return answer(tx, request, found, now);
    });
  }

  /** Whether this chat is waiting to share its contact (the handler keeps the keyboard up). */
  async awaitingContact(platform: Platform, userId: string): Promise<boolean> {
    return (await this.db.joinRequest.count({ where: { platform, userId, status: "awaiting_contact" } })) > 0;
  }

  /** A secretariat member approves or refuses a join request (one tap on the buttons they were sent). */
  decide(decider: { platform: Platform; userId: string }, requestId: number, approve: boolean): Promise<DecisionResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx): Promise<DecisionResult> => {
      const request = await tx.joinRequest.findUnique({ where: { id: requestId } });
      if (!request) return { ok: false, reason: "unknown" };
      const found = await loadInvite(tx, { id: request.inviteId });
      const identity = await tx.chatIdentity.findUnique({
        where: { platform_userId: { platform: decider.platform, userId: decider.userId } },
        select: { personId: true },
      });
      if (!found || !identity) return { ok: false, reason: "not_secretariat" };
      const allowed = new Set<number>();
      for (const id of found.committeeIds) for (const p of await secretariatOf(tx, id)) allowed.add(p);
      if (!allowed.has(identity.personId)) return { ok: false, reason: "not_secretariat" };
      if (request.status !== "awaiting_secretariat") {
        const by = request.decidedById === null ? null : await tx.person.findUnique({ where: { id: request.decidedById } });
        return { ok: false, reason: "decided", status: request.status, byName: by?.name ?? null };
      }
      const actor = { kind: "person", personId: identity.personId, platform: decider.platform } as const;
      const chat: ChatToBind = { ...request, platform: request.platform as Platform };
      const refuseAs = async (status: string): Promise<DecisionResult> => {
        await tx.joinRequest.update({ where: { id: request.id }, data: { status, decidedById: identity.personId, decidedAt: now } });
        return { ok: false, reason: "decided", status, byName: null };
      };
      // The invite was used or replaced meanwhile: nothing can be bound with it any more.
      if (approve && (found.invite.usedAt || found.invite.revokedAt)) return refuseAs("withdrawn");
      if (approve) {
        const outcome = await bindChat(tx, this.notifier, {
          inviteId: found.invite.id,
          membershipId: found.invite.membershipId,
          personId: found.person.id,
          personName: found.person.name,
          chat,
          actor,
          now,
        });
        // bindChat writes nothing when it refuses (the chat is someone else's, or the person has another account here).
        if (!outcome.ok) return refuseAs("withdrawn");
        await tx.joinRequest.update({
          where: { id: request.id },
          data: { status: "approved", decidedById: identity.personId, decidedAt: now },
        });
        await audit(tx, actor, "join.approved", "JoinRequest", request.id, { identityId: outcome.identityId }, now);
        await this.notifier.toIdentity(
          tx,
          outcome.identityId,
          (t) => ({
            text: [
              t("join-approved", { name: formalName({ name: found.person.name, gender: genderOf(found.person.gender) }, t) }),
              welcomeText(outcome.roles, t),
              t("help-short"),
            ]
              .filter(Boolean)
              .join("\n\n"),
          }),
          {
            topic: outboxTopic.join(request.id),
            dedupeKey: `join:${request.id}:decided`,
          },
        );
        return { ok: true, approved: true, personName: found.person.name };
      }
      await tx.joinRequest.update({
        where: { id: request.id },
        data: { status: "refused", decidedById: identity.personId, decidedAt: now },
      });
      await audit(tx, actor, "join.refused", "JoinRequest", request.id, { userId: request.userId }, now);
      await this.notifier.toChat(tx, chat.platform, request.chatId, (t) => ({ text: t("join-refused") }), {
        topic: outboxTopic.join(request.id),
        dedupeKey: `join:${request.id}:decided`,
      });
      return { ok: true, approved: false, personName: found.person.name };
    });
  }

  async #verifies(tx: Tx, committeeIds: number[]): Promise<boolean> {
    // No committee (an orphan membership) verifies too: the safe default.
    if (committeeIds.length === 0) return true;
    return (await tx.committee.count({ where: { id: { in: committeeIds }, verifyContact: true } })) > 0;
  }

  async #bind(
    tx: Tx,
    invite: { id: number; membershipId: number },
    person: { id: number; name: string; gender: string | null },
    chat: ChatToBind,
    now: Date,
  ): Promise<JoinStep> {
    const outcome = await bindChat(tx, this.notifier, {
      inviteId: invite.id,
      membershipId: invite.membershipId,
      personId: person.id,
      personName: person.name,
      chat,
      actor: { kind: "person", personId: person.id, platform: chat.platform },
      now,
    });
    if (!outcome.ok) return { kind: "refused", reason: outcome.reason };
    return {
      kind: "bound",
      personName: person.name,
      personGender: genderOf(person.gender),
      roles: outcome.roles,
      alreadyBound: outcome.alreadyBound,
      openItems: outcome.openItems,
    };
  }

  async #askSecretariat(
    tx: Tx,
    requestId: number,
    found: LoadedInvite,
    reason: "phone_mismatch" | "not_own_contact" | "declined",
    sharedPhone: string | null,
    chat: ChatToBind,
    now: Date,
  ): Promise<JoinStep> {
    await tx.joinRequest.update({ where: { id: requestId }, data: { status: "awaiting_secretariat", reason, sharedPhone } });
    await audit(
      tx,
      { kind: "system" },
      "join.asked",
      "JoinRequest",
      requestId,
      { reason, userId: chat.userId, platform: chat.platform },
      now,
    );
    const committeeIds = found.committeeIds.length > 0 ? found.committeeIds : await committeesOfPerson(tx, found.person.id);
    const people = new Set<number>();
    for (const id of committeeIds) for (const p of await secretariatOf(tx, id)) people.add(p);
    const account = [chat.firstName, chat.username ? `@${chat.username}` : undefined].filter(Boolean).join(" ") || "-";
    await this.notifier.toPeople(
      tx,
      people,
      (t) => ({
        text: t("join-ask-secretariat", {
          name: found.person.name,
          phone: found.person.phone ?? "-",
          platform: t(`platform-${chat.platform}`),
          account,
          userId: chat.userId,
          reason: t(`join-reason-${reason.replace(/_/g, "-")}`),
          shared: sharedPhone ?? "-",
        }),
        buttons: [
          [
            { text: t("join-button-approve"), callback_data: joinRequestButton.pack({ decision: "approve", requestId }) },
            { text: t("join-button-refuse"), callback_data: joinRequestButton.pack({ decision: "refuse", requestId }) },
          ],
        ],
      }),
      { topic: outboxTopic.join(requestId), dedupeKey: `join:${requestId}:ask` },
    );
    return { kind: "sent_to_secretariat" };
  }
}

function presenter(chat: ChatToBind) {
  return {
    platform: chat.platform,
    userId: chat.userId,
    chatId: chat.chatId,
    ...(chat.username ? { username: chat.username } : {}),
    ...(chat.firstName ? { firstName: chat.firstName } : {}),
  };
}

function chatFields(chat: ChatToBind) {
  return {
    platform: chat.platform,
    userId: chat.userId,
    chatId: chat.chatId,
    username: chat.username ?? null,
    firstName: chat.firstName ?? null,
  };
}
