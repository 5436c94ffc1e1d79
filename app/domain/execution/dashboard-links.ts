import type { MeasureStatus } from "./execution";

// What the dashboard's page needs of its URL in the browser, apart from the parser (dashboard-filters.ts),
// so that the page does not ship the parser's schemas.

export const MEASURES_PER_PAGE = 50;

export const STATUSES: MeasureStatus[] = ["done", "on_track", "behind", "overdue", "removed"];

/** The same URL with some parameters changed (null removes one); the page goes back to 1. */
export function withParams(search: string, changes: Record<string, string | string[] | null>): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    params.delete(key);
    if (value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}
