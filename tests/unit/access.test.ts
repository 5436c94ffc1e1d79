import { describe, expect, it } from "vitest";
import { roadMapView, type Assignment, type Principal, type RoadMapAccessFacts } from "~/domain/auth/access";

// Territory ids: 1 Kazakhstan → 10 Karaganda oblast → 11 Temirtau; 1 → 20 Shymkent.
const karagandaRoadMap: RoadMapAccessFacts = { territoryPath: [1, 10], departmentIds: [7], councilScopes: [] };
const shymkentRoadMap: RoadMapAccessFacts = {
  territoryPath: [1, 20],
  departmentIds: [3, 4],
  councilScopes: [{ councilId: 5, sectionIds: [31, 32] }],
};
const nationalRoadMap: RoadMapAccessFacts = {
  territoryPath: [1],
  departmentIds: [],
  councilScopes: [{ councilId: 6, sectionIds: null }],
};

const assignment = (overrides: Partial<Assignment>): Assignment => ({
  role: "viewer",
  departmentId: null,
  councilId: null,
  councilPosition: null,
  territoryPath: null,
  ...overrides,
});
const principal = (...assignments: Assignment[]): Principal => ({
  id: 1,
  login: "u",
  displayName: "U",
  locale: "kk",
  assignments,
});
const FULL = { territoryIds: null, sectionIds: null };

describe("who sees which road map", () => {
  it("shows everything to an admin and to a viewer with no territory", () => {
    expect(roadMapView(principal(assignment({ role: "admin" })), shymkentRoadMap)).toEqual(FULL);
    expect(roadMapView(principal(assignment({ role: "viewer" })), karagandaRoadMap)).toEqual(FULL);
  });

  it("shows an akim the road maps of their territory in full and a road map above it sliced to theirs", () => {
    const oblastAkim = principal(assignment({ role: "akim", territoryPath: [1, 10] }));
    const cityAkim = principal(assignment({ role: "akim", territoryPath: [1, 10, 11] }));
    expect(roadMapView(oblastAkim, karagandaRoadMap)).toEqual(FULL);
    expect(roadMapView(cityAkim, karagandaRoadMap)).toEqual({ territoryIds: [11], sectionIds: null });
    expect(roadMapView(cityAkim, nationalRoadMap)).toEqual({ territoryIds: [11], sectionIds: null });
    expect(roadMapView(cityAkim, shymkentRoadMap)).toBeNull();
  });

  it("shows an editor only the road maps their department works on", () => {
    expect(roadMapView(principal(assignment({ role: "editor", departmentId: 4 })), shymkentRoadMap)).toEqual(FULL);
    expect(roadMapView(principal(assignment({ role: "editor", departmentId: 4 })), karagandaRoadMap)).toBeNull();
  });

  it("shows a council member what their council reviews", () => {
    const miras = principal(assignment({ role: "council", councilId: 5, councilPosition: "secretary" }));
    expect(roadMapView(miras, shymkentRoadMap)).toEqual({ territoryIds: null, sectionIds: [31, 32] });
    expect(roadMapView(miras, nationalRoadMap)).toBeNull();
    expect(
      roadMapView(principal(assignment({ role: "council", councilId: 6, councilPosition: "member" })), nationalRoadMap),
    ).toEqual(FULL);
  });

  it("lets a full view of one role win over a slice of another", () => {
    const both = principal(
      assignment({ role: "akim", territoryPath: [1, 10, 11] }),
      assignment({ role: "editor", departmentId: 7 }),
    );
    expect(roadMapView(both, karagandaRoadMap)).toEqual(FULL);
  });

  it("shows nothing to a user without roles", () => {
    expect(roadMapView(principal(), shymkentRoadMap)).toBeNull();
  });
});
