import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the login is unknown makes both failures take the same time.
const UNKNOWN_USER_HASH = hash("an unknown user never matches");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const valid = await verify(passwordHash ?? (await UNKNOWN_USER_HASH), password).catch(() => false);
  return passwordHash !== null && valid;
}
