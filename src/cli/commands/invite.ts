/** `peygir invite`: prints one-time codes and deep links for the chosen memberships. */
import type { Command } from "commander";
import { PROFILES } from "../../platforms/profile.js";
import { formatJalaliLong } from "../../domain/calendar/index.js";
import { botUsernames, withCli } from "../context.js";
import { isOneOf, ROLES } from "../../domain/vocabulary.js";

export function inviteCommand(program: Command): void {
  program
    .command("invite")
    .description("print one-time invite codes and deep links (Bale and/or Telegram) for an agency's or committee's members")
    .option("--agency <code>", "agency code, e.g. tavon")
    .option("--committee <code>", "committee code, for secretariat and governorate members")
    .option("--role <role>", `only this role: ${ROLES.join(" | ")}`)
    .option("--person <phone>", "only this person (mobile number in any common form)")
    .action(async (opts: { agency?: string; committee?: string; role?: string; person?: string }) => {
      if (opts.role && !isOneOf(ROLES, opts.role)) {
        throw new Error(`--role must be one of ${ROLES.join(", ")} (got "${opts.role}")`);
      }
      await withCli(async ({ services, platforms, out }) => {
        const invites = await services.invites.issue({
          ...(opts.agency ? { agencyCode: opts.agency } : {}),
          ...(opts.committee ? { committeeCode: opts.committee } : {}),
          ...(opts.role ? { role: opts.role as "head" } : {}),
          ...(opts.person ? { personPhone: opts.person } : {}),
        });
        const usernames = await botUsernames(platforms, services);
        for (const invite of invites) {
          out(`${invite.personName} (${invite.phone ?? "-"}) — ${invite.roles.map((r) => `${r.role}, ${r.scope}`).join("; ")}`);
          out(`  code: ${invite.code}   valid until ${formatJalaliLong(invite.expiresAt)}`);
          if (invite.revokedEarlier > 0)
            out(`  (replaces ${invite.revokedEarlier} earlier unused code${invite.revokedEarlier > 1 ? "s" : ""}, which no longer work)`);
          for (const [platform, username] of usernames) out(`  ${platform}: ${PROFILES[platform].deepLink(username, invite.code)}`);
        }
        if (usernames.size === 0)
          out("(no bot has run with this database yet and no token is set here: send the code to the bot as `/start CODE`)");
      });
    });
}
