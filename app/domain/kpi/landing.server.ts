import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isAdmin, type Principal } from "~/domain/auth/access";
import { kpiLandingCandidates, mayViewKpi, type KpiLandingCandidate } from "./access";
import { busiestRankingParent } from "./views.server";

// The KPI menu leads only where there is something to see: a ranking or a scorecard with targets.
// Without one the entry is hidden (an administrator's leads to the KPI set-up instead).

async function hasFigures(db: Kysely<Database>, candidate: KpiLandingCandidate): Promise<boolean> {
  const row = await db
    .selectFrom("kpi_target as k")
    .innerJoin("territory as t", "t.id", "k.territory_id")
    .select("k.id")
    .where(candidate.kind === "ranking" ? "t.parent_id" : "t.id", "=", candidate.territoryId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function hrefOf(candidate: KpiLandingCandidate): string {
  return candidate.kind === "ranking" ? `/kpi/${candidate.territoryId}` : `/kpi/scorecard/${candidate.territoryId}`;
}

async function firstWithFigures(db: Kysely<Database>, candidates: KpiLandingCandidate[]): Promise<string | null> {
  for (const candidate of candidates) if (await hasFigures(db, candidate)) return hrefOf(candidate);
  return null;
}

/** Where /kpi sends the user, or null when nothing in their scope has KPI figures. */
export async function kpiLanding(db: Kysely<Database>, principal: Principal): Promise<string | null> {
  if (!mayViewKpi(principal)) return null;
  const candidates = kpiLandingCandidates(principal);
  if (candidates === "all") {
    const parentId = await busiestRankingParent(db);
    if (parentId !== null) return `/kpi/${parentId}`;
    return isAdmin(principal) ? "/kpi/admin" : null;
  }
  return firstWithFigures(db, candidates);
}

/** Whether the menu shows KPI: as cheap as the layout needs (no ranking is worked out). */
export async function showsKpiMenu(db: Kysely<Database>, principal: Principal): Promise<boolean> {
  if (!mayViewKpi(principal)) return false;
  if (isAdmin(principal)) return true;
  const candidates = kpiLandingCandidates(principal);
  if (candidates === "all")
    return (await db.selectFrom("kpi_target").select("id").limit(1).executeTakeFirst()) !== undefined;
  return (await firstWithFigures(db, candidates)) !== null;
}
