// What a refused write means to the person who made it. The database refuses with SQLSTATE codes
// (its own checks, and the OR0xx codes of our triggers); each becomes a message key in the user's language.

export type WriteRefusal =
  | { kind: "period_closed"; messageKey: "editing.periodClosed"; detail: string | null }
  | { kind: "duplicate"; messageKey: "editing.duplicate"; detail: string | null }
  | { kind: "missing_reference"; messageKey: "editing.missingReference"; detail: string | null }
  | { kind: "invalid_value"; messageKey: "editing.invalidValue"; detail: string | null }
  | { kind: "outside_territory"; messageKey: "editing.outsideTerritory"; detail: string | null };

const BY_CODE: Record<string, WriteRefusal["kind"]> = {
  OR001: "period_closed",
  "23505": "duplicate",
  "23503": "missing_reference",
  "23514": "invalid_value",
  "22P02": "invalid_value",
  "22003": "invalid_value",
  "22001": "invalid_value",
  OR005: "invalid_value",
  OR006: "outside_territory",
};

const MESSAGE: Record<WriteRefusal["kind"], WriteRefusal["messageKey"]> = {
  period_closed: "editing.periodClosed",
  duplicate: "editing.duplicate",
  missing_reference: "editing.missingReference",
  invalid_value: "editing.invalidValue",
  outside_territory: "editing.outsideTerritory",
};

/** The refusal behind a database error, or null when it is not one a user can act on (a bug: rethrow it). */
export function writeRefusalOf(error: unknown): WriteRefusal | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  const kind = typeof code === "string" ? BY_CODE[code] : undefined;
  if (!kind) return null;
  return { kind, messageKey: MESSAGE[kind], detail: typeof detail === "string" ? detail : null } as WriteRefusal;
}

/**
 * Thrown by domain code when a write must not happen; routes turn it into a message on the form,
 * next to `field` when the refusal is about one field.
 */
export class RefusedWrite extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly field: string | null = null,
  ) {
    super(messageKey);
  }
}

/** A stale edit: someone saved the record after the user opened it. */
export class StaleEdit extends Error {
  constructor(readonly conflict: EditConflict) {
    super("stale edit");
  }
}

export interface EditConflict {
  /** The version the user's edit started from, and the one now stored. */
  expectedVersion: number;
  currentVersion: number | null;
  /** Who saved last, and when; null when the record was deleted. */
  changedBy: string | null;
  changedAt: string | null;
  /** Field → [value the user started from, value now stored]. */
  changes: Record<string, [unknown, unknown]>;
}

/**
 * A write that first needs an answer from the user (a confirmation, a missing reason): nothing was
 * saved, and the form asks its `questions`, marking `fieldErrors` (field → message keys).
 */
export class NeedsAnswer<Q> extends Error {
  constructor(
    readonly questions: Q[],
    readonly fieldErrors: Record<string, string[]> = {},
    /** Files sent with the form, kept on the server for the answered post (a file input cannot be refilled). */
    readonly heldFiles: HeldFile[] = [],
  ) {
    super("needs an answer");
  }
}

/** A file held for a form that must be answered first: the form sends its id back with the answer. */
export interface HeldFile {
  id: number;
  name: string;
  size: number;
}
