import { idSchema } from "~/domain/ids";
import { periodParam } from "./actual-schema";
import type { KpiPeriod } from "./scoring";

// The comparison's URL: `?t=12&t=14&period=2025`. Pure, so that its limits are unit-tested.

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export type CompareProblem = "compare.tooFew" | "compare.tooMany" | null;

export interface CompareParams {
  /** The territories to compare, in the order asked, each once; empty when the choice cannot be compared. */
  territoryIds: number[];
  /** Every territory asked for (valid ids), to keep them ticked while the user fixes the choice. */
  asked: number[];
  period: KpiPeriod | null;
  problem: CompareProblem;
}

export function parseCompareParams(params: URLSearchParams): CompareParams {
  const asked = [
    ...new Set(
      params.getAll("t").flatMap((value) => {
        const parsed = idSchema.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ];
  const period =
    periodParam
      .optional()
      .catch(undefined)
      .parse(params.get("period") ?? undefined) ?? null;
  const problem: CompareProblem =
    asked.length < MIN_COMPARED ? "compare.tooFew" : asked.length > MAX_COMPARED ? "compare.tooMany" : null;
  return { territoryIds: problem ? [] : asked, asked, period, problem };
}

/** The comparison's address for these territories and period. */
export function compareHref(territoryIds: number[], period: string | null): string {
  const query = new URLSearchParams(territoryIds.map((id) => ["t", String(id)]));
  if (period) query.set("period", period);
  return `/kpi/compare?${query}`;
}
