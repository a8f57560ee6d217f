/**
 * The domain's vocabulary as SQL lists, so raw statements never spell a status or a role by hand:
 * `a."status" NOT IN (${sqlList(FINAL_ASSIGNMENT_STATUSES)})`. Values travel as parameters.
 */
import { Prisma } from "../client.js";

/** A parenthesis-free, comma-separated list of bound parameters for `IN (…)`. */
export function sqlList(values: readonly string[]): Prisma.Sql {
  if (values.length === 0) throw new Error("sqlList: an empty IN list matches nothing and is a bug");
  return Prisma.join([...values]);
}
