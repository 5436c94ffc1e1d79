import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import type { ShownHit } from "~/domain/search/search-kinds";
import type { Locale } from "~/i18n/locales";
import { pickText } from "~/i18n/locales";
import { search } from "./search.server";
import { searchTerms } from "./search-terms";

/** The search's answer in the reader's language: the query, whether it was long enough, and its hits. */
export async function searchView(db: Kysely<Database>, principal: Principal, query: string, locale: Locale) {
  const terms = searchTerms(query);
  const hits = terms ? await search(db, principal, query) : [];
  return {
    query: query.trim(),
    searched: terms !== null,
    hits: hits.map((hit): ShownHit => ({
      kind: hit.kind,
      key: `${hit.kind}-${hit.id}`,
      label: hit.label,
      title: pickText(hit.title, locale),
      context: pickText(hit.context, locale),
      href: hit.href,
    })),
  };
}
