// The categories an indicator is filed under. The database keeps a code; people read its name from the
// dictionaries, and a code outside this list (kept from older data) reads as «other».
export const KPI_CATEGORIES = ["youth", "culture", "religion", "education", "health", "social", "economy"] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number] | "other";

export function kpiCategoryOf(code: string): KpiCategory {
  return (KPI_CATEGORIES as readonly string[]).includes(code) ? (code as KpiCategory) : "other";
}
