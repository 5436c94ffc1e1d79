import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "./schema";

/** Who makes a change: a signed-in user's id, or the system itself (migrations, seeds, imports). */
export type Actor = number | "system";

/**
 * Runs a write in one transaction on behalf of an actor. The audit trigger records every row the
 * transaction changes with this actor (and the reason, when given); without it, writes are refused.
 */
export async function withActor<T>(
  db: Kysely<Database>,
  actor: Actor,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: { reason?: string } = {},
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('oryndau.actor_id', ${String(actor)}, true),
                     set_config('oryndau.reason', ${options.reason ?? ""}, true)`.execute(trx);
    return work(trx);
  });
}
