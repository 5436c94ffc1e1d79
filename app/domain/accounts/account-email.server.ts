import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { verifyPassword } from "~/domain/auth/password.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { mailLink, type Mailer } from "~/domain/mail/mailer.server";
import { translator } from "~/i18n/i18n";
import {
  EMAIL_CHANGE_VALID_HOURS,
  expiresIn,
  findLiveToken,
  forgetOldTokens,
  newToken,
  useToken,
} from "./account-tokens.server";
import { sendQuietly } from "./send-quietly.server";

type Db = Kysely<Database> | Transaction<Database>;

/** Refuses an address another account has (compared without case), on the form's `email` field. */
export async function refuseTakenEmail(db: Db, email: string | null | undefined, userId?: number): Promise<void> {
  if (!email) return;
  let query = db
    .selectFrom("app_user")
    .select("id")
    .where(sql`lower(email)`, "=", email.toLowerCase());
  if (userId !== undefined) query = query.where("id", "<>", userId);
  if (await query.executeTakeFirst()) throw new RefusedWrite("email.taken", {}, "email");
}

/** A user's address and the one waiting to be confirmed, if any. */
export async function emailStatus(db: Db, userId: number) {
  const [user, pending] = await Promise.all([
    db.selectFrom("app_user").select("email").where("id", "=", userId).executeTakeFirstOrThrow(),
    db
      .selectFrom("account_token")
      .select(["email", "expires_at"])
      .where("user_id", "=", userId)
      .where("purpose", "=", "email_change")
      .where("used_at", "is", null)
      .where(sql<boolean>`expires_at > now()`)
      .orderBy("id", "desc")
      .executeTakeFirst(),
  ]);
  return {
    email: user.email,
    pending: pending?.email ? { email: pending.email, expiresAt: pending.expires_at } : null,
  };
}

/**
 * A user asks to change their own address, with their password: the new one waits until the link mailed
 * to it is opened; a newer request replaces a waiting one.
 */
export async function requestEmailChange(
  db: Kysely<Database>,
  mail: Mailer,
  principal: Principal,
  input: { email: string; currentPassword: string },
  now = new Date(),
): Promise<void> {
  if (!mail.configured) throw new RefusedWrite("email.noMail");
  const user = await db
    .selectFrom("app_user")
    .select(["password_hash", "email", "locale"])
    .where("id", "=", principal.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new RefusedWrite("admin.validation.wrongPassword", {}, "currentPassword");
  }
  if (user.email?.toLowerCase() === input.email.toLowerCase()) throw new RefusedWrite("email.same", {}, "email");
  await refuseTakenEmail(db, input.email, principal.id);
  const { token, hash } = newToken();
  const t = translator(user.locale);
  // Mailed first: a mail that cannot be sent leaves no waiting address behind.
  await mail
    .send({
      to: input.email,
      subject: t("email.mail.confirmSubject"),
      text: t("email.mail.confirmText", {
        login: principal.login,
        link: mailLink(`/confirm-email/${token}`),
        hours: EMAIL_CHANGE_VALID_HOURS,
      }),
    })
    .catch(() => {
      throw new RefusedWrite("email.sendFailed");
    });
  await db.transaction().execute(async (trx) => {
    await forgetOldTokens(trx);
    await trx
      .updateTable("account_token")
      .set({ used_at: sql<Date>`now()` })
      .where("user_id", "=", principal.id)
      .where("purpose", "=", "email_change")
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("account_token")
      .values({
        purpose: "email_change",
        user_id: principal.id,
        token_hash: hash,
        email: input.email,
        expires_at: expiresIn(EMAIL_CHANGE_VALID_HOURS, now),
      })
      .execute();
  });
}

/** The address a confirmation link would set, or null when the link is unknown, used or expired. */
export async function findEmailChange(db: Kysely<Database>, token: unknown) {
  const found = await findLiveToken(db, "email_change", token);
  return found && { login: found.login, email: found.email! };
}

export type EmailConfirmation = { status: "confirmed"; email: string } | { status: "invalid" } | { status: "taken" };

/**
 * Opens a confirmation link: the new address becomes the user's (audited as their own change), the
 * link is used up, and the old address is told.
 */
export async function confirmEmailChange(
  db: Kysely<Database>,
  mail: Mailer,
  token: unknown,
): Promise<EmailConfirmation> {
  const found = await findLiveToken(db, "email_change", token);
  if (!found?.email) return { status: "invalid" };
  const email = found.email;
  try {
    await withActor(
      db,
      found.userId,
      async (trx) => {
        if (!(await useToken(trx, found.id))) throw new RefusedWrite("email.invalidLink");
        await refuseTakenEmail(trx, email, found.userId);
        await trx.updateTable("app_user").set({ email }).where("id", "=", found.userId).execute();
      },
      { reason: "e-mail address confirmed by its owner" },
    );
  } catch (error) {
    if (error instanceof RefusedWrite) return { status: error.messageKey === "email.taken" ? "taken" : "invalid" };
    throw error;
  }
  if (found.currentEmail && found.currentEmail.toLowerCase() !== email.toLowerCase()) {
    const t = translator(found.locale);
    void sendQuietly(mail, {
      to: found.currentEmail,
      subject: t("email.mail.changedSubject"),
      text: t("email.mail.changedText", { login: found.login, email, link: mailLink("/account") }),
    });
  }
  return { status: "confirmed", email };
}
