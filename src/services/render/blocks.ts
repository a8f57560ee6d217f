/**
 * Long lists split across messages: each message is a header plus as many whole blocks (an item's
 * lines and its buttons) as fit under the platforms' text limit, so an item is never cut in two.
 */
import type { InlineButton, OutgoingMessage } from "../../outbox/outbox.js";

/** Below both platforms' 4,096 characters, leaving room for Bale's Markdown neutralising. */
export const MESSAGE_BUDGET = 3_500;
/** Buttons per message: a phone screen, and below the platforms' keyboard limits. */
const MAX_BUTTON_ROWS = 40;

export interface Block {
  text: string;
  buttons?: InlineButton[][];
}

/** Messages of `header(part, parts)` + blocks, none over `budget` characters (a single oversized block is cut). */
export function splitIntoMessages(
  header: (part: number, parts: number) => string,
  blocks: readonly Block[],
  budget = MESSAGE_BUDGET,
): OutgoingMessage[] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  let rows = 0;
  // Headers differ only in the part numbers: reserve room for the longest.
  const headerRoom = header(99, 99).length + 2;
  for (const block of blocks) {
    const text = block.text.length + headerRoom > budget ? `${block.text.slice(0, budget - headerRoom - 2)}…` : block.text;
    const blockRows = block.buttons?.length ?? 0;
    if (current.length > 0 && (size + text.length + 2 + headerRoom > budget || rows + blockRows > MAX_BUTTON_ROWS)) {
      groups.push(current);
      current = [];
      size = 0;
      rows = 0;
    }
    current.push({ ...block, text });
    size += text.length + 2;
    rows += blockRows;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, i) => ({
    text: [header(i + 1, groups.length), ...group.map((b) => b.text)].join("\n\n"),
    buttons: group.flatMap((b) => b.buttons ?? []),
  }));
}
