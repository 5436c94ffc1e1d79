// The rules a new password must meet besides its length (checked by the form's schema): not the
// user's login or name, not one of the commonly used passwords, not the current one (checked where the
// current hash is at hand). Sign-in never applies them: existing passwords keep working.

export type PasswordProblem = "passwordRule.personal" | "passwordRule.common";

const FEWEST_DISTINCT_CHARACTERS = 4;
const SHORTEST_NAME_PART = 4;

let common: Promise<Set<string>> | undefined;
/**
 * zxcvbn-ts's list of ≈ 49 000 commonly used passwords (from leaked password sets), loaded by the first new
 * password, not by every worker at start (its dictionaries: ≈ 10 MB of a process's memory; ADR 36).
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary["passwords-common"]));
  return common;
}

const normalize = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

export async function passwordProblem(
  password: string,
  user: { login: string; displayName: string },
): Promise<PasswordProblem | null> {
  const candidate = normalize(password);
  const nameParts = user.displayName
    .split(/[\s.,\-–—]+/)
    .map(normalize)
    .filter((part) => part.length >= SHORTEST_NAME_PART);
  const personal = [normalize(user.login), normalize(user.displayName), ...nameParts].filter(Boolean);
  if (personal.some((part) => candidate.includes(part))) return "passwordRule.personal";
  // «qwerty123!» is «qwerty» with the digits and signs people add to meet a rule.
  const stem = candidate.replace(/[^\p{L}]+$/u, "");
  const commonlyUsed = await commonPasswords();
  if (
    new Set(candidate).size < FEWEST_DISTINCT_CHARACTERS ||
    commonlyUsed.has(candidate) ||
    (stem.length > 0 && commonlyUsed.has(stem))
  ) {
    return "passwordRule.common";
  }
  return null;
}
