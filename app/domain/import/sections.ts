import { romanValue, tidy } from "./text";

// A section row's words: «1. Мәдениет», «Раздел 2. Молодёжь», «2-бөлім. Жастар», «II. Жастар саясаты»,
// «1.1. Кітапханалар», or a title with no number.

const SECTION =
  /^(?:(?:раздел|подраздел|бөлім|направление|бағыт|глава|тарау|цель|мақсат|задача|міндет)\s+)?(\d+(?:\.\d+)*|[IVXІХ]{1,4})(?=[.)\s-]|$)[.)]?\s*(?:-?\s*(?:бөлім|раздел|бағыт|направление|тарау|мақсат|міндет)\.?)?\s*[.:\-–—]?\s*/i;

const NAMED_SECTION =
  /^(?:(?:раздел|подраздел|бөлім|направление|бағыт|глава|тарау)\s+[\dIVXІХ]|[\dIVXІХ]+\s*-?\s*(?:бөлім|бағыт|тарау))/i;

/** Whether a text names itself a section: «Раздел 2. …», «II бөлім», «1-бағыт». */
export function namesSection(text: string): boolean {
  return NAMED_SECTION.test(text);
}

export function sectionOfText(text: string): { number: string | null; title: string } {
  const written = tidy(text);
  const match = SECTION.exec(written);
  if (!match) return { number: null, title: written };
  const raw = match[1] as string;
  const roman = /^\d/.test(raw) ? null : romanValue(raw);
  const number = roman !== null ? String(roman) : /^\d/.test(raw) ? raw : null;
  if (number === null) return { number: null, title: written };
  const title = written.slice(match[0].length).trim();
  return { number, title: title === "" ? written : title };
}

const MEASURE_NUMBER = /^\d+(?:\.\d+)*$/;

/**
 * A measure's number as printed, normalised: «2.1.4.», « 2.1.4 », «2. 1. 4», «2.1.4)», «№ 2.1.4» and
 * «2-1-4» read «2.1.4»; null when it is none.
 */
export function measureNumberOf(written: string): string | null {
  const number = written
    .replace(/[\s\u00a0]+/g, "")
    .replace(/^№/, "")
    .replace(/(\d)[-–](?=\d)/g, "$1.")
    .replace(/[.)]+$/, "");
  return MEASURE_NUMBER.test(number) ? number : null;
}
