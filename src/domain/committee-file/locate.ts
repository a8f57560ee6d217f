/**
 * Where a problem is: its path as an operator reads it (`meetings[0].resolutions[2].lead`) and
 * the line of the file it is on, found by walking the YAML syntax tree along the path.
 */
import { type Document, type LineCounter, type Node, isAlias, isMap, isNode, isPair, isScalar, isSeq } from "yaml";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A problem before it is located in the file. */
export interface Problem {
  readonly path: Path;
  readonly message: string;
}

export function formatPath(path: Path): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}

/**
 * The 1-based line of the node at `path`: a mapping key's own line (so `phone:` rather than the
 * line a block value starts on), or, when the path goes further than the document (a missing key),
 * the line of the deepest node that exists.
 */
export function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let at: Node | undefined = isNode(node) ? node : undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair && isNode(pair.key)) at = pair.key;
      next = pair?.value;
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
      if (isNode(next)) at = next;
    }
    if (next === undefined) break;
    node = next;
  }
  const offset = at?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
