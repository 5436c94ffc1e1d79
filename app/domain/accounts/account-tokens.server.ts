import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { AccountTokenPurpose, Database, Locale } from "~db/schema";
import { hashToken } from "~/domain/auth/sessions.server";

type Db = Kysely<Database> | Transaction<Database>;

/** 32 random bytes in base64url: what a mailed link carries. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const RESET_VALID_HOURS = 1;
export const EMAIL_CHANGE_VALID_HOURS = 24;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export interface LiveToken {
  id: number;
  userId: number;
  login: string;
  displayName: string;
  locale: Locale;
  passwordHash: string;
  currentEmail: string | null;
  email: string | null;
}

/** The unused, unexpired token of an active user that a link carries; null for anything else. */
export async function findLiveToken(db: Db, purpose: AccountTokenPurpose, token: unknown): Promise<LiveToken | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const row = await db
    .selectFrom("account_token as t")
    .innerJoin("app_user as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.user_id",
      "t.email",
      "u.login",
      "u.display_name",
      "u.locale",
      "u.password_hash",
      "u.email as current_email",
    ])
    .where("t.token_hash", "=", hashToken(token))
    .where("t.purpose", "=", purpose)
    .where("t.used_at", "is", null)
    .where(sql<boolean>`t.expires_at > now()`)
    .where("u.is_active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    login: row.login,
    displayName: row.display_name,
    locale: row.locale,
    passwordHash: row.password_hash,
    currentEmail: row.current_email,
    email: row.email,
  };
}

/** Marks a token used, once: false when another request used it first. */
export async function useToken(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable("account_token")
    .set({ used_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Tokens a day past their time are of no use to anyone; they go whenever a new one is made. */
export async function forgetOldTokens(db: Db): Promise<void> {
  await db
    .deleteFrom("account_token")
    .where(sql<boolean>`expires_at < now() - interval '1 day'`)
    .execute();
}

export function expiresIn(hours: number, now: Date): Date {
  return new Date(now.getTime() + hours * 60 * 60 * 1000);
}
