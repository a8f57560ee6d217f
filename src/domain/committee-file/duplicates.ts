/** The one duplicate finder of committee files: phones, codes, numbers, keys, holidays. */
import { type Path, type PathSegment, type Problem, formatPath } from "./locate.js";
import { quote } from "./messages.js";

/** A value and where it is in the file. */
export interface Parsed<T> {
  readonly value: T;
  readonly at: Path;
}

/** The elements of a list with their paths. */
export function located<T>(values: readonly T[], at: Path): Parsed<T>[] {
  return values.map((value, i) => ({ value, at: [...at, i] }));
}

/**
 * Every item after the first with the same key, reported at `field` of that item and naming the first.
 * Items whose key is null take no part (e.g. people without a phone in the phone check).
 */
export function duplicates<T>(
  items: readonly Parsed<T>[],
  keyOf: (value: T) => string | number | null,
  field: readonly PathSegment[],
  what: string,
): Problem[] {
  const first = new Map<string, Path>();
  const problems: Problem[] = [];
  for (const item of items) {
    const raw = keyOf(item.value);
    if (raw === null) continue;
    const key = String(raw);
    const seen = first.get(key);
    if (seen)
      problems.push({
        path: [...item.at, ...field],
        message: `${what} ${quote(key)} appears twice (first at ${formatPath([...seen, ...field])})`,
      });
    else first.set(key, item.at);
  }
  return problems;
}
