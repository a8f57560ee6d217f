/**
 * Invite guessing is throttled. Every wrong code (unknown, used by someone else, expired or
 * revoked) is one InviteAttempt row, so a restart does not reset the count. A chat or user with
 * `limit` wrong codes in the last `windowMs` gets a polite wait message and its codes are not
 * even looked up until the oldest of those attempts leaves the window.
 *
 * When a guesser reaches the limit, the secretariat is alerted through the outbox. Which one: a
 * code says nothing about its committee unless it is real, so the alert goes to the committees
 * named by the real codes the guesser presented (used, expired, revoked) and to the committees of
 * the guesser when they are a known person; when neither says anything (a stranger presenting
 * made-up codes, the usual guessing), every committee's secretariat is told, since any of their
 * codes may be the target. One alert per time the limit is reached, never one per attempt.
 */
import type { Platform } from "../config/index.js";
import type { Tx } from "../db/client.js";
import { secretariatOf } from "./assignments/index.js";
import type { Notifier } from "./notifications.js";
import { outboxTopic } from "../domain/outbox-topic.js";

export interface ThrottleSettings {
  /** Wrong codes allowed per chat and per user in one window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { limit: 5, windowMs: 60 * 60_000 };

export type WrongCode = "unknown" | "used" | "expired" | "revoked";

export interface Presenter {
  platform: Platform;
  userId: string;
  chatId: string;
  username?: string;
  firstName?: string;
}

export class InviteThrottle {
  constructor(
    private readonly notifier: Notifier,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  /** Minutes (at least 1) until this chat and user may try again; undefined when they may now. */
  async waitMinutes(tx: Tx, who: Presenter, now: Date): Promise<number | undefined> {
    const recent = await this.#recent(tx, who, now);
    if (recent.length < this.settings.limit) return undefined;
    // The attempt that must leave the window before one more is allowed.
    const blocking = recent[recent.length - this.settings.limit]!;
    const freeAt = blocking.at.getTime() + this.settings.windowMs;
    return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
  }

  /** Counts one wrong code; alerts the secretariat when it is the one that reaches the limit. */
  async recordWrong(tx: Tx, who: Presenter, outcome: WrongCode, committeeIds: number[], now: Date): Promise<void> {
    const committeeId = committeeIds[0] ?? null;
    await tx.inviteAttempt.create({
      data: { platform: who.platform, userId: who.userId, chatId: who.chatId, outcome, committeeId, at: now },
    });
    const recent = await this.#recent(tx, who, now);
    if (recent.length !== this.settings.limit) return;
    const named = new Set([...committeeIds, ...recent.flatMap((a) => (a.committeeId === null ? [] : [a.committeeId]))]);
    for (const id of await this.#committeesOfPresenter(tx, who)) named.add(id);
    const targets =
      named.size > 0 ? [...named] : (await tx.committee.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const people = new Set<number>();
    for (const id of targets) for (const person of await secretariatOf(tx, id)) people.add(person);
    const who_ = [who.firstName, who.username ? `@${who.username}` : undefined].filter(Boolean).join(" ") || "-";
    await this.notifier.toPeople(
      tx,
      people,
      (t) => ({
        text: t("invite-guessing-alert", {
          platform: t(`platform-${who.platform}`),
          who: who_,
          userId: who.userId,
          count: recent.length,
          minutes: Math.round(this.settings.windowMs / 60_000),
        }),
      }),
      { topic: outboxTopic.inviteGuessing(who.platform, who.userId) },
    );
  }

  /** This chat's and this user's wrong codes in the window, oldest first. */
  async #recent(tx: Tx, who: Presenter, now: Date) {
    const since = new Date(now.getTime() - this.settings.windowMs);
    return tx.inviteAttempt.findMany({
      where: { platform: who.platform, at: { gt: since }, OR: [{ userId: who.userId }, { chatId: who.chatId }] },
      select: { at: true, committeeId: true },
      orderBy: { at: "asc" },
    });
  }

  async #committeesOfPresenter(tx: Tx, who: Presenter): Promise<number[]> {
    const identity = await tx.chatIdentity.findUnique({
      where: { platform_userId: { platform: who.platform, userId: who.userId } },
      select: { personId: true },
    });
    if (!identity) return [];
    return committeesOfPerson(tx, identity.personId);
  }
}

/** The committees a person works in: directly (secretariat, governorate) or through their agencies. */
export async function committeesOfPerson(tx: Tx, personId: number): Promise<number[]> {
  const memberships = await tx.membership.findMany({
    where: { personId, active: true },
    select: { committeeId: true, agency: { select: { committees: { select: { committeeId: true } } } } },
  });
  const ids = new Set<number>();
  for (const m of memberships) {
    if (m.committeeId !== null) ids.add(m.committeeId);
    for (const c of m.agency?.committees ?? []) ids.add(c.committeeId);
  }
  return [...ids].sort((a, b) => a - b);
}
