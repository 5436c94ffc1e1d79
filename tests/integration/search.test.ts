import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~db/schema";
import { seedDemoData } from "~db/seed";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { measureDetail } from "~/domain/progress/measure.server";
import { search } from "~/domain/search/search.server";
import { createTestDatabase, engineName } from "./test-database";

// The header's search on the demo data: words of a Kazakh or Russian title with other endings find
// the measure, and no user is shown a measure, meeting or decision their pages would refuse them.

const TODAY = "2026-11-22";

describe(`search, on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  const principals = new Map<string, Principal>();
  const as = (login: string) => principals.get(login)!;
  const titles = async (login: string, query: string, kind = "measure") =>
    (await search(db, as(login), query)).filter((hit) => hit.kind === kind).map((hit) => hit.title.kk ?? "");

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
    for (const user of await db.selectFrom("app_user").select(["id", "login"]).execute()) {
      principals.set(user.login, (await loadPrincipal(db, user.id))!);
    }
  });
  afterAll(() => close());

  it("finds a measure by a word of its Kazakh title with another ending", async () => {
    // The title says «амфитеатр салу» and «жастарға»; the queries carry other endings and capitals.
    expect(await titles("admin", "Амфитеатрлардың")).toContain("Абай ауданында жазғы амфитеатр салу");
    expect(await titles("admin", "жастардың психологиялық")).toContain(
      "Өмірлік қиын жағдайға тап болған жастарға психологиялық қолдау көрсету",
    );
    expect(await titles("admin", "мерекелерінде")).toContain(
      "Ұлттық және мемлекеттік мерекелерге, тарихи тұлғалардың мерейтойларына арналған мәдени-көпшілік іс-шаралар өткізу",
    );
  });

  it("finds a measure by a Russian word with another ending, and by its number", async () => {
    const hits = await search(db, as("admin"), "амфитеатры");
    expect(hits.some((hit) => hit.kind === "measure" && hit.title.ru?.includes("амфитеатра"))).toBe(true);
    const number = await db.selectFrom("measure").select(["id", "number"]).orderBy("id").executeTakeFirstOrThrow();
    const byNumber = await search(db, as("admin"), number.number);
    expect(byNumber.find((hit) => hit.kind === "measure")?.id).toBe(number.id);
  });

  it("finds sections, territories, meetings and decisions", async () => {
    expect(await titles("admin", "Мәдениет", "section")).toContain("Мәдениет");
    expect(await titles("admin", "Абай ауданы", "territory")).toEqual(
      expect.arrayContaining([expect.stringContaining("Абай")]),
    );
    expect((await search(db, as("admin"), "Miras")).some((hit) => hit.kind === "meeting")).toBe(true);
  });

  it("never shows a district's akim what the measure page would refuse them", async () => {
    const akim = as("akim.abay");
    const everything = new Set<number>();
    const theirs = new Set<number>();
    for (const query of ["іс-шара", "мемлекеттік", "жастар", "мәдени", "салу", "мероприятий", "Miras", "1"]) {
      for (const hit of await search(db, as("admin"), query)) if (hit.kind === "measure") everything.add(hit.id);
      const hits = await search(db, akim, query);
      // An akim reads no council's meetings or decisions.
      expect(hits.filter((hit) => hit.kind === "meeting" || hit.kind === "decision")).toEqual([]);
      for (const hit of hits.filter((one) => one.kind === "measure")) {
        theirs.add(hit.id);
        await expect(measureDetail(db, akim, hit.id, TODAY)).resolves.toBeTruthy();
      }
    }
    expect(theirs.size).toBeGreaterThan(0);
    // The city's measures with nothing in Abay district are found for the admin, not for the akim.
    const hidden = [...everything].filter((id) => !theirs.has(id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const id of hidden.slice(0, 5)) {
      await expect(measureDetail(db, akim, id, TODAY)).rejects.toMatchObject({ status: 404 });
    }
    expect(await titles("akim.abay", "амфитеатрда")).toContain("Абай ауданында жазғы амфитеатр салу");
    expect(await titles("akim.abay", "Кітапханалардың")).toEqual([]);
  });
});
