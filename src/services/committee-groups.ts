/**
 * A committee's group chat: its secretariat binds it with `/bindgroup` in the group, so posts
 * meant for the whole working group (the weekly digest) go there. Nothing personal is ever sent
 * to a group; a person's own messages stay in their private chat.
 *
 * Who may bind is checked here, against the database, on every call: the sender must be an
 * active secretariat member of that committee with a bound chat identity on this platform.
 */
import type { Platform } from "../config/index.js";
import type { Db, Tx } from "../db/client.js";
import type { Clock } from "../shared/clock.js";
import { audit, type Actor } from "./audit.js";

export interface GroupChat {
  platform: Platform;
  chatId: string;
  title?: string;
}

export interface GroupSender {
  platform: Platform;
  userId: string;
}

export interface CommitteeRef {
  id: number;
  code: string;
  name: string;
}

export type GroupBindingResult =
  | { ok: true; committee: CommitteeRef; changed: boolean }
  | { ok: false; reason: "not_bound" | "not_secretariat" }
  | { ok: false; reason: "unknown_committee"; code: string; committees: CommitteeRef[] }
  | { ok: false; reason: "choose_committee"; committees: CommitteeRef[] };

/** An active binding, as the reports' weekly digest reads it. */
export interface BoundGroup {
  id: number;
  committeeId: number;
  platform: Platform;
  chatId: string;
  title: string | null;
}

export class CommitteeGroupService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Binds the group to the sender's committee. `committeeCode` is needed only when the sender is
   * secretariat of several committees. Binding again is harmless (changed: false).
   */
  bind(sender: GroupSender, group: GroupChat, committeeCode?: string): Promise<GroupBindingResult> {
    return this.#decide(sender, committeeCode, async (tx, actor, committee, now) => {
      const existing = await tx.committeeGroup.findUnique({
        where: { committeeId_platform_chatId: { committeeId: committee.id, platform: group.platform, chatId: group.chatId } },
      });
      if (existing?.active) {
        if (group.title && existing.title !== group.title)
          await tx.committeeGroup.update({ where: { id: existing.id }, data: { title: group.title } });
        return false;
      }
      const data = {
        title: group.title ?? null,
        boundById: actor.personId,
        boundAt: now,
        active: true,
        unboundById: null,
        unboundAt: null,
      };
      const row = existing
        ? await tx.committeeGroup.update({ where: { id: existing.id }, data })
        : await tx.committeeGroup.create({ data: { ...data, committeeId: committee.id, platform: group.platform, chatId: group.chatId } });
      await audit(tx, actor, "group.bound", "CommitteeGroup", row.id, { committeeId: committee.id, chatId: group.chatId }, now);
      return true;
    });
  }

  /** Unbinds the group from the sender's committee (changed: false when it was not bound). */
  unbind(sender: GroupSender, group: GroupChat, committeeCode?: string): Promise<GroupBindingResult> {
    return this.#decide(sender, committeeCode, async (tx, actor, committee, now) => {
      const existing = await tx.committeeGroup.findUnique({
        where: { committeeId_platform_chatId: { committeeId: committee.id, platform: group.platform, chatId: group.chatId } },
      });
      if (!existing?.active) return false;
      await tx.committeeGroup.update({ where: { id: existing.id }, data: { active: false, unboundById: actor.personId, unboundAt: now } });
      await audit(tx, actor, "group.unbound", "CommitteeGroup", existing.id, { committeeId: committee.id, chatId: group.chatId }, now);
      return true;
    });
  }

  /** The committee's active group chats (the weekly digest's recipients). */
  async groupsOf(committeeId: number): Promise<BoundGroup[]> {
    const rows = await this.db.committeeGroup.findMany({ where: { committeeId, active: true }, orderBy: { id: "asc" } });
    return rows.map((r) => ({ id: r.id, committeeId: r.committeeId, platform: r.platform as Platform, chatId: r.chatId, title: r.title }));
  }

  /** The bot left or was removed from a group: every binding of that chat ends (audited as the system's). */
  async chatGone(platform: Platform, chatId: string): Promise<number> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const rows = await tx.committeeGroup.findMany({ where: { platform, chatId, active: true }, select: { id: true } });
      for (const row of rows) {
        await tx.committeeGroup.update({ where: { id: row.id }, data: { active: false, unboundAt: now } });
        await audit(tx, { kind: "system" }, "group.left", "CommitteeGroup", row.id, { chatId }, now);
      }
      return rows.length;
    });
  }

  /** Telegram gives a group a new id when it becomes a supergroup; its bindings follow it. */
  async chatMigrated(platform: Platform, fromChatId: string, toChatId: string): Promise<void> {
    const now = this.clock.now();
    await this.db.$transaction(async (tx) => {
      const rows = await tx.committeeGroup.findMany({ where: { platform, chatId: fromChatId } });
      for (const row of rows) {
        const clash = await tx.committeeGroup.findUnique({
          where: { committeeId_platform_chatId: { committeeId: row.committeeId, platform, chatId: toChatId } },
        });
        if (clash) await tx.committeeGroup.delete({ where: { id: clash.id } });
        await tx.committeeGroup.update({ where: { id: row.id }, data: { chatId: toChatId } });
        await audit(tx, { kind: "system" }, "group.migrated", "CommitteeGroup", row.id, { from: fromChatId, to: toChatId }, now);
      }
    });
  }

  /** Resolves the sender to a secretariat member of one committee, then applies `change` in one transaction. */
  async #decide(
    sender: GroupSender,
    committeeCode: string | undefined,
    change: (tx: Tx, actor: Actor & { kind: "person" }, committee: CommitteeRef, now: Date) => Promise<boolean>,
  ): Promise<GroupBindingResult> {
    const now = this.clock.now();
    return this.db.$transaction(async (tx) => {
      const identity = await tx.chatIdentity.findUnique({
        where: { platform_userId: { platform: sender.platform, userId: sender.userId } },
        select: { personId: true },
      });
      if (!identity) return { ok: false, reason: "not_bound" } as const;
      const memberships = await tx.membership.findMany({
        where: { personId: identity.personId, role: "secretariat", active: true, committeeId: { not: null } },
        select: { committee: { select: { id: true, code: true, name: true } } },
        orderBy: { id: "asc" },
      });
      const committees = memberships.map((m) => m.committee!);
      if (committees.length === 0) return { ok: false, reason: "not_secretariat" } as const;
      let committee: CommitteeRef | undefined;
      if (committeeCode) {
        committee = committees.find((c) => c.code.toLowerCase() === committeeCode.trim().toLowerCase());
        if (!committee) return { ok: false, reason: "unknown_committee", code: committeeCode, committees } as const;
      } else if (committees.length === 1) {
        committee = committees[0];
      } else {
        return { ok: false, reason: "choose_committee", committees } as const;
      }
      const actor = { kind: "person", personId: identity.personId, platform: sender.platform } as const;
      const changed = await change(tx, actor, committee!, now);
      return { ok: true, committee: committee!, changed } as const;
    });
  }
}
