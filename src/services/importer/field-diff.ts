/** How an import compares a stored row with what the file wants, and writes JSON columns. */
import { Prisma } from "../../db/client.js";

export type Fields = Record<string, unknown>;

/** Prisma writes a null Json column as DbNull (plain null would mean the JSON value null). */
type NullableJson = "weeklyReportTemplate" | "quotas" | "escalationPolicy";

/** The committee's nullable JSON columns: a null in the file's terms is the database's JSON null. */
export function withDbNull<F extends Partial<Record<NullableJson, Prisma.InputJsonValue | null>>>(
  fields: F,
): Omit<F, NullableJson> & Partial<Record<NullableJson, Prisma.InputJsonValue | typeof Prisma.DbNull>> {
  const { weeklyReportTemplate, quotas, escalationPolicy, ...rest } = fields;
  const json = (v: Prisma.InputJsonValue | null | undefined) => (v === undefined ? undefined : (v ?? Prisma.DbNull));
  return {
    ...rest,
    ...(weeklyReportTemplate === undefined ? {} : { weeklyReportTemplate: json(weeklyReportTemplate) }),
    ...(quotas === undefined ? {} : { quotas: json(quotas) }),
    ...(escalationPolicy === undefined ? {} : { escalationPolicy: json(escalationPolicy) }),
  };
}

/** The fields of `desired` whose value differs from the row's. */
export function changedFields<F extends Fields>(row: Fields, desired: F): Partial<F> {
  return Object.fromEntries(Object.entries(desired).filter(([field, value]) => !sameValue(row[field], value))) as Partial<F>;
}

/** For the audit log: { field: { from, to } }. */
export function fromTo(row: Fields, changes: Fields): Fields {
  return Object.fromEntries(Object.entries(changes).map(([field, to]) => [field, { from: row[field] ?? null, to }]));
}

/**
 * Equality of a stored value and a desired one: instants by time, JSON by content (PostgreSQL's
 * jsonb does not keep key order), null and undefined alike.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const x = a as Fields;
    const y = b as Fields;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameValue(x[k], y[k]));
  }
  return a === b;
}

/** A plain JSON copy (instants as ISO strings, undefined dropped), as a Json column takes it. */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
