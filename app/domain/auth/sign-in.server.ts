import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import { verifyPassword } from "./password.server";
import { FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, nextAttempt } from "./throttle";

export type SignInResult =
  | { status: "signed-in"; user: { id: number; locale: Locale } }
  | { status: "refused" }
  | { status: "throttled"; retryAt: Date };

const CONTENDED_RETRIES = 5;

/**
 * Checks a login and password, throttled per login and per client address. An attempt is counted as
 * a failure before the password is checked, in the database, so that parallel attempts on any worker
 * cannot slip past the count; a success takes its count back.
 */
export async function signIn(
  db: Kysely<Database>,
  attempt: { login: string; password: string; address: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const login = attempt.login.trim().toLowerCase();
  const keys: Array<[string, number]> = [
    [`login:${login}`.slice(0, 300), FREE_FAILURES],
    ...(attempt.address ? [[`address:${attempt.address}`, FREE_FAILURES_PER_ADDRESS] as [string, number]] : []),
  ];
  const counted: string[] = [];
  for (const [key, free] of keys) {
    const reserved = await countFailure(db, key, free, now);
    if (reserved !== true) {
      for (const done of counted) await takeBack(db, done);
      return { status: "throttled", retryAt: reserved.retryAt };
    }
    counted.push(key);
  }
  const user = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "is_active", "locale"])
    .where("login", "=", login)
    .executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? null, attempt.password);
  if (!user || !valid || !user.is_active) return { status: "refused" };
  // The login's count starts again; the address's only loses this attempt, so that one valid account
  // does not clear the way for guessing others from the same address.
  await db.deleteFrom("sign_in_failure").where("key", "=", keys[0]![0]).execute();
  for (const key of counted.slice(1)) await takeBack(db, key);
  return { status: "signed-in", user: { id: user.id, locale: user.locale } };
}

/**
 * Counts an attempt under a key before it is made (ADR 0010's mechanism, also used for password-reset
 * requests): true when it may go ahead, else when the next attempt may be made.
 */
export async function countFailure(
  db: Kysely<Database>,
  key: string,
  free: number,
  now: Date,
): Promise<true | { retryAt: Date }> {
  for (let round = 0; round < CONTENDED_RETRIES; round++) {
    const row = await db
      .selectFrom("sign_in_failure")
      .select(["failures", "last_failed_at"])
      .where("key", "=", key)
      .executeTakeFirst();
    const count = row && { failures: row.failures, lastFailedAt: new Date(row.last_failed_at) };
    const decision = nextAttempt(count, now, free);
    if (!decision.allowed) return { retryAt: decision.retryAt };
    const written = row
      ? await db
          .updateTable("sign_in_failure")
          .set({ failures: decision.failures, last_failed_at: now })
          .where("key", "=", key)
          .where("failures", "=", row.failures)
          .where("last_failed_at", "=", row.last_failed_at)
          .executeTakeFirst()
          .then((result) => Number(result.numUpdatedRows) === 1)
      : await db
          .insertInto("sign_in_failure")
          .values({ key, failures: 1, last_failed_at: now })
          .onConflict((conflict) => conflict.column("key").doNothing())
          .returning("key")
          .executeTakeFirst()
          .then((inserted) => inserted !== undefined);
    if (written) return true;
  }
  // Others are trying the same key at this very moment: that is itself a reason to wait.
  return { retryAt: new Date(now.getTime() + 1000) };
}

export async function takeBack(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable("sign_in_failure")
    .set((eb) => ({ failures: eb("failures", "-", 1) }))
    .where("key", "=", key)
    .where("failures", ">", 0)
    .execute();
}
