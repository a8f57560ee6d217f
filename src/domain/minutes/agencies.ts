/**
 * The agencies a resolution's text names, proposed to the secretary for confirmation: «بانک ملی»,
 * «اداره تعاون» or «ادارات تعاون، کار و رفاه اجتماعی و صنعت، معدن و تجارت» name one office each;
 * «بانک‌های عامل» or «روسای بانک‌ها» name the committee's banks; «همه دستگاه‌ها» names them all.
 * The first agency named is proposed as the lead, the others as co-operating. Pure.
 */
import { normalisePersian } from "../text/normalise.js";

export interface KnownAgency {
  id: number;
  name: string;
  /** office | bank | company | other */
  kind: string;
}

export interface ProposedParties {
  /** «همه دستگاه‌ها»: every agency of the committee. */
  all: boolean;
  /** In order of first mention: the first is the proposed lead. */
  agencyIds: number[];
}

/** Words that say what sort of body a name is; the rest of the name is what people write after them. */
const BODY_WORDS = /^(?:اداره کل|اداره|مدیریت|شرکت|بانک|سازمان|فرمانداری|شهرداری|بنیاد|دانشگاه|مرکز|کمیته|اتاق)\s+/;
/** The county and branch part of a name, which a resolution never repeats. */
const LOCAL_PART = /(?:[،,]?\s*شعبه.*|\s+شهرستان\s+.*)$/;
/** Everyday short names of offices, as minutes write them. */
const ALIASES: Readonly<Record<string, string>> = {
  صمت: "صنعت، معدن و تجارت",
  "تعاون، کار و رفاه": "تعاون، کار و رفاه اجتماعی",
  جهاد: "جهاد کشاورزی",
};

const ALL_AGENCIES = /(?:همه|کلیه|تمامی|تمام)\s*(?:ی\s*)?(?:دستگاه|ادارات|اعضا)|دستگاه\s*های\s*(?:اجرایی|عضو)/;
const BANKS = /بانک\s*های\s*(?:عامل|شهرستان|استان)|(?:روسا|روسای|مدیران|شعب)\s*(?:ی\s*)?بانک|بانک\s*ها(?![\p{L}])/u;

/** Matching ignores ZWNJ, the hamza on ؤ, and repeated spaces. */
function key(s: string): string {
  return normalisePersian(s)
    .replace(/\u200C/g, " ")
    .replace(/ؤ/g, "و")
    .replace(/\s+/g, " ");
}

/** The forms a text may use for this agency: its core name, and its body word with the core's first word. */
function formsOf(agency: KnownAgency): string[] {
  const name = key(agency.name).replace(LOCAL_PART, "").trim();
  const body = BODY_WORDS.exec(name)?.[0].trim();
  const core = name.replace(BODY_WORDS, "").trim();
  const forms = new Set<string>([name]);
  // The core alone is distinctive when it is more than one word («جهاد کشاورزی», «صنعت، معدن و تجارت»);
  // «ملی» or «کشاورزی» alone are not.
  if (core.includes(" ")) forms.add(core);
  const firstWord = core.split(/[\s،,]/)[0];
  if (body && firstWord) forms.add(`${body} ${firstWord}`);
  for (const [alias, full] of Object.entries(ALIASES)) if (core.startsWith(full) || core === full) forms.add(alias);
  return [...forms].filter((f) => f.length >= 3);
}

/** Where `form` first occurs as whole words in `text`, or -1. */
function indexOfWords(text: string, form: string): number {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?:^|[^\\p{L}])(${escaped})(?![\\p{L}])`, "u").exec(text);
  return m ? m.index + m[0].length - m[1]!.length : -1;
}

/** The agencies of `agencies` that `text` names, lead first. */
export function proposeParties(text: string, agencies: readonly KnownAgency[]): ProposedParties {
  const t = key(text);
  if (ALL_AGENCIES.test(t)) return { all: true, agencyIds: [] };
  const found: { id: number; at: number }[] = [];
  for (const agency of agencies) {
    const at = Math.min(
      ...formsOf(agency)
        .map((f) => indexOfWords(t, f))
        .filter((i) => i >= 0),
    );
    if (Number.isFinite(at)) found.push({ id: agency.id, at });
  }
  const banks = BANKS.exec(t);
  if (banks) {
    for (const bank of agencies.filter((a) => a.kind === "bank")) {
      if (!found.some((f) => f.id === bank.id)) found.push({ id: bank.id, at: banks.index + found.length / 1000 });
    }
  }
  found.sort((a, b) => a.at - b.at || a.id - b.id);
  return { all: false, agencyIds: found.map((f) => f.id) };
}
