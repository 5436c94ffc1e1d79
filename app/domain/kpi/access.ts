import { isAdmin, type Principal } from "~/domain/auth/access";

// Who may see and enter KPIs. Pure, so the rules are unit-tested; every KPI loader and action asks them.
// Rankings are published among neighbours: an akim (or a viewer limited to a territory) sees their
// own territory and everything below it, and the ranking of their territory's parent with the
// scorecards of its territories — their neighbours. Admins and unrestricted viewers see everything.
// Actuals are entered by an akim for their territory or any below it, and by admins.

function territoryPaths(principal: Principal): Array<number[] | null> {
  return principal.assignments.flatMap((assignment) =>
    assignment.role === "akim" || assignment.role === "viewer" ? [assignment.territoryPath] : [],
  );
}

function seesEverything(principal: Principal): boolean {
  return isAdmin(principal) || territoryPaths(principal).some((path) => path === null);
}

/** Whether the user sees KPIs at all (the menu entry). */
export function mayViewKpi(principal: Principal): boolean {
  return seesEverything(principal) || territoryPaths(principal).length > 0;
}

/** Whether the user may see the ranking of the territories whose parent has this path. */
export function mayViewRanking(principal: Principal, parentPath: number[]): boolean {
  if (seesEverything(principal)) return true;
  const parentId = parentPath[parentPath.length - 1];
  return territoryPaths(principal).some((path) => {
    const own = path![path!.length - 1]!;
    return parentPath.includes(own) || path![path!.length - 2] === parentId;
  });
}

/** Whether the user may see the scorecard of a territory with this path. */
export function mayViewScorecard(principal: Principal, territoryPath: number[]): boolean {
  if (territoryPath.length < 2) return seesEverything(principal);
  return mayViewRanking(principal, territoryPath.slice(0, -1)) || mayEnterActuals(principal, territoryPath);
}

/** Whether the user may enter KPI actuals for a territory with this path. */
export function mayEnterActuals(principal: Principal, territoryPath: number[]): boolean {
  if (isAdmin(principal)) return true;
  return principal.assignments.some(
    (assignment) =>
      assignment.role === "akim" &&
      assignment.territoryPath !== null &&
      territoryPath.includes(assignment.territoryPath[assignment.territoryPath.length - 1]!),
  );
}

/** Where the KPI menu may lead: a ranking (of a territory's children) or one territory's scorecard. */
export interface KpiLandingCandidate {
  kind: "ranking" | "scorecard";
  territoryId: number;
}

/**
 * The pages the KPI menu may open for the user, best first; the first with figures wins (the server
 * looks). An akim sees their own neighbours' ranking (their own row in it), else the ranking of the
 * territories below them, else their own scorecard. `"all"` for those who see everything.
 */
export function kpiLandingCandidates(principal: Principal): KpiLandingCandidate[] | "all" {
  if (seesEverything(principal)) return "all";
  return territoryPaths(principal).flatMap((path) => {
    const own = path![path!.length - 1]!;
    const parent = path!.length >= 3 ? path![path!.length - 2]! : null;
    return [
      ...(parent === null ? [] : [{ kind: "ranking" as const, territoryId: parent }]),
      { kind: "ranking" as const, territoryId: own },
      { kind: "scorecard" as const, territoryId: own },
    ];
  });
}
