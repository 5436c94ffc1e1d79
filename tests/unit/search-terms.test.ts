import { describe, expect, it } from "vitest";
import { normalise, searchTerms, stemOf } from "~/domain/search/search-terms";

describe("search terms", () => {
  it("cuts Kazakh endings that stack, so that forms of one word share a stem found in the others", () => {
    for (const [word, inside] of <Array<[string, string]>>[
      ["мектептерде", "мектеп"],
      ["мектебінің", "мектеп"],
      ["жастарға", "жастардың"],
      ["мәдениетінің", "мәдениет"],
      ["кітапханаларда", "кітапхана"],
      ["кітапханалардағы", "кітапхана"],
      ["ауылдағы", "ауыл"],
      ["мектептегі", "мектеп"],
    ]) {
      expect(inside).toContain(stemOf(word));
    }
  });

  it("cuts Russian endings", () => {
    expect("библиотека").toContain(stemOf("библиотеках"));
    expect("школа").toContain(stemOf("школами"));
  });

  it("never cuts a word below four letters", () => {
    expect(stemOf("жасқа")).toHaveLength(4);
    expect(stemOf("іс")).toBe("іс");
  });

  it("reads capitals, «ё» and punctuation as the titles are read", () => {
    expect(normalise("Ёлка, ҚАЛА!")).toBe("елка қала");
  });

  it("keeps a number whole and drops what is too short to look for", () => {
    expect(searchTerms("2.1.4")).toMatchObject({ number: "2.1.4", stems: ["2.1.4"] });
    expect(searchTerms(" a ")).toBeNull();
    expect(searchTerms("")).toBeNull();
  });
});
