import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "~db/schema";

// A save happens once (DESIGN.md). Every form render carries a fresh key; the action claims it in the
// same transaction as the save. A second post of the same render — a double click, the back button, a
// retry — finds the key taken and saves nothing; a save that fails rolls the claim back with it, so
// the corrected form can be posted again.

export { SUBMISSION_KEY_FIELD, submissionKeySchema } from "./submission-key";

/** A key for one render of a form. */
export function newSubmissionKey(): string {
  return randomBytes(18).toString("base64url");
}

/** The form was saved already, from the same render: nothing new was saved this time. */
export class AlreadySaved extends Error {
  constructor(readonly outcome: Record<string, unknown>) {
    super("already saved");
  }
}

/**
 * Claims a form render's key for this save, with what the save produced (shown when the form is posted
 * again). Throws AlreadySaved when the key was used before; waits for a concurrent claim of the same key
 * to commit or roll back first, so two posts at once save once.
 */
export async function claimSubmission(
  trx: Transaction<Database>,
  userId: number,
  key: string,
  outcome: Record<string, unknown> = {},
): Promise<void> {
  const claimed = await trx
    .insertInto("form_submission")
    .values({ key, user_id: userId, outcome: JSON.stringify(outcome) })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  if (claimed) return;
  const earlier = await trx
    .selectFrom("form_submission")
    .select(["outcome", "user_id"])
    .where("key", "=", key)
    .executeTakeFirst();
  throw new AlreadySaved(earlier?.user_id === userId ? earlier.outcome : {});
}

/** Records what the save produced under its key, once it is known (ids of what was created). */
export async function recordSubmissionOutcome(
  trx: Transaction<Database>,
  key: string,
  outcome: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable("form_submission")
    .set({ outcome: JSON.stringify(outcome) })
    .where("key", "=", key)
    .execute();
}
