/**
 * Dashboard sign-in: a one-time code sent in chat (`/dashboard`) becomes a session.
 *
 * Codes and session tokens are random (256 bits) and only their SHA-256 is stored, so the database
 * and its backups hold nothing that logs anyone in. A code is valid 10 minutes and for one use (the
 * claim is one conditional update, so two tabs racing with the same link get one session); a
 * session lasts 12 hours and ends at logout. Who may see what is not decided here: every page asks
 * the report service, from the database, on every request.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Clock } from "../shared/clock.js";

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;

const digest = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");
// Hex: no character that Bale's Markdown would take as a marker (a "_" in a link gets neutralised and breaks it).
const newSecret = (): string => randomBytes(32).toString("hex");

export type RedeemResult = { ok: true; sessionToken: string; expiresAt: Date } | { ok: false; reason: "unknown" | "used" | "expired" };

export class WebLoginService {
  /** The dashboard's public base URL (set by app.ts once the HTTP server listens). */
  baseUrl = "http://localhost:8080";

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * A fresh one-time login code for a person who may see at least one committee's dashboard
   * (the caller checks that); returns the code in clear, to be put in the link and nowhere else.
   */
  async issueCode(personId: number): Promise<{ code: string; expiresAt: Date }> {
    const code = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LOGIN_CODE_TTL_MS);
    await this.db.webLoginCode.create({ data: { codeHash: digest(code), personId, createdAt: now, expiresAt } });
    return { code, expiresAt };
  }

  /** The one-time login link for a code: the code is in the path, the only secret a URL ever carries. */
  linkFor(code: string): string {
    return `${this.baseUrl}/dashboard/login/${code}`;
  }

  /** Spends a login code: a new session when it is known, unused and not expired; otherwise why not. */
  async redeem(code: string): Promise<RedeemResult> {
    const codeHash = digest(code);
    const now = this.clock.now();
    const found = await this.db.webLoginCode.findUnique({
      where: { codeHash },
      select: { id: true, personId: true, usedAt: true, expiresAt: true },
    });
    if (!found) return { ok: false, reason: "unknown" };
    if (found.usedAt) return { ok: false, reason: "used" };
    if (found.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    const sessionToken = newSecret();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    const claimed = await this.db.$transaction(async (tx) => {
      const { count } = await tx.webLoginCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
      if (count !== 1) return false;
      await tx.webSession.create({ data: { tokenHash: digest(sessionToken), personId: found.personId, createdAt: now, expiresAt } });
      return true;
    });
    return claimed ? { ok: true, sessionToken, expiresAt } : { ok: false, reason: "used" };
  }

  /** The person a session token belongs to, while the session is open and not expired. */
  async personOf(sessionToken: string): Promise<{ personId: number; name: string } | undefined> {
    const session = await this.db.webSession.findUnique({
      where: { tokenHash: digest(sessionToken) },
      select: { endedAt: true, expiresAt: true, person: { select: { id: true, name: true } } },
    });
    if (!session || session.endedAt || session.expiresAt.getTime() <= this.clock.now().getTime()) return undefined;
    return { personId: session.person.id, name: session.person.name };
  }

  /** Ends a session (logout); unknown tokens are ignored. */
  async endSession(sessionToken: string): Promise<void> {
    await this.db.webSession.updateMany({ where: { tokenHash: digest(sessionToken), endedAt: null }, data: { endedAt: this.clock.now() } });
  }
}
