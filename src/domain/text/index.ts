/** Persian text in and out: normalisation, parsing what people type, formatting what they read. */
export { normaliseDigits, toPersianDigits } from "./digits.js";
export { normalisePersian, prepareInput } from "./normalise.js";
export {
  type InputError,
  type InputErrorCode,
  type InputResult,
  INPUT_ERROR_CODES,
  INPUT_ERROR_PARAMS,
  inputErrorKey,
} from "./input-errors.js";
export { parsePhone } from "./phone.js";
export {
  type FormatNumberOptions,
  type ParseNumberOptions,
  type ParseQuantityOptions,
  formatNumber,
  formatPercent,
  parseNumber,
  parsePercent,
  parseQuantity,
} from "./number.js";
export { type ParsedDateInput, RELATIVE_COUNT_MAX, RELATIVE_COUNT_MIN, parseJalaliInput } from "./date-input.js";
export { type ParsedTimeInput, parseTimeInput } from "./time-input.js";
export { MARKDOWN_MARKERS, WORD_JOINER, neutraliseMarkdown } from "./markdown.js";
export { ELLIPSIS, PART_MARKER_RESERVE, cutText, firstWords, numberParts, splitText } from "./fit.js";
export { INPUT_LIMITS, type InputField, overLimit } from "./input-limits.js";
