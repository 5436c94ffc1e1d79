import { createHash, randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Assignment, Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import type { CreateTokenInput } from "./token-schema";

// Read-API tokens: made by an admin, each bound to one role and scope the way a user's role assignment
// is, so the API's reads ask the same scope rules as the pages (a token becomes a Principal). Only the
// SHA-256 of the secret is stored; the secret is shown once, when it is made.

export const TOKEN_PREFIX = "ory_";
const SECRET = /^ory_[A-Za-z0-9_-]{43}$/;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new secret: 32 random bytes, base64url, behind the «ory_» prefix that tells a leaked one apart. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export interface CreatedToken {
  id: number;
  name: string;
  secret: string;
  expiresOn: string;
}

/** Makes a token; valid until the end of `expiresOn` in the app's time zone. */
export async function createApiToken(
  db: Kysely<Database>,
  principal: Principal,
  input: CreateTokenInput,
  timeZone: string,
): Promise<CreatedToken> {
  requireAdmin(principal);
  const secret = newTokenSecret();
  const scoped = (value: number | undefined, ...roles: CreateTokenInput["role"][]) =>
    roles.includes(input.role) ? (value ?? null) : null;
  return withActor(db, principal.id, async (trx) => {
    const { id } = await trx
      .insertInto("api_token")
      .values({
        name: input.name,
        token_prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        token_hash: hashToken(secret),
        role: input.role,
        department_id: scoped(input.departmentId, "editor"),
        council_id: scoped(input.councilId, "council"),
        council_position: input.role === "council" ? (input.councilPosition ?? null) : null,
        territory_id: scoped(input.territoryId, "akim", "viewer"),
        expires_at: sql<Date>`(${input.expiresOn}::date + 1)::timestamp AT TIME ZONE ${timeZone}`,
        created_by: principal.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id, name: input.name, secret, expiresOn: input.expiresOn };
  });
}

/** Revokes a token from the version the admin saw; a revoked token stays listed with who revoked it. */
export async function revokeApiToken(db: Kysely<Database>, principal: Principal, tokenId: number, version: number) {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "api_token", tokenId, version);
    const { numUpdatedRows } = await trx
      .updateTable("api_token")
      .set({ revoked_at: sql<Date>`now()`, revoked_by: principal.id })
      .where("id", "=", tokenId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) throw new RefusedWrite("apiTokens.alreadyRevoked");
  });
}

/** Every token, newest first, with its scope's name, its maker and when it was last used. */
export async function listApiTokens(db: Kysely<Database>) {
  return db
    .selectFrom("api_token as k")
    .innerJoin("app_user as u", "u.id", "k.created_by")
    .leftJoin("department as d", "d.id", "k.department_id")
    .leftJoin("council as c", "c.id", "k.council_id")
    .leftJoin("territory as t", "t.id", "k.territory_id")
    .select((eb) => [
      "k.id",
      "k.name",
      "k.token_prefix",
      "k.role",
      "k.council_position",
      "k.expires_at",
      "k.revoked_at",
      "k.created_at",
      "k.version",
      "u.display_name as created_by",
      "d.name as department_name",
      "c.title as council_title",
      "t.name as territory_name",
      eb
        .selectFrom("api_call as a")
        .select((inner) => inner.fn.max("a.called_at").as("last"))
        .whereRef("a.token_id", "=", "k.id")
        .as("last_used_at"),
      sql<boolean>`k.expires_at <= now()`.as("expired"),
    ])
    .orderBy("k.id", "desc")
    .execute();
}

export type TokenRefusal = "missingToken" | "invalidToken" | "expiredToken" | "revokedToken";

export type Authentication = { ok: true; tokenId: number; principal: Principal } | { ok: false; code: TokenRefusal };

/**
 * Who an `Authorization: Bearer ory_…` header speaks for. A token that does not exist, has expired or
 * was revoked is refused, each with its own code.
 */
export async function authenticateToken(db: Kysely<Database>, authorization: string | null): Promise<Authentication> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return { ok: false, code: "missingToken" };
  const secret = match[1]!;
  if (!SECRET.test(secret)) return { ok: false, code: "invalidToken" };
  const token = await db
    .selectFrom("api_token as k")
    .leftJoin("territory as t", "t.id", "k.territory_id")
    .select([
      "k.id",
      "k.name",
      "k.role",
      "k.department_id",
      "k.council_id",
      "k.council_position",
      "k.revoked_at",
      "t.path",
      sql<boolean>`k.expires_at <= now()`.as("expired"),
    ])
    .where("k.token_hash", "=", hashToken(secret))
    .executeTakeFirst();
  if (!token) return { ok: false, code: "invalidToken" };
  if (token.revoked_at !== null) return { ok: false, code: "revokedToken" };
  if (token.expired) return { ok: false, code: "expiredToken" };
  const assignment: Assignment = {
    role: token.role,
    departmentId: token.department_id,
    councilId: token.council_id,
    councilPosition: token.council_position,
    territoryPath: token.path,
  };
  return {
    ok: true,
    tokenId: token.id,
    // id 0 is no user: the API only reads, and any write attempted with it would fail its foreign key.
    principal: {
      id: 0,
      login: `api-token:${token.id}`,
      displayName: token.name,
      locale: "en",
      assignments: [assignment],
    },
  };
}
