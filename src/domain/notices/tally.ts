/**
 * The tracking figures of a notice: per agency, whether it was reached and what it answered,
 * and the totals the secretariat quotes («۱۲ از ۱۵ دستگاه پاسخ داده‌اند، ۹ حضور»).
 *
 * One answer counts per agency: a head's answer stands over a liaison's, and among people of
 * the same role the latest answer counts. Every answer is kept and shown.
 */
import { bestDelivery, type Delivery } from "./delivery.js";
import type { RsvpAnswer } from "./rsvp.js";

export interface RecipientFact {
  recipientId: number;
  personId: number;
  personName: string;
  agencyId: number | null;
  agencyName: string | null;
  role: "head" | "liaison" | "governorate";
  delivery: Delivery;
  answer?: {
    answer: RsvpAnswer;
    delegateName: string | null;
    delegatePost: string | null;
    reason: string | null;
    at: Date;
  };
}

export interface UnitTally {
  /** null for the governorate's recipients, counted as one unit of their own. */
  agencyId: number | null;
  agencyName: string | null;
  delivery: Delivery;
  /** The answer that counts for the unit, if any. */
  counted?: RecipientFact;
  recipients: RecipientFact[];
}

export interface NoticeTally {
  agencies: UnitTally[];
  governorate?: UnitTally;
  totals: {
    agencies: number;
    answered: number;
    /** Agencies coming, in person or through a delegate. */
    attending: number;
    delegates: number;
    absent: number;
    notAnswered: number;
    /** Agencies none of whose people the notice reached (blocked, failed, no chat). */
    unreached: number;
  };
}

const ROLE_WEIGHT = { head: 2, governorate: 2, liaison: 1 } as const;

/** The answer that counts among these: the head's over a liaison's, then the latest. */
export function countedAnswer(recipients: readonly RecipientFact[]): RecipientFact | undefined {
  let best: RecipientFact | undefined;
  for (const r of recipients) {
    if (!r.answer) continue;
    if (
      !best ||
      ROLE_WEIGHT[r.role] > ROLE_WEIGHT[best.role] ||
      (ROLE_WEIGHT[r.role] === ROLE_WEIGHT[best.role] && r.answer.at.getTime() > best.answer!.at.getTime())
    ) {
      best = r;
    }
  }
  return best;
}

function unitOf(agencyId: number | null, recipients: RecipientFact[]): UnitTally {
  const counted = countedAnswer(recipients);
  return {
    agencyId,
    agencyName: recipients[0]?.agencyName ?? null,
    delivery: bestDelivery(recipients.map((r) => r.delivery)),
    ...(counted ? { counted } : {}),
    recipients,
  };
}

/** Tallies recipients; agencies keep the order in which their first recipient comes. */
export function tallyNotice(recipients: readonly RecipientFact[]): NoticeTally {
  const byAgency = new Map<number, RecipientFact[]>();
  const governorate: RecipientFact[] = [];
  for (const r of recipients) {
    if (r.agencyId === null) governorate.push(r);
    else byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
  }
  const agencies = [...byAgency].map(([id, list]) => unitOf(id, list));
  const answerOf = (u: UnitTally) => u.counted?.answer?.answer;
  const count = (pred: (u: UnitTally) => boolean) => agencies.filter(pred).length;
  return {
    agencies,
    ...(governorate.length > 0 ? { governorate: unitOf(null, governorate) } : {}),
    totals: {
      agencies: agencies.length,
      answered: count((u) => u.counted !== undefined),
      attending: count((u) => answerOf(u) === "attending" || answerOf(u) === "delegate"),
      delegates: count((u) => answerOf(u) === "delegate"),
      absent: count((u) => answerOf(u) === "absent"),
      notAnswered: count((u) => u.counted === undefined),
      unreached: count((u) => u.delivery === "blocked" || u.delivery === "failed" || u.delivery === "unreachable"),
    },
  };
}

/** Recipients whose unit has no answer yet: those a reminder goes to. */
export function nonResponders(tally: NoticeTally): RecipientFact[] {
  const units = [...tally.agencies, ...(tally.governorate ? [tally.governorate] : [])];
  return units.filter((u) => u.counted === undefined).flatMap((u) => u.recipients);
}

/** Who is expected at the meeting: each agency's counted attendee or delegate. */
export function expectedAttendees(tally: NoticeTally): RecipientFact[] {
  const units = [...tally.agencies, ...(tally.governorate ? [tally.governorate] : [])];
  return units.flatMap((u) => {
    const a = u.counted?.answer?.answer;
    return a === "attending" || a === "delegate" ? [u.counted!] : [];
  });
}
