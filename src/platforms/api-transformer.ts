/**
 * A grammY API transformer that makes every outgoing call fit its platform, whoever makes it
 * (a handler's reply or the outbox dispatcher): text and captions are formatted by the profile,
 * `parse_mode` is dropped where the platform has none, and buttons are checked against the
 * platform's limits before the request leaves (a bad button is our bug, so it throws here
 * with a clear message rather than as an opaque 400 from the API).
 */
import type { Transformer } from "grammy";
import type { PlatformProfile } from "./profile.js";

const TEXT_FIELDS = ["text", "caption"] as const;

interface InlineButtonLike {
  callback_data?: string;
  [field: string]: unknown;
}

export function platformTransformer(profile: PlatformProfile): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    const next: Record<string, unknown> = { ...p };
    for (const field of TEXT_FIELDS) {
      if (typeof p[field] === "string") next[field] = profile.formatText(p[field]);
    }
    if (!profile.supportsParseMode) delete next.parse_mode;
    const markup = p.reply_markup as { inline_keyboard?: InlineButtonLike[][] } | undefined;
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) checkButton(profile, button);
    }
    return prev(method, next as typeof payload, signal);
  };
}

function checkButton(profile: PlatformProfile, button: InlineButtonLike): void {
  for (const field of Object.keys(button)) {
    if (!profile.buttonFields.includes(field)) throw new Error(`${profile.platform} does not support the inline button field "${field}"`);
  }
  if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > profile.callbackDataMaxBytes) {
    throw new Error(`callback_data "${button.callback_data}" is longer than ${profile.callbackDataMaxBytes} bytes`);
  }
}
