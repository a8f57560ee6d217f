/**
 * Many rows bound as ONE parameter: a JSON array, read back as a table — `json_each` on SQLite,
 * `jsonb_to_recordset` on PostgreSQL. Prisma's raw queries cost about as much per bound parameter
 * as a small query does (each goes through the query compiler): a scheduler batch of 1,000 rows
 * bound column by column (7,000–12,000 parameters) took several times longer than the same rows as
 * one JSON text. Used by the scheduler's batch writes (advance-ladder.ts, insert-outbox.ts,
 * insert-escalation-events.ts). The other way, `jsonRowSetSql` below has the database build many
 * rows as one JSON value, read back with decode.ts's jsonRowsOf (the figures' and the workbook's
 * loads; readJsonRowSet runs it and decodes the rows as objects).
 *
 * Timestamps are written as each database's adapter writes a bound Date (SQLite: ISO 8601 with
 * "+00:00"; PostgreSQL: UTC into timestamp(3)), so the rows compare equal to those Prisma wrote.
 */
import { Prisma, type DbProvider, type Tx, providerOfClient } from "../client.js";
import { type JsonRowColumns, jsonRowObjectsOf } from "./decode.js";

export type JsonColumn = "int" | "text" | "timestamp" | "json";

const PG_TYPES: Record<JsonColumn, string> = { int: "integer", text: "text", timestamp: "timestamp(3)", json: "jsonb" };

/** A Date as the SQLite adapter binds it (its default "iso8601" timestamp format). */
const sqliteTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * `SELECT <columns> FROM <the rows>`: a sub-query to use as `WITH v AS (…)` or `INSERT … SELECT`.
 * Each row gives a value per column (null allowed); a `json` column takes an object or array.
 */
export function jsonRows<C extends string>(
  provider: DbProvider,
  columns: Record<C, JsonColumn>,
  rows: readonly Record<C, unknown>[],
): Prisma.Sql {
  const names = Object.keys(columns) as C[];
  const encode = (value: unknown) =>
    value instanceof Date ? (provider === "postgres" ? value.toISOString() : sqliteTimestamp(value)) : value;
  // Each row an array, not an object: about half the text to bind and parse.
  const text = JSON.stringify(rows.map((row) => names.map((name) => encode(row[name]) ?? null)));
  const name = (column: C) => Prisma.raw(`"${column}"`);
  if (provider === "postgres") {
    const fields = names.map((column, i) =>
      columns[column] === "json"
        ? // A JSON null is SQL NULL, as Prisma writes an absent Json? field.
          Prisma.sql`NULLIF(${Prisma.raw(`r->${i}`)}, 'null') AS ${name(column)}`
        : Prisma.sql`CAST(${Prisma.raw(`r->>${i}`)} AS ${Prisma.raw(PG_TYPES[columns[column]])}) AS ${name(column)}`,
    );
    return Prisma.sql`SELECT ${Prisma.join(fields)} FROM jsonb_array_elements(CAST(${text} AS jsonb)) AS t(r)`;
  }
  // json_extract gives an object or array back as its JSON text (how Prisma stores Json on SQLite), a JSON null as NULL.
  const fields = names.map((column, i) => Prisma.sql`json_extract(value, ${Prisma.raw(`'$[${i}]'`)}) AS ${name(column)}`);
  return Prisma.sql`SELECT ${Prisma.join(fields)} FROM json_each(${text})`;
}

/**
 * The statement that builds ONE JSON value of the rows of `from` (read back with jsonRowsOf): an
 * array of arrays of `columns` (names of `from`'s columns), in `order` when given, else in the
 * sub-query's order; `[]` when it has none; text on both databases. `from` should select only the
 * columns wanted (and those of `order`): SQLite sorts whole rows.
 */
export function jsonRowSetSql(provider: DbProvider, columns: string, from: Prisma.Sql, order?: string): Prisma.Sql {
  if (provider === "postgres") {
    const by = order ? Prisma.raw(` ORDER BY ${order}`) : Prisma.empty;
    return Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(${Prisma.raw(columns)})${by}), '[]') AS text) FROM (${from}) t`;
  }
  // json_group_array keeps the order of the sub-query's rows.
  const sorted = order ? Prisma.sql`SELECT * FROM (${from}) ORDER BY ${Prisma.raw(order)}` : from;
  return Prisma.sql`SELECT json_group_array(json_array(${Prisma.raw(columns)})) FROM (${sorted})`;
}

/** `"id", "status", …`: the names of `columns`, quoted, each prefixed with `alias.` when given. */
export function columnList(columns: JsonRowColumns, alias?: string): string {
  const prefix = alias === undefined ? "" : `${alias}.`;
  return Object.keys(columns)
    .map((name) => `${prefix}"${name}"`)
    .join(", ");
}

/**
 * The rows of `from` as objects of `columns` (see jsonRowObjectsOf), read as ONE JSON value
 * (jsonRowSetSql) in `order` when given. `expressions` gives a column's expression on `from`
 * where it is not the column itself (e.g. `json("answers")`, to embed JSON text as a value).
 */
export async function readJsonRowSet<T>(
  db: Tx,
  what: string,
  columns: JsonRowColumns,
  from: Prisma.Sql,
  options: { order?: string; expressions?: Readonly<Record<string, string>> } = {},
): Promise<T[]> {
  const select = Object.keys(columns)
    .map((name) => options.expressions?.[name] ?? `"${name}"`)
    .join(", ");
  const set = jsonRowSetSql(providerOfClient(db), select, from, options.order);
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(Prisma.sql`SELECT (${set}) AS "rows"`);
  return jsonRowObjectsOf<T>(result?.rows, what, columns);
}
