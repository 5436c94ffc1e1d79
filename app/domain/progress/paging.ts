import { z } from "zod";

// Long lists on a page (a measure's entries and history) are shown a page at a time, newest first;
// the page lives in the URL, so the links work without JavaScript.

export const PAGE_SIZE = 10;

export interface Paging {
  /** 1-based; past the last page it is the last one. */
  page: number;
  pages: number;
  offset: number;
  size: number;
}

const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** The page a URL parameter asks for ("2"), kept within the list's pages; anything else is the first. */
export function pageFromParam(value: string | null, total: number, size = PAGE_SIZE): Paging {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pageParam.parse(value ?? 1), pages);
  return { page, pages, offset: (page - 1) * size, size };
}

/** The page on which the item at `index` (0-based, in the list's order) is shown. */
export function pageOfIndex(index: number, size = PAGE_SIZE): number {
  return Math.floor(index / size) + 1;
}
