import { translator } from "~/i18n/i18n";
import type { Dictionary } from "~/i18n/i18n";
import type { IssueSeverity, SheetIssue } from "./road-map-sheet";

// Problems the reader finds, each with its dictionary key, and its message in the language asked for.

export type IssueCode = keyof Dictionary["roadMapSheet"]["issue"];
export type MessageLocale = "kk" | "ru" | "en";

export function makeIssue(
  locale: MessageLocale,
  cell: string | null,
  severity: IssueSeverity,
  issue: IssueCode,
  params: Record<string, string | number> = {},
): SheetIssue {
  const code = `roadMapSheet.issue.${issue}` as const;
  return { cell, severity, code, params, message: translator(locale)(code, params) };
}
