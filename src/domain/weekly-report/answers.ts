/**
 * Answers to a weekly-report template: what people type, read into stored values. Text answers
 * are normalised Persian; number answers are whole or decimal numbers ≥ 0 in any digits
 * ("۱۲٬۵۰۰", "12,500", "١٢٥٠٠"), optionally with the question's unit ("۱۲ نفر"; "۳٫۵ میلیارد ریال"
 * converted to a question in میلیون ریال). Errors are input-error codes with texts in the locale files.
 */
import { fail, ok, type DomainError, type Result } from "../result.js";
import { normalisePersian, parseQuantity, type InputError } from "../text/index.js";

export interface ReportQuestion {
  readonly key: string;
  readonly label: string;
  readonly type: "text" | "number";
  readonly unit?: string;
  readonly optional?: boolean;
}

export type AnswerValue = string | number;
export type Answers = Record<string, AnswerValue>;

/** The key under which a report sent as one message keeps its text (question keys cannot start with "_"). */
export const FREE_FORM_KEY = "_freeForm";

/** An input error, or a text answer that is empty once normalised (only spaces or invisible marks). */
export type AnswerError = InputError | DomainError<"text.empty">;

export function parseAnswer(question: ReportQuestion, input: string): Result<AnswerValue, AnswerError> {
  if (question.type === "number")
    return parseQuantity(input, { allowDecimal: true, min: 0, ...(question.unit !== undefined ? { unit: question.unit } : {}) });
  const text = normalisePersian(input);
  return text ? ok(text) : fail("text.empty");
}

export type AnswersProblem = { code: "missing"; key: string } | { code: "invalid"; key: string } | { code: "unknown"; key: string };

/** Checks a full set of answers against the questions (the dialog parsed each already; this guards the service). */
export function checkAnswers(questions: readonly ReportQuestion[], answers: Answers): Result<Answers, AnswersProblem> {
  if (typeof answers[FREE_FORM_KEY] === "string" && answers[FREE_FORM_KEY].trim() !== "")
    return ok({ [FREE_FORM_KEY]: answers[FREE_FORM_KEY] });
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) return { ok: false, error: { code: "unknown", key } };
  for (const q of questions) {
    const value = answers[q.key];
    if (value === undefined || value === "") {
      if (!q.optional) return { ok: false, error: { code: "missing", key: q.key } };
      continue;
    }
    const valid = q.type === "number" ? typeof value === "number" && Number.isFinite(value) && value >= 0 : typeof value === "string";
    if (!valid) return { ok: false, error: { code: "invalid", key: q.key } };
  }
  return ok(answers);
}
