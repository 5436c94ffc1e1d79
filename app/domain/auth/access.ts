import type { CouncilPosition, Locale, Role } from "~db/schema";

// Who the signed-in user is and what their roles let them see. Pure, so the rules are unit-tested;
// the server loads the principal (access.server.ts) and every loader and action asks these rules.

export interface Assignment {
  role: Role;
  departmentId: number | null;
  councilId: number | null;
  councilPosition: CouncilPosition | null;
  /** The scoped territory's ids from the root down to itself (akim, or viewer limited to a territory). */
  territoryPath: number[] | null;
}

export interface Principal {
  id: number;
  login: string;
  displayName: string;
  locale: Locale;
  assignments: Assignment[];
}

/** What a user may see of one road map: all of it, or a slice. */
export interface RoadMapView {
  /** Only these territories and everything below them; null = every territory. */
  territoryIds: number[] | null;
  /** Only these sections; null = every section. */
  sectionIds: number[] | null;
}

export interface RoadMapAccessFacts {
  /** The road map's territory ids from the root down to its own territory. */
  territoryPath: number[];
  /** Departments responsible for, or co-executing, any of its measures (at least those of the user). */
  departmentIds: number[];
  /** Councils whose scope holds the road map: section ids, or null for the whole road map. */
  councilScopes: Array<{ councilId: number; sectionIds: number[] | null }>;
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.assignments.some((assignment) => assignment.role === role);
}

export function isAdmin(principal: Principal): boolean {
  return hasRole(principal, "admin");
}

const FULL: RoadMapView = { territoryIds: null, sectionIds: null };

/**
 * The most a user may see of a road map, or null when they may not see it at all.
 * Admins and unrestricted viewers see everything; editors the road maps their departments work on;
 * council members what their council reviews; akims (and viewers limited to a territory) a road map
 * of their territory or below it in full, and a road map of a territory above theirs sliced to their own.
 * Several roles: a full view wins; otherwise territory slices are joined, else council section scopes.
 */
export function roadMapView(principal: Principal, facts: RoadMapAccessFacts): RoadMapView | null {
  const territorySlices = new Set<number>();
  const councilSections = new Set<number>();
  let councilGrants = false;

  for (const assignment of principal.assignments) {
    switch (assignment.role) {
      case "admin":
        return FULL;
      case "viewer":
      case "akim": {
        const path = assignment.territoryPath;
        if (!path) return FULL; // a viewer with no territory reads everything
        const own = path[path.length - 1]!;
        if (facts.territoryPath.includes(own)) return FULL;
        if (path.includes(facts.territoryPath[facts.territoryPath.length - 1]!)) territorySlices.add(own);
        break;
      }
      case "editor":
        if (assignment.departmentId !== null && facts.departmentIds.includes(assignment.departmentId)) return FULL;
        break;
      case "council":
        for (const scope of facts.councilScopes) {
          if (scope.councilId !== assignment.councilId) continue;
          if (scope.sectionIds === null) return FULL;
          councilGrants = true;
          scope.sectionIds.forEach((id) => councilSections.add(id));
        }
        break;
    }
  }
  if (territorySlices.size > 0) return { territoryIds: [...territorySlices], sectionIds: null };
  if (councilGrants) return { territoryIds: null, sectionIds: [...councilSections] };
  return null;
}
