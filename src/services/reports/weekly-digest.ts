/**
 * The weekly digest to the working group, as a due-work source: once a committee's weekly report
 * is due (its cycle's `dueAt` has passed, within the week after), every group chat bound to the
 * committee (/bindgroup) gets the standing of each agency — the chart and the text of /status,
 * the same figures — the overdue items, and the indicator totals of that week. Governorate
 * members who asked for it (/digest on, stored as `Membership.weeklyDigest`) get the same in
 * their private chats, each in its chat's language (as every private message is; a group's is
 * the default language). Agency names only, never people's.
 *
 * Once a week per chat: each delivery is a `WeeklyDigestDelivery` row whose unique key is
 * (cycle, platform, chat), written in the same transaction as its outbox rows. A pass that finds
 * the row already there (after a restart, or a concurrent pass on another instance that won the
 * insert) queues nothing for that chat. A group bound later in the week still gets that week's
 * digest at the next pass; an unbound group never does.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Platform } from "../../config/index.js";
import { isUniqueViolation, type Db } from "../../db/client.js";
import { addJalaliDays, startOfJalaliWeek, toJalali } from "../../domain/calendar/index.js";
import { jalaliRange } from "../../domain/reports/index.js";
import { renderChartPng } from "../../exports/chart.js";
import { languageOf, translatorFor } from "../../i18n/index.js";
import type { CommitteeGroupService } from "../committee-groups.js";
import type { DueWorkSource, PassContext, QueuedNotice, SourcePassResult } from "../due-work.js";
import type { Notifier } from "../notifications.js";
import { periodLabel } from "../render/period.js";
import { renderWeeklyDigest } from "../render/status.js";
import type { ReportService } from "./figures.js";
import { outboxTopic } from "../../domain/outbox-topic.js";

const WEEK_MS = 7 * 86_400_000;

interface Target {
  kind: "group" | "person";
  platform: Platform;
  chatId: string;
  /** For operators (`peygir sweep`): the group's title or the person's name. */
  name: string;
  /** A person's private chat: its identity, whose language the digest is in (a group's is the default). */
  identity?: { id: number; locale: string | null };
}

export class WeeklyDigestSource implements DueWorkSource {
  readonly name = "weekly-digests";

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly reports: ReportService,
    private readonly groups: CommitteeGroupService,
    private readonly i18n: I18n<never>,
  ) {}

  async runPass(pass: PassContext): Promise<SourcePassResult> {
    const result: SourcePassResult = { claimed: 0, acted: 0, queued: [] };
    // Each committee's latest cycle whose report is due, if it fell due in the last week.
    const cycles = await this.db.weeklyReportCycle.findMany({
      where: { dueAt: { lte: pass.now, gt: new Date(pass.now.getTime() - WEEK_MS) } },
      orderBy: { dueAt: "desc" },
      select: {
        id: true,
        period: true,
        opensAt: true,
        committee: { select: { id: true, code: true, name: true } },
        digests: { select: { platform: true, chatId: true } },
      },
    });
    const latest = new Map<number, (typeof cycles)[number]>();
    for (const cycle of cycles) if (!latest.has(cycle.committee.id)) latest.set(cycle.committee.id, cycle);
    for (const cycle of latest.values()) {
      const done = new Set(cycle.digests.map((d) => `${d.platform}:${d.chatId}`));
      const targets = (await this.#targets(cycle.committee.id)).filter((t) => !done.has(`${t.platform}:${t.chatId}`));
      if (targets.length === 0) continue;
      result.claimed += targets.length;
      const describe = (target: Target): QueuedNotice => ({
        recipient: target.name,
        kind: `weekly_digest:${target.kind}`,
        summary: `week ${cycle.period}: standing of ${cycle.committee.name}`,
        messages: 2,
      });
      if (pass.dryRun) {
        result.queued.push(...targets.map(describe));
        continue;
      }
      const standing = (await this.reports.committeeReport(cycle.committee.code, "year")).figures;
      const weekStart = startOfJalaliWeek(toJalali(cycle.opensAt));
      const weekPeriod = jalaliRange(weekStart, addJalaliDays(weekStart, 6));
      const week = (await this.reports.committeeReport(cycle.committee.code, weekPeriod)).figures;
      // One chart per language the week's chats read (the groups' and each private chat's).
      const charts = new Map<string, Promise<Buffer>>();
      const chartIn = (locale: string | null | undefined) => {
        const language = languageOf(locale);
        let chart = charts.get(language);
        if (!chart) {
          const t = translatorFor(this.i18n, language);
          chart = renderChartPng({
            committeeName: cycle.committee.name,
            figures: standing,
            t,
            periodLabel: periodLabel(standing.period, t),
          });
          charts.set(language, chart);
        }
        return chart;
      };
      const topic = outboxTopic.weeklyDigest(cycle.id);
      for (const target of targets) {
        const chart = await chartIn(target.identity?.locale);
        const chat = { platform: target.platform, chatId: target.chatId, ...(target.identity ? { identity: target.identity } : {}) };
        try {
          await this.db.$transaction(async (tx) => {
            await tx.weeklyDigestDelivery.create({
              data: { cycleId: cycle.id, platform: target.platform, chatId: target.chatId, kind: target.kind, queuedAt: pass.now },
            });
            // The chart, then the text: one insert, in that order (src/db/sql/insert-outbox.ts, as the ladder's).
            await this.notifier.toChats(
              tx,
              [
                {
                  ...chat,
                  render: (tr) => ({
                    kind: "photo",
                    upload: { bytes: chart, fileName: "status.png" },
                    caption: tr("weekly-digest-chart-caption", { committee: cycle.committee.name }),
                  }),
                },
                {
                  ...chat,
                  render: (tr) => renderWeeklyDigest(cycle.committee, standing, { ...week, label: periodLabel(weekPeriod, tr) }, tr),
                },
              ],
              { topic, notBefore: pass.now },
            );
          });
        } catch (error) {
          // Already delivered this week (another pass won the insert): nothing more to do for this chat.
          if (isUniqueViolation(error)) continue;
          throw error;
        }
        result.acted++;
        result.queued.push(describe(target));
      }
    }
    return result;
  }

  /** The committee's bound groups, and the private chats of governorate members who asked for the digest. */
  async #targets(committeeId: number): Promise<Target[]> {
    const groups = await this.groups.groupsOf(committeeId);
    const members = await this.db.membership.findMany({
      where: { committeeId, role: "governorate", active: true, weeklyDigest: true },
      select: {
        person: {
          select: {
            name: true,
            identities: { where: { reachable: true }, select: { id: true, platform: true, chatId: true, locale: true } },
          },
        },
      },
    });
    return [
      ...groups.map((g) => ({ kind: "group" as const, platform: g.platform, chatId: g.chatId, name: g.title ?? `group ${g.chatId}` })),
      ...members.flatMap((m) =>
        m.person.identities.map((i) => ({
          kind: "person" as const,
          platform: i.platform as Platform,
          chatId: i.chatId,
          name: m.person.name,
          identity: { id: i.id, locale: i.locale },
        })),
      ),
    ];
  }
}
