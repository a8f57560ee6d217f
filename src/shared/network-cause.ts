/**
 * Why a request to a Bot API failed, in the words an operator acts on: a DNS failure, a refused
 * connection, a timeout… grammY wraps the fetch error (HttpError.error), which wraps the socket
 * error (cause): the first known code along that chain names the cause.
 */
const CAUSES: Readonly<Record<string, string>> = {
  ENOTFOUND: "DNS lookup failed: the host name is unknown",
  EAI_AGAIN: "DNS lookup failed: no DNS answer",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "timed out while connecting",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS certificate is self-signed",
};

export function networkCause(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let fallback: string | undefined;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as Record<string, unknown>;
    if (typeof e.code === "string" && CAUSES[e.code]) return `${CAUSES[e.code]} (${e.code})`;
    if (e.name === "AbortError" || e.name === "TimeoutError" || e.type === "request-timeout") return "timed out";
    if (typeof e.message === "string" && /timed out/i.test(e.message)) return "timed out";
    if (e.type === "invalid-json") return "the answer was not the Bot API's JSON (check the API root, or a proxy in between)";
    if (typeof e.error_code === "number")
      return `HTTP ${String(e.error_code)}${typeof e.description === "string" ? `: ${e.description}` : ""}`;
    fallback ??= typeof e.code === "string" ? e.code : undefined;
    // AggregateError (several addresses tried) carries its errors in `errors`.
    current = e.error ?? e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return fallback ?? (error instanceof Error ? error.message.split("\n")[0]! : String(error));
}
