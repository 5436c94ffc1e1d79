import { describe, expect, it } from "vitest";
import { pageFromParam, pageOfIndex, PAGE_SIZE } from "~/domain/progress/paging";

describe("paging of long lists", () => {
  it("opens the page asked for, within the list's pages", () => {
    expect(pageFromParam("2", 45, 10)).toEqual({ page: 2, pages: 5, offset: 10, size: 10 });
    expect(pageFromParam("99", 45, 10).page).toBe(5);
  });

  it("opens the first page for anything that is not a page number", () => {
    for (const value of [null, "", "abc", "0", "-3", "1.5", "3000000000000"]) {
      expect(pageFromParam(value, 45, 10).page, String(value)).toBe(1);
    }
  });

  it("has one page for an empty list, and finds the page of an item", () => {
    expect(pageFromParam(null, 0)).toMatchObject({ page: 1, pages: 1, offset: 0 });
    expect(pageOfIndex(0)).toBe(1);
    expect(pageOfIndex(PAGE_SIZE)).toBe(2);
  });
});
