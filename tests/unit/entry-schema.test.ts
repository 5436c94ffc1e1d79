import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { entrySchema, quarterEntriesSchema } from "~/domain/progress/entry-schema";

const limits = { firstDate: "2023-01-01", lastDate: "2027-12-31", today: "2024-11-22" };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const KEY = "render-key-0123456789";
const valid = {
  intent: "save-entry",
  submissionKey: KEY,
  measureId: "3",
  territoryId: "4",
  entryDate: "2024-02-01",
  value: "5",
};
const errorsOf = (fields: Record<string, string>) => {
  const submission = parseWithZod(form({ ...valid, ...fields }), { schema: entrySchema(limits) });
  return submission.status === "error" ? submission.error : null;
};

describe("the progress entry form", () => {
  it("takes numbers as people write them and keeps text as written", () => {
    const submission = parseWithZod(
      form({
        ...valid,
        value: "1 234,5",
        peopleReached: "5140",
        narrativeKk: "<script>alert(1)</script>",
        evidenceLinks: "https://a.kz/1\n https://b.kz/2",
      }),
      { schema: entrySchema(limits) },
    );
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({
      value: 1234.5,
      peopleReached: 5140,
      narrativeKk: "<script>alert(1)</script>",
      evidenceLinks: ["https://a.kz/1", "https://b.kz/2"],
    });
  });

  it("names the field and the problem for each kind of bad input", () => {
    expect(errorsOf({ value: "" })).toEqual({ value: ["validation.required"] });
    expect(errorsOf({ value: "abc" })).toEqual({ value: ["validation.number"] });
    expect(errorsOf({ value: "-1" })).toEqual({ value: ["validation.notNegative"] });
    expect(errorsOf({ value: "0,0001" })).toEqual({ value: ["validation.decimals"] });
    expect(errorsOf({ value: "1e20" })).toEqual({ value: ["validation.tooLarge"] });
    expect(errorsOf({ peopleReached: "2.5" })).toEqual({ peopleReached: ["validation.integer"] });
    expect(errorsOf({ entryDate: "2022-12-31" })).toEqual({ entryDate: ["validation.dateOutsideProgramme"] });
    expect(errorsOf({ entryDate: "2024-11-23" })).toEqual({ entryDate: ["validation.dateInFuture"] });
    expect(errorsOf({ entryDate: "31.10.2024" })?.entryDate?.[0]).toBe("validation.date");
    expect(errorsOf({ narrativeRu: "я".repeat(100_000) })).toEqual({ narrativeRu: ["validation.tooLong"] });
    expect(errorsOf({ evidenceLinks: "javascript:alert(1)" })).toEqual({ evidenceLinks: ["validation.url"] });
    expect(errorsOf({ evidenceLinks: Array.from({ length: 11 }, (_, i) => `https://a.kz/${i}`).join("\n") })).toEqual({
      evidenceLinks: ["validation.tooManyLinks"],
    });
    expect(errorsOf({ measureId: "unknown" })).toEqual({ measureId: ["validation.required"] });
  });

  it("skips empty rows of a quarter, asks for the value of a started one, and refuses an empty submit", () => {
    const rows = (second: Record<string, string>) =>
      parseWithZod(
        form({
          intent: "save-quarter",
          submissionKey: KEY,
          "rows[0].measureId": "3",
          "rows[0].territoryId": "4",
          "rows[0].entryDate": "2024-09-30",
          "rows[1].measureId": "5",
          "rows[1].territoryId": "4",
          "rows[1].entryDate": "2024-09-30",
          ...second,
        }),
        { schema: quarterEntriesSchema(limits, () => "event") },
      );
    const started = rows({ "rows[1].narrativeKk": "Кездесу өтті", "rows[0].value": "2" });
    expect(started.status === "error" && started.error).toEqual({ "rows[1].value": ["validation.required"] });
    const empty = rows({});
    expect(empty.status === "error" && empty.error).toEqual({ rows: ["validation.nothingToSave"] });
    const ok = rows({ "rows[1].value": "3" });
    expect(ok.status === "success" && ok.value.rows.map((row) => row.value)).toEqual([undefined, 3]);
  });
});
