/**
 * Decoding what a raw query hands back, the same way for every statement in db/sql: the drivers
 * of the two databases give dates and JSON in different forms.
 */

/** A zone suffix: "Z", "+00:00", "+0000" or "+00". */
const ZONED = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/**
 * An instant as either database hands it back to a raw query, decoded as Prisma decodes the
 * column: pg's driver gives a Date; SQLite keeps what was bound (the adapter's ISO 8601 with
 * "+00:00", epoch milliseconds, or CURRENT_TIMESTAMP's "YYYY-MM-DD HH:MM:SS", all UTC); inside
 * JSON, PostgreSQL's timestamp(3) comes out as ISO text without a zone, in UTC.
 */
export function decodeInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  const text = String(value);
  if (/^-?\d+$/.test(text)) return new Date(Number(text));
  const iso = text.includes("T") ? text : text.replace(" ", "T");
  return new Date(ZONED.test(iso) ? iso : `${iso}Z`);
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
export const asJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
