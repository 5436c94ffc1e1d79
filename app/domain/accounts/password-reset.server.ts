import { sql, type Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { NewPasswordInput } from "~/domain/admin/admin-schema";
import { hashPassword, verifyPassword } from "~/domain/auth/password.server";
import { passwordProblem } from "~/domain/auth/password-rules.server";
import { endUserSessions } from "~/domain/auth/sessions.server";
import { countFailure, takeBack } from "~/domain/auth/sign-in.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { mailLink, type Mailer } from "~/domain/mail/mailer.server";
import { translator } from "~/i18n/i18n";
import {
  expiresIn,
  findLiveToken,
  forgetOldTokens,
  newToken,
  RESET_VALID_HOURS,
  useToken,
  type LiveToken,
} from "./account-tokens.server";
import { sendQuietly } from "./send-quietly.server";

// Requests for a reset link are throttled by the sign-in mechanism (throttle.ts), under keys of their
// own: three for a login or address are free, then each waits twice as long as the one before; a
// client address gets ten (an office behind one address). Every request counts, known account or not.
export const RESET_FREE_PER_IDENTIFIER = 3;
export const RESET_FREE_PER_ADDRESS = 10;

export type ResetRequestResult =
  { status: "accepted"; delivery: Promise<void> } | { status: "throttled"; retryAt: Date };

/**
 * Mails a reset link to the account a login or e-mail address names, when it is active and has an
 * address. The answer is the same either way, and so is the work: a token is made and hashed, the
 * database is asked and written to, and the mail goes out after the answer (`delivery`), so that an
 * SMTP round trip does not tell a known account from an unknown one.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  mail: Mailer,
  request: { identifier: string; address: string | null },
  now = new Date(),
): Promise<ResetRequestResult> {
  const identifier = request.identifier.trim().toLowerCase();
  const keys: Array<[string, number]> = [
    [`reset:${identifier}`.slice(0, 300), RESET_FREE_PER_IDENTIFIER],
    ...(request.address ? [[`reset-address:${request.address}`, RESET_FREE_PER_ADDRESS] as [string, number]] : []),
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
  const { token, hash } = newToken();
  const user = await db
    .selectFrom("app_user")
    .select(["id", "email", "locale"])
    .where("is_active", "=", true)
    .where("email", "is not", null)
    .where((eb) => eb.or([eb("login", "=", identifier), eb(sql`lower(email)`, "=", identifier)]))
    .executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    await forgetOldTokens(trx);
    if (user) {
      await trx
        .insertInto("account_token")
        .values({
          purpose: "password_reset",
          user_id: user.id,
          token_hash: hash,
          expires_at: expiresIn(RESET_VALID_HOURS, now),
        })
        .execute();
    }
  });
  if (!user?.email || !mail.configured) return { status: "accepted", delivery: Promise.resolve() };
  const t = translator(user.locale);
  const link = mailLink(`/reset-password/${token}`);
  const delivery = sendQuietly(mail, {
    to: user.email,
    subject: t("forgot.mail.subject"),
    text: t("forgot.mail.text", { link, hours: RESET_VALID_HOURS }),
  });
  return { status: "accepted", delivery };
}

/** The account a reset link opens, or null when the link is unknown, used or expired. */
export async function findResetToken(db: Kysely<Database>, token: unknown): Promise<LiveToken | null> {
  return findLiveToken(db, "password_reset", token);
}

/**
 * Sets a new password through a reset link, by the rules of /account/password. The link is used up
 * (and every other reset link of the user with it), every session of the user ends, and the change is
 * audited as the user's own.
 */
export async function resetPasswordWithToken(
  db: Kysely<Database>,
  token: unknown,
  input: NewPasswordInput,
): Promise<{ userId: number }> {
  const found = await findResetToken(db, token);
  if (!found) throw new RefusedWrite("reset.invalid");
  const problem = await passwordProblem(input.password, { login: found.login, displayName: found.displayName });
  if (problem) throw new RefusedWrite(problem, {}, "password");
  if (await verifyPassword(found.passwordHash, input.password)) {
    throw new RefusedWrite("passwordRule.current", {}, "password");
  }
  const passwordHash = await hashPassword(input.password);
  await withActor(
    db,
    found.userId,
    async (trx) => {
      // Two submits of one link: the second finds it used and changes nothing.
      if (!(await useToken(trx, found.id))) throw new RefusedWrite("reset.invalid");
      await trx
        .updateTable("account_token")
        .set({ used_at: sql<Date>`now()` })
        .where("user_id", "=", found.userId)
        .where("purpose", "=", "password_reset")
        .where("used_at", "is", null)
        .execute();
      await trx
        .updateTable("app_user")
        .set({ password_hash: passwordHash, password_changed_at: sql<Date>`now()` })
        .where("id", "=", found.userId)
        .execute();
      await endUserSessions(trx, found.userId);
    },
    { reason: "password reset by e-mail" },
  );
  return { userId: found.userId };
}
