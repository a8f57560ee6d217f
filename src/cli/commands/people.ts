/** `peygir people` and `peygir unbind`: who is who, and removing a person's chat account on a platform. */
import type { Command } from "commander";
import type { Platform } from "../../config/index.js";
import { withCli } from "../context.js";

const PLATFORMS: readonly Platform[] = ["bale", "telegram"];

export function peopleCommands(program: Command): void {
  program
    .command("people")
    .description("list everyone with their roles and bound chat accounts")
    .option("--committee <code>", "only this committee's people (its secretariat, governorate and agencies' members)")
    .action(async (opts: { committee?: string }) => {
      await withCli(async ({ services, out }) => {
        const people = await services.people.list(opts.committee);
        if (people.length === 0) out("(nobody)");
        for (const p of people) {
          out(`${p.name} (${p.phone ?? "-"})`);
          for (const r of p.roles) out(`  role: ${r.role}, ${r.scope}${r.title ? ` (${r.title})` : ""}${r.active ? "" : " [inactive]"}`);
          if (p.identities.length === 0) out("  account: none bound yet");
          for (const i of p.identities) {
            const seen = i.lastSeenAt ? `, last seen ${i.lastSeenAt.toISOString()}` : "";
            out(
              `  account: ${i.platform} user ${i.userId}${i.username ? ` @${i.username}` : ""}${i.reachable ? "" : " [unreachable]"}${seen}`,
            );
          }
        }
      });
    });

  program
    .command("unbind")
    .description("remove a person's bound chat account (audited), e.g. before inviting them again on a new account")
    .requiredOption("--person <phone>", "the person's mobile number, in any common form")
    .option("--platform <platform>", "only this platform: bale | telegram (default: every platform)")
    .action(async (opts: { person: string; platform?: string }) => {
      if (opts.platform && !PLATFORMS.includes(opts.platform as Platform)) {
        throw new Error(`--platform must be bale or telegram (got "${opts.platform}")`);
      }
      await withCli(async ({ services, out }) => {
        const result = await services.people.unbind(opts.person, opts.platform as Platform | undefined);
        out(
          `${result.name}: removed the ${result.removed.join(" and ")} account. A new invite (peygir invite --person …) binds the next one.`,
        );
      });
    });
}
