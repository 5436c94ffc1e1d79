import { z } from "zod";
import type { LocalizedText } from "~db/schema";
import type { MeasureStatus } from "~/domain/execution/execution";
import { pageFromParam, pageOfIndex, type Paging } from "./paging";

// How /my lists a department's quarter: one light row per measure, found by a filter, a section and
// words of the number or title, a page at a time. Everything lives in the URL (a GET form and links),
// so that it works without JavaScript and a link can be shared.

/** Rows on one page of a department's quarter. */
export const MEASURES_PAGE_SIZE = 50;

export const MEASURE_FILTERS = ["all", "unreported", "behind"] as const;
export type MeasureFilter = (typeof MEASURE_FILTERS)[number];

/** Editors open at once; opening more closes the first ones. */
const MAX_OPEN = 20;

const searchText = z.string().trim().max(200).catch("");

/** The list's query parameters; anything unreadable falls back to the whole list. */
export const measureListParams = z.object({
  q: searchText.optional().transform((value) => value ?? ""),
  show: z.enum(MEASURE_FILTERS).catch("all").default("all"),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  /**
   * The measures whose editors are open (the parameter repeats): their narrative, reason and
   * evidence fields and saved entries. Opening one more keeps the others, and what was typed in them.
   */
  open: z
    .array(z.coerce.number().int().positive().catch(0))
    .catch([])
    .transform((ids) => [...new Set(ids.filter((id) => id > 0))].slice(-MAX_OPEN)),
});
export type MeasureListParams = z.infer<typeof measureListParams>;

export function listParamsOf(search: URLSearchParams): MeasureListParams {
  return measureListParams.parse({
    q: search.get("q") ?? undefined,
    show: search.get("show") ?? undefined,
    section: search.get("section") ?? undefined,
    open: search.getAll("measure"),
  });
}

/** The page parameter of one department's quarter of one road map: each card pages on its own. */
export const pageParamOf = (roadMapId: number, departmentId: number) => `page-${roadMapId}-${departmentId}`;

export interface ListedMeasure {
  id: number;
  number: string;
  title: LocalizedText;
  sectionId: number;
  quarterPlan: number;
  quarterEntries: number;
  status: MeasureStatus;
}

/** Planned in the quarter and nothing entered yet: what the department still owes. */
export const isUnreported = (measure: ListedMeasure) => measure.quarterPlan > 0 && measure.quarterEntries === 0;
export const isBehind = (measure: ListedMeasure) => measure.status === "behind" || measure.status === "overdue";

/** Lower case, «ё» as «е», one space between words: how both the query and the titles are compared. */
function folded(text: string): string {
  return text.toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/**
 * A query matches a measure whose number starts with it («2.1» finds 2.1, 2.1.4, 2.10 is not 2.1.),
 * or whose title in Kazakh or Russian holds every one of its words.
 */
export function matchesSearch(measure: Pick<ListedMeasure, "number" | "title">, query: string): boolean {
  const wanted = folded(query);
  if (!wanted) return true;
  const number = measure.number.trim();
  if (number === wanted || number.startsWith(wanted.endsWith(".") ? wanted : `${wanted}.`)) return true;
  const titles = folded(`${measure.title.kk ?? ""} ${measure.title.ru ?? ""} ${measure.title.en ?? ""}`);
  return wanted.split(" ").every((word) => titles.includes(word));
}

export interface MeasureCounts {
  all: number;
  unreported: number;
  behind: number;
}

export function measureCounts(measures: ListedMeasure[]): MeasureCounts {
  return {
    all: measures.length,
    unreported: measures.filter(isUnreported).length,
    behind: measures.filter(isBehind).length,
  };
}

export interface MeasurePage<T> {
  rows: T[];
  /** Where each row stands in the department's whole list: the form's row names follow it. */
  paging: Paging;
  /** Rows the filter, section and search leave. */
  found: number;
  counts: MeasureCounts;
}

/**
 * One page of a department's measures as the parameters ask. With a measure's editor open and no
 * page asked for, the page is the one that holds the measure opened last.
 */
export function measurePage<T extends ListedMeasure>(
  measures: T[],
  params: MeasureListParams,
  pageParam: string | null,
): MeasurePage<T> {
  const found = measures.filter(
    (measure) =>
      (params.show === "all" || (params.show === "unreported" ? isUnreported(measure) : isBehind(measure))) &&
      (params.section === undefined || measure.sectionId === params.section) &&
      matchesSearch(measure, params.q),
  );
  const last = params.open.at(-1);
  const open = last === undefined ? -1 : found.findIndex((measure) => measure.id === last);
  const page = pageParam ?? (open >= 0 ? String(pageOfIndex(open, MEASURES_PAGE_SIZE)) : null);
  const paging = pageFromParam(page, found.length, MEASURES_PAGE_SIZE);
  return {
    rows: found.slice(paging.offset, paging.offset + paging.size),
    paging,
    found: found.length,
    counts: measureCounts(measures),
  };
}
