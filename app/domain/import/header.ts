import type { ColumnRole } from "./road-map-sheet";
import { romanValue, wordsOf } from "./text";

// A column's role from its header's words, in kk or ru, whatever the case, line breaks, extra words or
// punctuation. A multi-row header is read as one text per column («2024 жыл / I тоқсан / жоспар»).

type FixedRole = Exclude<ColumnRole, { kind: "plan" } | { kind: "fact" }>;

// Order matters: «Орындау мерзімі» holds «орында» like a fact column, «Форма завершения мероприятия»
// holds «мероприятия» like the title.
const FIXED: Array<[FixedRole["kind"], RegExp]> = [
  [
    "completionForm",
    /аяқта[а-яәғқңөұүһі]* нысан|аяқтал[а-яәғқңөұүһі]* нысан|форма заверш|нәтиже нысан|форма отчетност|есеп беру нысан|ожидаем[а-я]* результат|күтілетін нәтиже/,
  ],
  ["unit", /өлшем бірлі|единиц[а-яәғқңөұүһі]* измерени|ед\. ?изм|өлш\. ?бір/],
  ["deadline", /мерзім|срок|мерз\.|дата исполн/],
  ["fundingSource", /қаржыландыру көз|источник|қаржы көз|көзі/],
  [
    "narrative",
    /орындалу барысы|ход исполнени|ход реализаци|орындалуы туралы ақпарат|информаци[а-яәғқңөұүһі]* о (?:ходе )?исполнени|түсіндірме|пояснени|отметка|белгі|статус|мәртебе/,
  ],
  ["responsible", /жауапт|ответств|отв\.? ?исп|орындаушы|исполнител/],
  ["coverage", /қамту|охват/],
  [
    "plannedFunding",
    /сома|сумма|шығыс|расход|қаржыландыру көлем|объем финансир|стоимост|құны|көлемі млн|млн\.? ?теңге|млн\.? ?тенге|тыс\.? ?тенге|мың теңге/,
  ],
];
const TITLE = /атау|атал|наименов|наим\.|мероприяти|іс-шара|іс шара/;
/** «№», «№ п/п», «Р/с №», «№№ р/н», «N п.п.»: only such words, in any order (Latin «p/c» typed for «р/с» too). */
const NUMBER = /^(?:(?:№+|n|no|#|п\/п|п\.п\.?|пп|р\/с|р\/н|p\/c|рс|р\.с\.?)\s*)+$/;
const FACT = /орындалды|орындалуы|орындау|исполнен|факт|іс жүзінде|выполнен|нақты/;
const PLAN = /жоспар|план|болжам|прогноз/;
const SHARE = /%|пайыз|процент/;
const YEAR = /(?<!\d)(20\d{2})(?!\d)/;
const QUARTER =
  /(?:^|[\s.,/])([ivxіх]{1,3}|[1-4])(?:-?(?:ші|шы|ыншы|інші|й|го|ый|ий|ой))?\s*(?:тоқсан|квартал|кв)|(?:тоқсан|квартал|кв)\.?\s*([ivxіх]{1,3}|[1-4])(?![\d])/;

export interface HeaderReading {
  role: ColumnRole;
  /** A plan or fact column that names no year: read only when the programme's first year is known. */
  missingYear: boolean;
}

function quarterOf(words: string): number | null {
  const match = QUARTER.exec(words);
  if (!match) return null;
  const written = (match[1] ?? match[2]) as string;
  const quarter = romanValue(written) ?? Number(written);
  return quarter >= 1 && quarter <= 4 ? quarter : null;
}

/** The role of a column from its header text; `fallbackYear` stands in when a plan column names no year. */
export function roleOfHeader(header: string, fallbackYear: number | null): HeaderReading {
  const words = wordsOf(header);
  const ignore = { role: { kind: "ignore" } as ColumnRole, missingYear: false };
  if (words === "") return ignore;
  if (NUMBER.test(words)) return { role: { kind: "number" }, missingYear: false };
  const parts = words.split(" / ");
  const last = parts[parts.length - 1] as string;
  for (const [kind, pattern] of FIXED) {
    // In a multi-row header the lowest row says what the column is («2024 жыл / қамту»).
    if (pattern.test(last) || (parts.length > 1 && pattern.test(words) && !PLAN.test(last) && !FACT.test(last)))
      return { role: { kind } as ColumnRole, missingYear: false };
  }
  const year = YEAR.exec(words);
  const quarter = quarterOf(words);
  const fact = FACT.test(last) || (!PLAN.test(last) && FACT.test(words));
  const plan = !fact && (PLAN.test(words) || year !== null || quarter !== null);
  if ((fact || plan) && SHARE.test(words)) return ignore;
  if (fact || plan) {
    const y = year ? Number(year[1]) : fallbackYear;
    if (fact) return { role: { kind: "fact", year: y, quarter }, missingYear: false };
    if (y === null) return { role: { kind: "ignore" }, missingYear: true };
    return { role: { kind: "plan", year: y, quarter }, missingYear: year === null };
  }
  if (TITLE.test(words)) return { role: { kind: "title" }, missingYear: false };
  return ignore;
}

/** Whether a row's texts are the table's header: it names the title and one more known column. */
export function looksLikeHeader(roles: ColumnRole[]): boolean {
  const kinds = new Set(roles.map((role) => role.kind));
  return kinds.has("title") && (kinds.has("number") || kinds.has("responsible") || kinds.has("deadline"));
}
