import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// A form's submission key that the server can check instead of remember (ADR 20): the same for every render
// of a form for one user, scope and state of the data (the road maps' revisions), so that such a page
// can be kept and served again; signed, so that no one can make one up or use another user's. What is
// claimed on save (submission.server.ts) is the key bound to what the form sends: posting the same
// render twice — a double click, a retry, the back button — saves once, while two tabs opened on the
// same state that send different rows both save. Any save moves the revision, so the next render has
// a new key, and the same figures typed again later are a new save.

/** What a key is issued for. `form` names the form, `scope` what the user may write through it. */
export interface KeyScope {
  form: string;
  userId: number;
  scope: string;
}

/** Length of the state tag at the key's start (8 bytes, base64url). */
const STATE_LENGTH = 11;

const subkeys = new Map<string, Buffer>();
/** A key of its own for these signatures, derived from the server's secret. */
function signingKey(secret: string): Buffer {
  let key = subkeys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("oryndau submission keys").digest();
    subkeys.set(secret, key);
  }
  return key;
}

function signature(secret: string, scope: KeyScope, state: string): Buffer {
  return createHmac("sha256", signingKey(secret))
    .update(JSON.stringify([scope.form, scope.userId, scope.scope, state]))
    .digest();
}

/** The key of a form for a user, a scope and a state of the data (any value that moves with every write). */
export function signedSubmissionKey(secret: string, scope: KeyScope, state: unknown): string {
  const tag = createHash("sha256").update(JSON.stringify(state)).digest().subarray(0, 8).toString("base64url");
  return tag + signature(secret, scope, tag).toString("base64url");
}

/** True when the server issued this key for this form, user and scope (at whatever state). */
export function isSignedSubmissionKey(secret: string, scope: KeyScope, key: string): boolean {
  const tag = key.slice(0, STATE_LENGTH);
  // Compared as text: another spelling of the same bytes would be another claim of the same render.
  const given = Buffer.from(key.slice(STATE_LENGTH));
  const expected = Buffer.from(signature(secret, scope, tag).toString("base64url"));
  return tag.length === STATE_LENGTH && given.length === expected.length && timingSafeEqual(given, expected);
}

/** The key claimed by a save: the form's key bound to what was sent with it. */
export function claimedKey(key: string, sent: unknown): string {
  return `${key}-${createHash("sha256").update(JSON.stringify(sent)).digest().subarray(0, 16).toString("base64url")}`;
}
