const ORIGIN = "http://oryndau.invalid";
// Tabs, new lines and other control characters: browsers drop some of them from a URL («/\t/evil» becomes
// «//evil»), and a new line in a Location header breaks the response.
function unsafe(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || character === "\\") return true;
  }
  return false;
}

/**
 * A path of this site to send the user to after signing in or choosing a language, or the fallback.
 * Only «/path?query#hash» passes: no other origin, no «//host» or «/\host» (which browsers read as a
 * host), no control characters or backslashes, raw or percent-encoded, and nothing that does not decode.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 2000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  for (const form of [target, decoded]) {
    if (!form.startsWith("/") || form.startsWith("//") || unsafe(form)) return fallback;
  }
  const url = new URL(target, ORIGIN);
  if (url.origin !== ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
