import { z } from "zod";
import {
  isIsoDate,
  monthEnd,
  parseQuarterParam,
  quarterEnd,
  quarterOf,
  quarterStart,
  previousQuarter,
  type Quarter,
} from "~/domain/periods/quarter";
import type { AsOf, MeasureStatus } from "./execution";
import { idSchema } from "~/domain/ids";
import { STATUSES } from "./dashboard-links";

// The dashboard's filters live in the URL, so that a link shows a colleague the same view. Parsed
// here, once, for the page, the print view and the benchmark alike.

export interface DashboardFilters {
  /** The window the figures count: it ends at the «as of» date, or earlier where the quarter range ends. */
  asOf: AsOf;
  /** The «as of» date as the user chose it: a quarter range never moves it, only the window's end. */
  chosenAsOf: string;
  /** The quarter range as chosen (the window is already narrowed to it in `asOf`). */
  from: Quarter | null;
  to: Quarter | null;
  sectionId: number | null;
  departmentId: number | null;
  territoryId: number | null;
  statuses: MeasureStatus[] | null;
  page: number;
  /** Large type for a projector. */
  large: boolean;
}

export { MEASURES_PER_PAGE, STATUSES, withParams } from "./dashboard-links";

const id = idSchema;
const flag = z.enum(["1", "on", "true"]);

/** The filters of a dashboard URL, and the dictionary key of what was wrong with its date, if anything. */
export function parseDashboardFilters(
  params: URLSearchParams,
  today: string,
): { filters: DashboardFilters; error: "errors.invalidDate" | null } {
  const asOfParam = params.get("asOf");
  const dateValid = !asOfParam || (isIsoDate(asOfParam) && asOfParam >= "2000-01-01" && asOfParam <= "2100-12-31");
  const chosen = asOfParam && dateValid ? asOfParam : today;
  const optional = <T>(schema: z.ZodType<T>, value: string | null) => {
    const parsed = schema.safeParse(value ?? undefined);
    return parsed.success ? parsed.data : null;
  };
  const from = parseQuarterParam(params.get("from"));
  const to = parseQuarterParam(params.get("to"));
  const date = to && quarterEnd(to) < chosen ? quarterEnd(to) : chosen;
  const statuses = params
    .getAll("status")
    .filter((status): status is MeasureStatus => (STATUSES as string[]).includes(status));
  return {
    filters: {
      chosenAsOf: chosen,
      asOf: {
        date,
        includeCurrentQuarter: flag.safeParse(params.get("current")).success,
        facts: flag.safeParse(params.get("submitted")).success ? "submitted" : "accepted",
        from: from && quarterStart(from) <= date ? quarterStart(from) : undefined,
      },
      from,
      to,
      sectionId: optional(id, params.get("section")),
      departmentId: optional(id, params.get("department")),
      territoryId: optional(id, params.get("territory")),
      statuses: statuses.length ? statuses : null,
      page: optional(z.coerce.number().int().min(1).max(100_000), params.get("page")) ?? 1,
      large: flag.safeParse(params.get("large")).success,
    },
    error: dateValid ? null : "errors.invalidDate",
  };
}

/** Quick choices of the «as of» date: today, «10 months», and the ends of the last quarters. */
export function asOfChoices(
  today: string,
): Array<{ date: string; kind: "today" | "tenMonths" | "quarterEnd"; quarter?: Quarter }> {
  const year = Number(today.slice(0, 4));
  const choices: Array<{ date: string; kind: "today" | "tenMonths" | "quarterEnd"; quarter?: Quarter }> = [
    { date: today, kind: "today" },
  ];
  // Councils review «10 months» of a year: this year's once October is over, else last year's.
  const tenMonths = monthEnd(today > monthEnd(year, 10) ? year : year - 1, 10);
  choices.push({ date: tenMonths, kind: "tenMonths" });
  for (let q = previousQuarter(quarterOf(today)), n = 0; n < 4; q = previousQuarter(q), n += 1) {
    choices.push({ date: quarterEnd(q), kind: "quarterEnd", quarter: q });
  }
  return choices;
}
