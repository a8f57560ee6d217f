/**
 * A small Result type shared by the pure domain: parsing user input must never throw,
 * it answers either a value or a stable, language-agnostic error code (texts live in locales/).
 */
export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T, E = DomainError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(
  code: C,
  params?: Record<string, string | number>,
): { readonly ok: false; readonly error: DomainError<C> } {
  return params === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, params } };
}
