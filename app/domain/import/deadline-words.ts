import type { DeadlineRecurrence } from "~db/schema";
import type { ParsedDeadline } from "./road-map-sheet";
import type { CellValue } from "./cells";
import { romanValue, squash } from "./text";

// Deadlines as road maps write them: a date cell, «15.12.2024», «2024 жылғы IV тоқсан» / «IV квартал
// 2024 года», «до 1 декабря 2024 года», «желтоқсан 2024», «2024 жыл», «2024-2025 жылдар», or a
// recurring one («жыл сайын» / «ежегодно», «тұрақты» / «постоянно» …). Words that name no date are kept
// as written and flagged, never dropped.

export interface ReadDeadline {
  deadline: ParsedDeadline;
  /** False when the words named neither a date nor a recurrence. */
  understood: boolean;
}

const RECURRENCES: Array<[RegExp, DeadlineRecurrence]> = [
  [/тоқсан сайын|тоқсанына|тоқсан бойы|ежеквартальн|раз в квартал|поквартальн|каждый квартал/, "quarterly"],
  [
    /жартыжылдық|жарты жыл(?:да| сайын)|жартыжылдығына|по полугодиям|ежеполугод|раз в полугодие|каждое полугодие|полугодов/,
    "semiannual",
  ],
  [/жыл сайын|жылына бір|ежегодн|раз в год|каждый год/, "annual"],
  [/тұрақты|үнемі|постоянн|на постоянной основе|бессрочн|в течение всего периода/, "permanent"],
];

// Stems of month names; every case form («желтоқсанға», «декабря», «декабре») begins with its stem.
const MONTHS = [
  /^(?:қаңтар|январ)/,
  /^(?:ақпан|феврал)/,
  /^(?:наурыз|март)/,
  /^(?:сәуір|апрел)/,
  /^(?:мамыр|ма[йяею])/,
  /^(?:маусым|июн)/,
  /^(?:шілде|июл)/,
  /^(?:тамыз|август)/,
  /^(?:қыркүйек|сентябр)/,
  /^(?:қазан|октябр)/,
  /^(?:қараша|ноябр)/,
  /^(?:желтоқсан|декабр)/,
];

const NUMERIC_DATE = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const YEAR_RANGE = /(?<!\d)(20\d{2})\s*[-–—]\s*(20\d{2})(?!\d)/;
const YEAR = /(?<!\d)(20\d{2}|19\d{2})(?!\d)/;
const QUARTER = /(?:^|[\s.,])([ivxіх]{1,3}|[1-4])(?:-?(?:ші|шы|ыншы|інші|й|го|ый|ий|ой))?\s*(?:тоқсан|квартал|кв)/;
const HALF =
  /(?:^|[\s.,])(i{1,2}|і{1,2}|[12]|бірінші|екінші|первое|первого|второе|второго)(?:-?(?:ші|шы|е|го))?\s*(?:жартыжылды|полугод)/;
const DAY_MONTH = /(?<!\d)(\d{1,2})\s+([а-яәғқңөұүһі]+)/;
const MONTH_WORD = /[а-яәғқңөұүһі]+/g;

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => isoDate(year, month, lastDay(year, month));

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return isoDate(year, month, day);
}

function monthOf(word: string): number | null {
  const index = MONTHS.findIndex((stem) => stem.test(word));
  return index < 0 ? null : index + 1;
}

/** An Excel date serial («45657» = 31.12.2024), written as a number or as digits in a text cell. */
function serialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 25000 || serial > 80000) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function dateOfWords(words: string): string | null {
  // «01.12.2024–31.12.2024», «с 01.01.2024 по 31.12.2024»: the deadline is the period's end.
  const numeric = [...words.matchAll(new RegExp(NUMERIC_DATE.source, "g"))].pop();
  if (numeric) {
    const year = Number(numeric[3]) + ((numeric[3] as string).length === 2 ? 2000 : 0);
    return validDate(year, Number(numeric[2]), Number(numeric[1]));
  }
  const iso = ISO_DATE.exec(words);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const range = YEAR_RANGE.exec(words);
  if (range) return isoDate(Number(range[2]), 12, 31);
  const yearMatch = YEAR.exec(words);
  if (!yearMatch) return null;
  const year = Number(yearMatch[1]);
  const quarter = QUARTER.exec(words);
  if (quarter) {
    const q = romanValue(quarter[1] as string) ?? Number(quarter[1]);
    if (q >= 1 && q <= 4) return monthEnd(year, q * 3);
  }
  const half = HALF.exec(words);
  if (half) {
    const first = /^(?:i|і|1|бірінші|перв)/.test(half[1] as string) && !/^(?:ii|іі)/.test(half[1] as string);
    return monthEnd(year, first ? 6 : 12);
  }
  const dayMonth = DAY_MONTH.exec(words);
  if (dayMonth) {
    const month = monthOf(dayMonth[2] as string);
    if (month) return validDate(year, month, Number(dayMonth[1]));
  }
  for (const word of words.match(MONTH_WORD) ?? []) {
    const month = monthOf(word);
    if (month) return monthEnd(year, month);
  }
  return isoDate(year, 12, 31);
}

const plainDate = /^\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?:\s*(?:ж|г)\.?)?$/;

export function readDeadline(value: CellValue): ReadDeadline | null {
  if (value === null) return null;
  if (value instanceof Date) {
    const date = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return { deadline: { date, text: null, recurrence: null }, understood: true };
  }
  const written = String(value).replace(/\s+/g, " ").trim();
  if (written === "" || /^[-—–]+$/.test(written)) return null;
  const words = squash(written);
  for (const [pattern, recurrence] of RECURRENCES) {
    if (pattern.test(words)) return { deadline: { date: null, text: written, recurrence }, understood: true };
  }
  const number = typeof value === "number" ? value : /^\d{5}$/.test(written) ? Number(written) : null;
  const date =
    number !== null
      ? number >= 1990 && number <= 2100
        ? isoDate(number, 12, 31)
        : serialDate(number)
      : dateOfWords(words);
  return {
    deadline: {
      date,
      text: date && (plainDate.test(words) || (number !== null && number > 2100)) ? null : written,
      recurrence: null,
    },
    understood: date !== null,
  };
}
