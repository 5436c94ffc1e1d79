import { describe, expect, it } from "vitest";
import type { Principal } from "~/domain/auth/access";
import type { ExecutionFigures } from "~/domain/execution/execution.server";
import {
  canEditCouncil,
  canReadCouncil,
  changedFigures,
  decisionState,
  meetingEditable,
  readableCouncilIds,
} from "~/domain/meetings/rules";

const principal = (assignments: Principal["assignments"]): Principal => ({
  id: 1,
  login: "x",
  displayName: "x",
  locale: "kk",
  assignments,
});
const council = (councilId: number) => ({
  role: "council" as const,
  councilId,
  councilPosition: "member" as const,
  departmentId: null,
  territoryPath: null,
});
const figures = (execution: number | null): ExecutionFigures => ({
  execution,
  yearExecution: 0.5,
  plan: 10,
  fact: 8,
  yearPlan: 20,
  yearFact: 10,
  peopleReached: 0,
  counted: 1,
  statusCounts: { done: 0, on_track: 1, behind: 0, overdue: 0, removed: 0 },
});

describe("meeting rules", () => {
  it("lets a council's own members and admins edit it, viewers read it, nobody else", () => {
    const member = principal([council(1)]);
    expect(canEditCouncil(member, 1)).toBe(true);
    expect(canEditCouncil(member, 2)).toBe(false);
    expect(canReadCouncil(member, 2)).toBe(false);
    const viewer = principal([
      { role: "viewer", councilId: null, councilPosition: null, departmentId: null, territoryPath: null },
    ]);
    expect(canReadCouncil(viewer, 2)).toBe(true);
    expect(canEditCouncil(viewer, 2)).toBe(false);
    expect(readableCouncilIds(member)).toEqual([1]);
    expect(readableCouncilIds(viewer)).toBeNull();
  });

  it("freezes the agenda once held and everything once the minutes are approved", () => {
    expect(meetingEditable("planned")).toEqual({ agenda: true, minutes: true });
    expect(meetingEditable("held")).toEqual({ agenda: false, minutes: true });
    expect(meetingEditable("minutes_approved")).toEqual({ agenda: false, minutes: false });
  });

  it("derives overdue from an open decision's deadline", () => {
    expect(decisionState("open", "2024-12-31", "2025-01-01")).toBe("overdue");
    expect(decisionState("open", "2024-12-31", "2024-12-31")).toBe("open");
    expect(decisionState("open", null, "2030-01-01")).toBe("open");
    expect(decisionState("done", "2024-12-31", "2025-01-01")).toBe("done");
    expect(decisionState("withdrawn", "2024-12-31", "2025-01-01")).toBe("withdrawn");
  });

  it("marks the figures that differ between the snapshot and live data", () => {
    expect(changedFigures(figures(0.8), figures(0.8))).toEqual([]);
    expect(changedFigures(figures(0.8), figures(0.9))).toEqual(["execution"]);
    expect(changedFigures(figures(null), figures(0.9))).toEqual(["execution"]);
  });
});
