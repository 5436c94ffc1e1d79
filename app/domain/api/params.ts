import { z } from "zod";
import { STATUSES } from "~/domain/execution/dashboard-links";
import { idSchema } from "~/domain/ids";
import { isIsoDate } from "~/domain/periods/quarter";

// The parameters of every read-API endpoint, defined once: they validate each request and the OpenAPI
// document (openapi.ts) is generated from them. A parameter the API does not know is refused (400),
// so a misspelt filter never silently widens an answer.

const isoDate = z
  .string()
  .refine((value) => isIsoDate(value) && value >= "2000-01-01" && value <= "2100-12-31")
  .meta({ format: "date", description: "A calendar date, YYYY-MM-DD." });
const quarter = z
  .string()
  .regex(/^(20\d\d|2100)-Q[1-4]$/)
  .meta({ description: "A quarter, e.g. 2024-Q3." });
const flag = z.enum(["1", "true", "on"]);
const id = idSchema;

export const pagingQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: "Page, from 1." }),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Rows per page (at most 200)." }),
});

export const noQuery = z.strictObject({});
export const roadMapPath = z.strictObject({ roadMapId: id });
export const territoryPath = z.strictObject({ territoryId: id });

/** The dashboard's filters (dashboard-filters.ts reads the same names), checked strictly. */
export const figuresQuery = z.strictObject({
  asOf: isoDate.optional().meta({ description: "Figures as of this date (default: today in the app's time zone)." }),
  current: flag.optional().meta({ description: "Also count the plan of the current quarter." }),
  submitted: flag.optional().meta({ description: "Also count facts of reports still under review." }),
  from: quarter.optional().meta({ description: "First quarter of the window." }),
  to: quarter.optional().meta({ description: "Last quarter of the window." }),
  section: id.optional().meta({ description: "Only this section (and its subsections)." }),
  department: id.optional().meta({ description: "Only measures of this responsible department." }),
  territory: id.optional().meta({ description: "Only this territory and those below it." }),
  status: z
    .array(z.enum(STATUSES as [string, ...string[]]))
    .optional()
    .meta({ description: "Only measures in these states (repeat the parameter for several)." }),
  page: z.coerce.number().int().min(1).max(100_000).optional().meta({ description: "Page of the measure list." }),
});

export const measuresQuery = z.strictObject({
  ...figuresQuery.omit({ page: true }).shape,
  ...pagingQuery.shape,
});

export const kpiQuery = z.strictObject({
  period: z
    .string()
    .regex(/^(20\d\d|2100)(-Q[1-4])?$/)
    .optional()
    .meta({ description: "A KPI period: a year (2024) or a quarter (2024-Q3); default the latest ended one." }),
});

/** Parameters that may be given several times in a query string. */
const LISTS = new Set(["status"]);

/** A query string as the object the schemas read: repeated list parameters as arrays, others single. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = LISTS.has(key) ? values : values.length === 1 ? values[0]! : values;
  }
  return result;
}
