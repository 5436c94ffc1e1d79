import type { ShownText } from "~/i18n/locales";

export type SearchKind = "measure" | "section" | "department" | "territory" | "meeting" | "decision";

/** Kinds of hit in the order they are listed. */
export const SEARCH_KINDS: SearchKind[] = ["measure", "section", "department", "territory", "meeting", "decision"];

/** A hit as a page shows it, in the reader's language. */
export interface ShownHit {
  kind: SearchKind;
  key: string;
  label: string | null;
  title: ShownText | null;
  context: ShownText | null;
  href: string;
}
