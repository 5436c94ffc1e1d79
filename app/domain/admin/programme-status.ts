import type { ProgrammeStatus } from "~db/schema";

// A programme's life: drafted, sent for approval (and back for rework), approved, put in force,
// then completed; any but a draft may be archived. Each step is dated and attributed.

export const PROGRAMME_STATUSES = [
  "draft",
  "under_approval",
  "approved",
  "in_force",
  "completed",
  "archived",
] as const satisfies readonly ProgrammeStatus[];

const NEXT: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ["under_approval"],
  under_approval: ["approved", "draft"],
  approved: ["in_force", "archived"],
  in_force: ["completed", "archived"],
  completed: ["archived"],
  archived: [],
};

export function allowedTransitions(from: ProgrammeStatus): readonly ProgrammeStatus[] {
  return NEXT[from];
}

export function canTransition(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return NEXT[from].includes(to);
}
