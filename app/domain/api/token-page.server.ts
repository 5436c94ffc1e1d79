import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { listCouncils, listDepartments, listTerritories } from "~/domain/admin/directory.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pickText, type Locale } from "~/i18n/locales";
import { latestExpiry } from "./token-schema";
import { listApiTokens } from "./tokens.server";

/** The admin's token page: every token with its state and dates in the reader's words, and the form's choices. */
export async function tokenPage(db: Kysely<Database>, locale: Locale, today: string, timeZone: string) {
  const [tokens, departments, councils, territories] = await Promise.all([
    listApiTokens(db),
    listDepartments(db),
    listCouncils(db),
    listTerritories(db),
  ]);
  const label = (value: Parameters<typeof pickText>[0]) => pickText(value, locale)?.text ?? "";
  return {
    pageTitle: translator(locale)("apiTokens.title"),
    today,
    latestExpiry: latestExpiry(today),
    tokens: tokens.map((token) => ({
      id: token.id,
      version: token.version,
      name: token.name,
      prefix: token.token_prefix,
      role: token.role,
      councilPosition: token.council_position,
      scope: pickText(token.department_name ?? token.council_title ?? token.territory_name, locale),
      state: token.revoked_at ? ("revoked" as const) : token.expired ? ("expired" as const) : ("active" as const),
      // A token is valid through the day before its expiry moment (midnight in the app's time zone).
      expires: formatDate(locale, lastValidDay(token.expires_at, timeZone)),
      lastUsed: token.last_used_at ? formatDateTime(locale, token.last_used_at, timeZone) : null,
      createdBy: token.created_by,
      created: formatDateTime(locale, token.created_at, timeZone),
    })),
    options: {
      departments: departments.map((d) => ({ value: String(d.id), label: label(d.name) })),
      councils: councils.map((c) => ({ value: String(c.id), label: label(c.title) })),
      territories: territories.map((t) => ({ value: String(t.id), label: `${"— ".repeat(t.depth)}${label(t.name)}` })),
    },
  };
}

function lastValidDay(expiresAt: Date, timeZone: string): string {
  const before = new Date(new Date(expiresAt).getTime() - 1);
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    before,
  );
}
