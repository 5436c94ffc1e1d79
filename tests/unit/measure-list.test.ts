import { describe, expect, it } from "vitest";
import type { MeasureStatus } from "~/domain/execution/execution";
import {
  listParamsOf,
  matchesSearch,
  measurePage,
  MEASURES_PAGE_SIZE,
  type ListedMeasure,
} from "~/domain/progress/measure-list";

const measure = (id: number, overrides: Partial<ListedMeasure> = {}): ListedMeasure => ({
  id,
  number: `1.${id}`,
  title: { kk: `Іс-шара ${id}`, ru: `Мероприятие ${id}` },
  sectionId: 1,
  quarterPlan: 1,
  quarterEntries: 1,
  status: "on_track" as MeasureStatus,
  ...overrides,
});

const params = (query: string) => listParamsOf(new URLSearchParams(query));

describe("the /my list of a department's quarter", () => {
  it("finds a measure by the start of its number, not by a number that only begins alike", () => {
    const m = measure(1, { number: "2.1.4" });
    expect(matchesSearch(m, "2.1")).toBe(true);
    expect(matchesSearch(m, "2.1.4")).toBe(true);
    expect(matchesSearch(measure(2, { number: "2.10" }), "2.1")).toBe(false);
  });

  it("finds a measure by every word of its Kazakh or Russian title, whatever their case and «ё»", () => {
    const m = measure(1, {
      title: { kk: "Жастар ресурстық орталықтарында тренингтер", ru: "Тренинги в молодёжных ресурсных центрах" },
    });
    expect(matchesSearch(m, "ЖАСТАР тренинг")).toBe(true);
    expect(matchesSearch(m, "молодежных  центрах")).toBe(true);
    expect(matchesSearch(m, "жастар кітап")).toBe(false);
  });

  it("lists what is still owed, what is behind, or one section, with counts of the whole quarter", () => {
    const measures = [
      measure(1, { quarterEntries: 0 }),
      measure(2, { status: "behind" }),
      measure(3, { status: "overdue", sectionId: 2 }),
      measure(4, { quarterPlan: 0, quarterEntries: 0 }),
    ];
    expect(measurePage(measures, params("show=unreported"), null).rows.map((m) => m.id)).toEqual([1]);
    expect(measurePage(measures, params("show=behind"), null).rows.map((m) => m.id)).toEqual([2, 3]);
    const section = measurePage(measures, params("section=2"), null);
    expect(section.rows.map((m) => m.id)).toEqual([3]);
    expect(section.found).toBe(1);
    expect(section.counts).toEqual({ all: 4, unreported: 1, behind: 2 });
  });

  it("shows a page at a time, and the page of the measure opened last when no page is asked for", () => {
    const measures = Array.from({ length: 2 * MEASURES_PAGE_SIZE + 7 }, (_, index) => measure(index + 1));
    const first = measurePage(measures, params(""), null);
    expect(first.rows).toHaveLength(MEASURES_PAGE_SIZE);
    expect(first.paging).toMatchObject({ page: 1, pages: 3 });
    expect(measurePage(measures, params(""), "3").rows.map((m) => m.id)).toEqual(
      measures.slice(2 * MEASURES_PAGE_SIZE).map((m) => m.id),
    );
    const opened = measurePage(measures, params(`measure=3&measure=${MEASURES_PAGE_SIZE + 2}`), null);
    expect(opened.paging.page).toBe(2);
  });

  it("reads anything unexpected in the URL as the whole list", () => {
    expect(params("show=everything&section=abc&measure=x&measure=-1&measure=5&measure=5")).toEqual({
      q: "",
      show: "all",
      section: undefined,
      open: [5],
    });
  });
});
