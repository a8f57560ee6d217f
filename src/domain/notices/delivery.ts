/**
 * Whether a notice reached a recipient, read from the outbox rows queued for them (one per chat
 * identity): delivered if any chat got it, waiting while any row is pending, otherwise why not.
 */

/** delivered | pending (queued) | blocked (the user blocked the bot) | failed (the API refused it) | unreachable (no chat to send to). */
export type Delivery = "delivered" | "pending" | "blocked" | "failed" | "unreachable";

export interface OutboxState {
  status: string;
  lastError: string | null;
}

/** The dispatcher records a 403 (bot blocked, user deactivated) as "403 …". */
const BLOCKED = /^403\b/;

export function deliveryOf(rows: readonly OutboxState[]): Delivery {
  if (rows.length === 0) return "unreachable";
  if (rows.some((r) => r.status === "sent")) return "delivered";
  if (rows.some((r) => r.status === "pending" || r.status === "sending")) return "pending";
  return rows.some((r) => BLOCKED.test(r.lastError ?? "")) ? "blocked" : "failed";
}

const RANK: Record<Delivery, number> = { delivered: 0, pending: 1, failed: 2, blocked: 3, unreachable: 4 };

/** The best delivery among several people (an agency is reached when any of its people is). */
export function bestDelivery(deliveries: readonly Delivery[]): Delivery {
  return deliveries.reduce<Delivery>((best, d) => (RANK[d] < RANK[best] ? d : best), "unreachable");
}
