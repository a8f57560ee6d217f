/**
 * What a resolution's own words say about how it is followed up, proposed to the secretary:
 * standing («مستمر») or recurring («هر هفته», «ماهانه»), a deadline («تا ۱۴۰۵/۱۰/۱۵», «ظرف دو
 * هفته»), and whom to report to («… را به اداره کل استان گزارش دهند»). Pure.
 */
import { parseNumericJalali } from "../calendar/parse.js";
import { normaliseDigits, toPersianDigits } from "../text/digits.js";
import { normalisePersian } from "../text/normalise.js";
import { SPAN_IN_TEXT, spanOf, type DeadlineSpec } from "./deadline.js";

export type ProposedKind = "one_off" | "recurring" | "standing";

export interface ResolutionHints {
  kind: ProposedKind;
  /** Absent when the text names no deadline (standing resolutions never have one). */
  deadline?: DeadlineSpec;
  reportTo?: string;
}

const STANDING = /مستمر|به\s*طور\s*دائم|به\s*صورت\s*دائم/;
const RECURRING = /هر\s*(?:هفته|ماه|فصل)|ماهانه|ماهیانه|هفتگی|فصلی|به\s*صورت\s*(?:هفتگی|ماهانه)/;
const DATE_IN_TEXT = /(?:تا|تاریخ|مهلت|حداکثر\s*تا)\s*(\d{4}[/-]\d{1,2}[/-]\d{1,2})/;
const REPORT_TO =
  /(?:^|\s)به\s+([^،.؛:()]{2,60}?)\s+(?:(?:گزارش|اعلام|ارسال|ارائه|منعکس|تحویل)\s*(?:دهند|دهد|کنند|کند|نمایند|نماید|گردد|شود)|بدهند|بدهد)/;
/** Words that follow «به» without naming a recipient. */
const NOT_A_RECIPIENT = /^(?:صورت|موقع|منظور|همراه|طور|عنوان)/;

export function hintsOf(resolutionText: string): ResolutionHints {
  const t = normalisePersian(normaliseDigits(resolutionText)).replace(/\u200C/g, " ");
  const kind: ProposedKind = STANDING.test(t) ? "standing" : RECURRING.test(t) ? "recurring" : "one_off";
  const hints: ResolutionHints = { kind };
  if (kind === "standing") hints.deadline = { kind: "standing" };
  else {
    const date = DATE_IN_TEXT.exec(t);
    const parsed = date ? parseNumericJalali(date[1]!) : undefined;
    if (parsed?.ok) hints.deadline = { kind: "date", date: parsed.value };
    else {
      const span = SPAN_IN_TEXT.exec(t);
      const spec = span ? spanOf(span[1]!, span[2]!, span[3] !== undefined) : undefined;
      if (spec) hints.deadline = { kind: "span", span: spec };
    }
  }
  const recipient = REPORT_TO.exec(t)?.[1]?.trim();
  if (recipient && !NOT_A_RECIPIENT.test(recipient)) hints.reportTo = toPersianDigits(recipient);
  return hints;
}
