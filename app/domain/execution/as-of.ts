import { z } from "zod";
import { isIsoDate } from "~/domain/periods/quarter";
import type { AsOf } from "./execution";

const asOfParams = z.object({
  asOf: z
    .string()
    .refine((value) => isIsoDate(value) && value >= "2000-01-01" && value <= "2100-12-31", "errors.invalidDate")
    .optional(),
});

export interface AsOfChoice {
  asOf: AsOf;
  /** The dictionary key of what was wrong with the URL's date; the figures then use today. */
  error: "errors.invalidDate" | null;
}

/**
 * The «as of» date and the switches of a dashboard URL: today when no date is given, the current
 * quarter's plan left out, and only the facts of accepted reports unless submitted ones are asked for.
 */
export function parseAsOf(searchParams: URLSearchParams, today: string): AsOfChoice {
  const includeCurrentQuarter = searchParams.has("current");
  const facts = searchParams.has("submitted") ? "submitted" : "accepted";
  const parsed = asOfParams.safeParse({ asOf: searchParams.get("asOf") || undefined });
  if (!parsed.success) return { asOf: { date: today, includeCurrentQuarter, facts }, error: "errors.invalidDate" };
  return { asOf: { date: parsed.data.asOf ?? today, includeCurrentQuarter, facts }, error: null };
}
