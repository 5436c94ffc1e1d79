import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";

// A fixed one-minute window per token, counted in the database: every process and every instance of
// the app counts the same calls, and one upsert both counts and decides.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function takeCall(db: Kysely<Database>, tokenId: number, perMinute: number): Promise<RateDecision> {
  const { rows } = await sql<{ calls: number; retry_after: number }>`
    INSERT INTO api_rate_window AS w (token_id, window_start, calls)
    VALUES (${tokenId}, date_trunc('minute', now()), 1)
    ON CONFLICT (token_id) DO UPDATE
       SET calls = CASE WHEN w.window_start = excluded.window_start THEN w.calls + 1 ELSE 1 END,
           window_start = excluded.window_start
    RETURNING calls, ceil(extract(epoch FROM window_start + interval '1 minute' - now()))::int AS retry_after
  `.execute(db);
  const row = rows[0]!;
  return row.calls <= perMinute
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** Every call is recorded: which token (null when none was valid), what was asked, what it answered. */
export async function recordCall(
  db: Kysely<Database>,
  call: { tokenId: number | null; method: string; path: string; status: number },
): Promise<void> {
  await db
    .insertInto("api_call")
    .values({
      token_id: call.tokenId,
      method: call.method.slice(0, 10),
      path: call.path.slice(0, 2000),
      status: call.status,
    })
    .execute();
}
