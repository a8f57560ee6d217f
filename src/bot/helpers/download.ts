/**
 * Fetching the bytes of a file a user sent the bot (getFile, then the platform's download URL).
 * That URL holds the bot token: it is built here, used once and never stored, logged or quoted in
 * an error.
 */
import type { BotContext } from "../context.js";

/** The file's bytes, or undefined when the platform would not give them. */
export async function downloadFile(ctx: BotContext, fileId: string): Promise<Buffer | undefined> {
  const platform = ctx.config.platforms.find((p) => p.platform === ctx.profile.platform)!;
  try {
    const file = await ctx.api.getFile(fileId);
    if (!file.file_path) return undefined;
    const response = await fetch(`${platform.apiRoot}/file/bot${platform.token}/${file.file_path}`);
    return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
  } catch {
    // A network error may quote the URL, token included: the caller only learns that it failed.
    return undefined;
  }
}
