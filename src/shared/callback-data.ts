/**
 * Typed callback data, in the style of grammY's callback-data plugin and the bot-base template's
 * `createCallbackData`: each button family is declared once, with a short prefix and an ordered list
 * of fields, and gets `pack` (values → string), `filter` (an anchored RegExp for
 * `composer.callbackQuery`) and `unpack` (string → values, or undefined when forged or stale).
 *
 * Our own rather than a package because the payload must stay small and strict: the Bot API caps it
 * at 64 bytes (checked at pack time, so an oversized button fails where it is built, not on the
 * platform), domain words travel as one- to four-letter codes, and every id is range-checked on the
 * way in. The wire format is `prefix:field:field…`; trailing fields may be optional.
 */

/** The Bot API's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** How one field is written into and read out of a payload. */
export interface FieldCodec<T> {
  /** A regular-expression fragment (no groups) matching the encoded field. */
  readonly pattern: string;
  encode(value: T): string;
  /** The value, or undefined when the text is not a valid encoding. */
  decode(text: string): T | undefined;
  readonly optional?: boolean;
}

/** A trailing field that may be left out. */
export type OptionalField<T> = FieldCodec<T> & { readonly optional: true };

/** Row ids are 32-bit integers in both databases; a larger number in a button is forged or broken. */
const MAX_ID = 2_147_483_647;

function integer(min: number, max: number): FieldCodec<number> {
  return {
    // Wider than the range, so an out-of-range number still reaches its family's handler (which
    // answers "not yours") instead of falling through as an unknown button.
    pattern: "\\d{1,15}",
    encode: (value) => {
      if (!Number.isSafeInteger(value) || value < min || value > max)
        throw new RangeError(`callback data: ${value} is not in ${min}..${max}`);
      return String(value);
    },
    decode: (text) => {
      const n = Number(text);
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The field types a button family is made of. */
export const field = {
  /** A database row id (1 … 2³¹−1). */
  id: (): FieldCodec<number> => integer(1, MAX_ID),
  /** A row id where 0 means "none" (e.g. "save" on a toggle list). */
  idOrZero: (): FieldCodec<number> => integer(0, MAX_ID),
  /** A small non-negative number (a page, an index) up to `max`. */
  count: (max: number): FieldCodec<number> => integer(0, max),
  /** A domain word written as a short code: `{ approve: "ok", refuse: "no" }`. */
  code<T extends string>(codes: Record<T, string>): FieldCodec<T> {
    const byCode = new Map(Object.entries<string>(codes).map(([word, code]) => [code, word as T]));
    if (byCode.size !== Object.keys(codes).length) throw new Error("callback data: two words share a code");
    return {
      pattern: `(?:${[...byCode.keys()].map(escapeRegExp).join("|")})`,
      encode: (word) => codes[word],
      decode: (text) => byCode.get(text),
    };
  },
  /** A free token matching `pattern` (a character class with a length, e.g. `[a-z0-9]{1,12}`). */
  token(pattern: string): FieldCodec<string> {
    const whole = new RegExp(`^${pattern}$`);
    return {
      pattern,
      encode: (text) => {
        if (!whole.test(text)) throw new RangeError(`callback data: "${text}" does not match ${pattern}`);
        return text;
      },
      decode: (text) => (whole.test(text) ? text : undefined),
    };
  },
  /** Makes a trailing field optional: absent from the payload when undefined. */
  optional<T>(codec: FieldCodec<T>): OptionalField<T> {
    return { ...codec, optional: true };
  },
};

type Schema = Record<string, FieldCodec<unknown>>;
type RequiredKeys<S extends Schema> = { [K in keyof S]: S[K] extends OptionalField<unknown> ? never : K }[keyof S];
type ValueOf<C> = C extends FieldCodec<infer T> ? T : never;

/** The values a family packs: required fields, and the optional ones that may be left out. */
export type CallbackValues<S extends Schema> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in Exclude<keyof S, RequiredKeys<S>>]?: Exclude<ValueOf<S[K]>, undefined>;
};

/** One button family: its prefix, and how its payloads are built, recognised and read. */
export interface CallbackData<S extends Schema> {
  readonly prefix: string;
  /** The payload for these values. Throws when a value is out of range or the payload exceeds 64 bytes. */
  pack(values: CallbackValues<S>): string;
  /** An anchored RegExp matching this family's payloads, for `composer.callbackQuery`. */
  filter(): RegExp;
  /** The values of a payload, or undefined when it is not a well-formed payload of this family. */
  unpack(data: string): CallbackValues<S> | undefined;
}

const prefixes = new Set<string>();

/**
 * Declares a button family. Prefixes must be unique across the application (checked here), and
 * optional fields may only come last.
 */
export function createCallbackData<S extends Schema>(prefix: string, schema: S): CallbackData<S> {
  if (!/^[a-z]{1,3}$/.test(prefix)) throw new Error(`callback data: prefix "${prefix}" must be 1–3 lowercase letters`);
  if (prefixes.has(prefix)) throw new Error(`callback data: prefix "${prefix}" is declared twice`);
  prefixes.add(prefix);
  const fields = Object.entries(schema);
  const firstOptional = fields.findIndex(([, codec]) => codec.optional);
  if (firstOptional >= 0 && fields.slice(firstOptional).some(([, codec]) => !codec.optional)) {
    throw new Error(`callback data "${prefix}": optional fields must come last`);
  }
  // Optional fields nest, so a later one can only be present with the ones before it.
  const groups = fields.reduceRight(
    (rest, [, codec]) => (codec.optional ? `(?::(${codec.pattern})${rest})?` : `:(${codec.pattern})${rest}`),
    "",
  );
  const pattern = new RegExp(`^${prefix}${groups}$`);

  return {
    prefix,
    pack(values) {
      const parts = [prefix];
      for (const [name, codec] of fields) {
        const value = (values as Record<string, unknown>)[name];
        if (value === undefined) {
          if (!codec.optional) throw new Error(`callback data "${prefix}": ${name} is required`);
          break;
        }
        parts.push(codec.encode(value));
      }
      const data = parts.join(":");
      const bytes = Buffer.byteLength(data, "utf8");
      if (bytes > CALLBACK_DATA_MAX_BYTES)
        throw new RangeError(`callback data "${data}" is ${bytes} bytes; the Bot API allows ${CALLBACK_DATA_MAX_BYTES} bytes`);
      return data;
    },
    filter: () => pattern,
    unpack(data) {
      const match = pattern.exec(data);
      if (!match) return undefined;
      const values: Record<string, unknown> = {};
      for (const [i, [name, codec]] of fields.entries()) {
        const text = match[i + 1];
        if (text === undefined) continue;
        const value = codec.decode(text);
        if (value === undefined) return undefined;
        values[name] = value;
      }
      return values as CallbackValues<S>;
    },
  };
}
