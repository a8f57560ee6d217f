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
  // The adapter's own form first, without the tests below (the figures decode 60,000 of them).
  if (typeof value === "string" && value.endsWith("+00:00") && value.charCodeAt(10) === 84 /* T */) return new Date(value);
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  const text = String(value);
  if (/^-?\d+$/.test(text)) return new Date(Number(text));
  const iso = text.includes("T") ? text : text.replace(" ", "T");
  return new Date(ZONED.test(iso) ? iso : `${iso}Z`);
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
export const asJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** The type of one column of the rows of a JSON value built by the database (see jsonRowsOf). */
export type JsonRowColumn = "int" | "int?" | "text" | "instant" | "bool" | "json";

/**
 * The rows of ONE JSON value the database built (`json_group_array(json_array(…))` on SQLite,
 * `json_agg(json_build_array(…))` on PostgreSQL: an array of rows, each an array, columns in a
 * fixed order), parsed once, where Prisma's per-row handling of thousands of rows cost more than
 * the query. The shape is checked once per set, not per row: an array of arrays, each of the
 * width of `types`, the first row's values of those types. Text from SQLite (or from a CAST),
 * a parsed value from PostgreSQL, or null (no rows) are all accepted.
 */
export function jsonRowsOf(value: unknown, what: string, types: readonly JsonRowColumn[]): unknown[][] {
  const rows: unknown = typeof value === "string" ? JSON.parse(value) : (value ?? []);
  if (!Array.isArray(rows)) throw new Error(`${what}: expected a JSON array of rows`);
  for (const row of rows)
    if (!Array.isArray(row) || row.length !== types.length) throw new Error(`${what}: expected rows of ${types.length} columns`);
  const first = rows[0] as unknown[] | undefined;
  if (first)
    types.forEach((type, i) => {
      const v = first[i];
      const ok =
        type === "json" ||
        (v === null && type !== "int" && type !== "bool") ||
        (type === "int" && Number.isInteger(v)) ||
        (type === "int?" && (v === null || Number.isInteger(v))) ||
        (type === "text" && typeof v === "string") ||
        (type === "instant" && (typeof v === "string" || typeof v === "number")) ||
        (type === "bool" && (typeof v === "boolean" || v === 0 || v === 1));
      if (!ok) throw new Error(`${what}: column ${i} is not ${type} (${JSON.stringify(v)})`);
    });
  return rows as unknown[][];
}

/** A boolean as a JSON row holds it: true/false from PostgreSQL, 1/0 from SQLite. */
export const asBool = (v: unknown): boolean => v === true || v === 1;

/**
 * The columns of a JSON row in their order, each with its type: the one list a statement's
 * column list (json-rows.ts's columnList), its rows' check and its objects are made from.
 * Named as the model's fields, so that the objects' type is the model's (`Prisma.XGetPayload`).
 */
export type JsonRowColumns = Readonly<Record<string, JsonRowColumn>>;

/**
 * jsonRowsOf's rows as objects with a property per column of `columns`, named as they are: an
 * instant as a Date (decodeInstant, null kept), a boolean as true/false, the rest as in the JSON.
 * `T` is the objects' type, the model's columns of these names.
 */
export function jsonRowObjectsOf<T>(value: unknown, what: string, columns: JsonRowColumns): T[] {
  const names = Object.keys(columns);
  const types = Object.values(columns);
  const decoders = types.map((type) => (type === "instant" ? decodeInstant : type === "bool" ? asBool : undefined));
  return jsonRowsOf(value, what, types).map((r) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const decode = decoders[i];
      row[names[i]!] = decode ? decode(r[i]) : r[i];
    }
    return row as T;
  });
}
