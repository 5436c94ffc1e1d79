import type { MeasureUnit } from "~db/schema";
import { measure } from "~/i18n/messages/measure";
import { wordsOf } from "./text";

// A measure's unit: from a unit column when the sheet has one (the app's own unit names in kk, ru and
// en, and the words offices write), otherwise guessed from the completion form and the title.

const UNIT_CODES = Object.keys(measure.kk.units) as MeasureUnit[];

const UNIT_WORDS: Array<[MeasureUnit, RegExp]> = [
  ["percent", /^(?:%|пайыз|процент)/],
  ["tenge", /(?:теңге|тенге|тг\.?$|₸|млн|млрд|тыс\.? ?тенге|мың теңге)/],
  ["event", /^(?:іс-шара|іс шара|мероприяти|event)/],
  ["meeting", /^(?:кездесу|встреч|meeting)/],
  ["person", /^(?:адам|человек|чел\.?|person|people|қатысушы|участник)/],
  ["object", /^(?:объект|нысан|object)/],
  ["document", /^(?:құжат|документ|document|акт|бұйрық|приказ|постановлени|қаулы)/],
  ["item", /^(?:дана|шт\.?|штук|бірлік|единиц|ед\.?$|item)/],
  ["centre", /^(?:орталық|центр|centre|center)/],
  ["project", /^(?:жоба|проект|project)/],
];

const NAMES = new Map<string, MeasureUnit>(
  (["kk", "ru", "en"] as const).flatMap((locale) =>
    UNIT_CODES.map((code) => [wordsOf(measure[locale].units[code]), code] as [string, MeasureUnit]),
  ),
);

/** The unit a unit cell names, or null when it names none the app knows. */
export function unitOfName(text: string): MeasureUnit | null {
  const words = wordsOf(text);
  if (words === "") return null;
  const exact = NAMES.get(words);
  if (exact) return exact;
  for (const [unit, pattern] of UNIT_WORDS) if (pattern.test(words)) return unit;
  return null;
}

// What a completion form or a title says it delivers, most specific first.
const GUESSES: Array<[MeasureUnit, RegExp]> = [
  ["percent", /%|пайыз|процент|үлес|доля/],
  ["tenge", /теңге|тенге|қаржыландыру|финансирован|субсиди|грант/],
  ["meeting", /кездесу|встреч|дөңгелек үстел|круглый стол|форум|семинар|брифинг/],
  ["centre", /орталы|центр/],
  ["project", /жоба|проект/],
  ["object", /нысан|объект|құрылыс|строительств|жөндеу|ремонт/],
  [
    "document",
    /(?:^| )акт(?:$| |ы|і)|құжат|документ|бұйрық|приказ|қаулы|постановлен|шешім|решени|ақпарат|информаци|есеп|отчет|жоспар|план|хат|письм/,
  ],
  ["person", /адам|человек|жастар|молодеж|қатысушы|участник|қамту|охват/],
  ["event", /іс-шара|іс шара|мероприяти|акция|конкурс|фестивал|концерт|көрме|выставк|турнир|жарыс|соревнован/],
];

/** A guess from the completion form's and the title's words; «item» when they say nothing. */
export function guessUnit(completionForm: string, title: string): MeasureUnit {
  for (const text of [completionForm, title]) {
    const words = wordsOf(text);
    if (words === "") continue;
    for (const [unit, pattern] of GUESSES) if (pattern.test(words)) return unit;
  }
  return "item";
}
