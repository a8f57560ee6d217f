// Fault injection: rules that make matching requests fail the ways production fails —
// error answers, an nginx HTML page, a connection dropped before or after the message went out, latency.
import { STATUS_CODES } from "node:http";
import { ApiError, TEXT } from "./errors.js";
import { seededRandom, type Random } from "./random.js";
import type { FaultRule } from "./types.js";

export interface FaultHandle {
  readonly rule: Readonly<FaultRule>;
  /** How many requests the rule acted on. */
  readonly hits: number;
  remove(): void;
}

/** What the pipeline must do for one request. */
export interface FaultEffect {
  rule: Readonly<FaultRule>;
  delayMs: number;
  /** Answer with this instead of handling the request. */
  error?: ApiError;
  html?: boolean;
  drop: boolean;
  dropAfterDelivery: boolean;
}

export interface FaultRequest {
  token: string;
  method: string;
  chatId: string | undefined;
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  403: `Forbidden: ${TEXT.blocked}`,
  500: "Internal Server Error",
  502: "Bad Gateway",
};

class Fault implements FaultHandle {
  hits = 0;
  private readonly methods: ReadonlySet<string> | undefined;

  constructor(
    readonly rule: Readonly<FaultRule>,
    private readonly random: Random,
    private readonly owner: FaultInjector,
  ) {
    const methods = typeof rule.method === "string" ? [rule.method] : rule.method;
    this.methods = methods && new Set(methods.map((m) => m.toLowerCase()));
  }

  matches(request: FaultRequest): boolean {
    const { rule } = this;
    if (this.methods && !this.methods.has(request.method.toLowerCase())) return false;
    if (rule.token !== undefined && rule.token !== request.token) return false;
    if (rule.chatId !== undefined && String(rule.chatId) !== request.chatId) return false;
    // The roll happens only for matching requests, so a seeded run is reproducible per rule.
    return rule.probability === undefined || this.random() < rule.probability;
  }

  exhausted(): boolean {
    return this.rule.times !== undefined && this.hits >= this.rule.times;
  }

  remove(): void {
    this.owner.remove(this);
  }

  effect(): FaultEffect {
    const { rule } = this;
    const effect: FaultEffect = {
      rule,
      delayMs: rule.delayMs ?? 0,
      drop: rule.drop === true && rule.dropAfterDelivery !== true,
      dropAfterDelivery: rule.dropAfterDelivery === true,
    };
    if (rule.status !== undefined) {
      const retryAfter = rule.status === 429 ? (rule.retryAfter ?? 1) : undefined;
      const description =
        rule.description ??
        (retryAfter !== undefined
          ? `Too Many Requests: retry after ${retryAfter}`
          : (DEFAULT_DESCRIPTIONS[rule.status] ?? STATUS_CODES[rule.status] ?? "Error"));
      effect.error = new ApiError(rule.status, description, retryAfter);
      effect.html = rule.html === true;
    }
    return effect;
  }
}

export class FaultInjector {
  private rules: Fault[] = [];

  constructor(private readonly random: Random) {}

  add(rule: FaultRule): FaultHandle {
    const fault = new Fault({ ...rule }, rule.seed === undefined ? this.random : seededRandom(rule.seed), this);
    this.rules.push(fault);
    return fault;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultHandle[] {
    return [...this.rules];
  }

  remove(fault: FaultHandle): void {
    this.rules = this.rules.filter((r) => r !== fault);
  }

  /** The first rule that fires for this request, counted and retired when its times are used up. */
  match(request: FaultRequest): FaultEffect | undefined {
    if (this.rules.length === 0) return undefined;
    for (const fault of this.rules) {
      if (!fault.matches(request)) continue;
      fault.hits++;
      if (fault.exhausted()) this.remove(fault);
      return fault.effect();
    }
    return undefined;
  }
}

/** The page nginx serves in front of the Bot API when the backend is down. */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`;
}
