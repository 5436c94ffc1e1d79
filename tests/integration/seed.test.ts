import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, LocalizedText } from "~db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "~db/seed";
import { verifyPassword } from "~/domain/auth/password.server";
import { DEFAULT_THRESHOLDS, type FactBasis, type MeasureStatus } from "~/domain/execution/execution";
import { territoryExecution } from "~/domain/execution/execution.server";
import { shareFigures, shareKey, type MeasureShareFigures } from "~/domain/shares/shares.server";
import { referenceItems } from "./execution-reference";
import { createTestDatabase, engineName } from "./test-database";

// The demo data as a user meets it: the articles' figures, every status on the Shymkent road map,
// the demo accounts, and an audit trail of the seed itself.

const TODAY = "2026-11-22";

describe(`demo data on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    await seedDemoData(db, { today: TODAY });
  });
  afterAll(() => close());

  async function roadMapIn(territoryRu: string) {
    return db
      .selectFrom("road_map as rm")
      .innerJoin("territory as t", "t.id", "rm.territory_id")
      .select(["rm.id", "rm.title", "rm.programme_id"])
      .where(sql<boolean>`t.name->>'ru' = ${territoryRu}`)
      .executeTakeFirstOrThrow();
  }

  async function measure(roadMapId: number, number: string) {
    return db
      .selectFrom("measure as m")
      .innerJoin("department as d", "d.id", "m.responsible_department_id")
      .select(["m.id", "m.title", "m.unit", "m.deadline", "m.control_state", "d.head_name", "d.name as department"])
      .where("m.road_map_id", "=", roadMapId)
      .where("m.number", "=", number)
      .executeTakeFirstOrThrow();
  }

  /** Plan and fact of a measure per year, and the people reached. */
  async function byYear(measureId: number) {
    const { rows } = await sql<{ year: number; plan: number; fact: number; people: number; entries: number }>`
      SELECT y.year,
             coalesce((SELECT sum(planned) FROM measure_plan WHERE measure_id = ${measureId} AND year = y.year), 0) AS plan,
             coalesce(sum(e.value), 0) AS fact,
             coalesce(sum(e.people_reached), 0)::int AS people,
             count(e.id)::int AS entries
        FROM generate_series(2019, 2027) AS y(year)
        LEFT JOIN progress_entry e ON e.measure_id = ${measureId} AND extract(year FROM e.entry_date) = y.year
       GROUP BY y.year ORDER BY y.year`.execute(db);
    return new Map(rows.map((row) => [row.year, row]));
  }

  /** Each measure's status by the reference calculator (execution.ts), as the dashboard shows it. */
  async function statuses(roadMapId: number, facts: FactBasis): Promise<Record<string, MeasureStatus>> {
    const scope = { roadMapId, territoryIds: null, sectionIds: null, departmentIds: null, statuses: null };
    const asOf = { date: TODAY, includeCurrentQuarter: false, facts };
    const { items } = await referenceItems(db, scope, asOf, DEFAULT_THRESHOLDS, null);
    const measures = await db
      .selectFrom("measure")
      .select(["id", "number"])
      .where("road_map_id", "=", roadMapId)
      .execute();
    const numbers = new Map(measures.map((m) => [m.id, m.number]));
    return Object.fromEntries(items.map((item) => [numbers.get(item.measureId)!, item.status]));
  }

  describe("001 — the Shymkent road map reviewed by the «Miras» council", () => {
    it("domestic-violence prevention: 20 events planned and held in 2023, 20 meetings, over 5 000 young people", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const m = await measure(id, "2.1");
      expect(m.title.kk).toBe("Отбасындағы зорлық-зомбылықтың алдын алу, түсіндірме жұмыстарын жүргізу");
      expect(m.head_name?.kk).toBe("Айгерім Жұмақұлова");
      const y2023 = (await byYear(m.id)).get(2023)!;
      expect(y2023).toMatchObject({ plan: 20, fact: 20, people: 5140 });
      expect(y2023.people).toBeGreaterThan(5000);
      // The work goes on after 2023.
      const years = await byYear(m.id);
      expect(years.get(2025)!.fact).toBeGreaterThan(0);
      expect(years.get(2027)!.plan).toBeGreaterThan(0);
    });

    it("psychological support: 25 planned and 25 held in 2023, reported by the culture department", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const m = await measure(id, "2.2");
      expect(m.head_name?.kk).toBe("Бауыржан Орынтаев");
      expect(m.department.ru).toBe("Управление культуры, развития языков и архивов города Шымкент");
      expect((await byYear(m.id)).get(2023)).toMatchObject({ plan: 25, fact: 25 });
      const coExecutors = await db
        .selectFrom("measure_co_executor as c")
        .innerJoin("department as d", "d.id", "c.department_id")
        .select("d.head_name")
        .where("c.measure_id", "=", m.id)
        .execute();
      expect(coExecutors.map((c) => c.head_name?.kk)).toEqual(["Айгерім Жұмақұлова"]);
    });

    it("four cultural buildings planned for 2024: two built in December 2024, one in 2025, the deadline moved once", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const m = await measure(id, "1.5.1");
      expect(m.unit).toBe("object");
      const plans = await db.selectFrom("measure_plan").selectAll().where("measure_id", "=", m.id).execute();
      expect(plans.map((p) => [p.year, p.quarter, p.planned])).toEqual([[2024, 4, 4]]);
      const entries = await db
        .selectFrom("progress_entry")
        .select(["entry_date", "value", "behind_reason"])
        .where("measure_id", "=", m.id)
        .orderBy("entry_date")
        .execute();
      expect(entries.map((e) => [e.entry_date.slice(0, 7), e.value])).toEqual([
        ["2024-12", 2],
        ["2025-08", 1],
      ]);
      expect(entries.every((e) => e.behind_reason?.kk && e.behind_reason.ru)).toBe(true);
      const changes = await db
        .selectFrom("measure_deadline_change")
        .select(["previous_deadline", "new_deadline", "reason"])
        .where("measure_id", "=", m.id)
        .execute();
      expect(changes).toHaveLength(1);
      expect(changes[0]!.previous_deadline).toBe("2024-12-25");
      expect(changes[0]!.new_deadline).toBe(m.deadline);
    });

    it("has the culture, youth and religion sections, one nested subsection, and the «Miras» council over them", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const sections = await db
        .selectFrom("section")
        .select(["id", "number", "parent_id", "title"])
        .where("road_map_id", "=", id)
        .orderBy("position")
        .execute();
      expect(sections.map((s) => [s.number, s.title.kk])).toEqual([
        ["1", "Мәдениет"],
        ["1.5", "Мәдени инфрақұрылым"],
        ["2", "Жастар саясаты"],
        ["3", "Дін"],
      ]);
      expect(sections.find((s) => s.number === "1.5")!.parent_id).toBe(sections[0]!.id);

      const council = await db.selectFrom("council").select(["id", "title", "organisation"]).executeTakeFirstOrThrow();
      expect(council.title.ru).toBe("Региональный совет «Miras»");
      expect(council.organisation?.kk).toBe("«AMANAT» партиясы Шымкент қалалық филиалы");
      const scope = await db
        .selectFrom("council_scope")
        .select(["road_map_id", "section_id"])
        .where("council_id", "=", council.id)
        .execute();
      expect(scope.every((s) => s.road_map_id === id)).toBe(true);
      expect(scope.map((s) => s.section_id).sort()).toEqual(
        sections
          .filter((s) => s.parent_id === null)
          .map((s) => s.id)
          .sort(),
      );
    });

    it("shows every status of the reference calculator as of today", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const accepted = await statuses(id, "accepted");
      expect(accepted).toEqual({
        "1.1": "on_track",
        "1.2": "behind",
        "1.3": "on_track",
        "1.4": "on_track",
        "1.5.1": "overdue",
        "1.5.2": "removed",
        "2.1": "on_track",
        "2.2": "done",
        "2.3": "on_track",
        "2.4": "behind",
        "2.5": "on_track",
        "3.1": "on_track",
        "3.2": "behind",
        "3.3": "on_track",
        "3.4": "done",
      });
      for (const basis of ["accepted", "submitted", "all"] as const) {
        const found = new Set(Object.values(await statuses(id, basis)));
        expect([...found].sort(), basis).toEqual(["behind", "done", "on_track", "overdue", "removed"]);
      }
    });

    it("some measures are shared among the five districts, one share each", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const { rows } = await sql<{ number: string; shares: number; entry_places: number }>`
        SELECT m.number,
               (SELECT count(DISTINCT territory_id)::int FROM measure_plan WHERE measure_id = m.id) AS shares,
               (SELECT count(DISTINCT territory_id)::int FROM progress_entry WHERE measure_id = m.id) AS entry_places
          FROM measure m WHERE m.road_map_id = ${id} ORDER BY m.number`.execute(db);
      const shared = rows.filter((row) => row.shares === 5);
      expect(shared.length).toBeGreaterThanOrEqual(2);
      for (const row of shared) expect(row.entry_places).toBe(5);
    });

    it("a removed measure keeps its reason, date and control history", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const removed = await db
        .selectFrom("measure")
        .select(["id", "removed_on", "removed_reason"])
        .where("road_map_id", "=", id)
        .where("control_state", "=", "removed")
        .execute();
      expect(removed).toHaveLength(1);
      expect(removed[0]!.removed_reason?.kk).toBeTruthy();
      const history = await db
        .selectFrom("measure_control_change")
        .select(["control_state", "changed_on"])
        .where("measure_id", "=", removed[0]!.id)
        .execute();
      expect(history).toEqual([{ control_state: "removed", changed_on: removed[0]!.removed_on }]);
    });

    it("quarters up to 2024-Q3 are closed; of the last quarter's reports one waits for review, one was returned, one is due", async () => {
      const { id } = await roadMapIn("город Шымкент");
      const periods = await db
        .selectFrom("reporting_period")
        .select(["year", "quarter", "status", "road_map_id"])
        .where("road_map_id", "is not", null)
        .orderBy("year")
        .orderBy("quarter")
        .execute();
      expect(periods.every((p) => p.road_map_id === id && p.status === "closed")).toBe(true);
      expect(periods.map((p) => `${p.year}-Q${p.quarter}`)).toEqual([
        "2023-Q1",
        "2023-Q2",
        "2023-Q3",
        "2023-Q4",
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
      ]);

      const reports = await db
        .selectFrom("department_report as r")
        .innerJoin("department as d", "d.id", "r.department_id")
        .select(["d.name", "r.year", "r.quarter", "r.status", "r.review_comment"])
        .where("r.road_map_id", "=", id)
        .execute();
      expect(reports).toHaveLength(3 * 15 - 1); // three departments, 2023-Q1 … 2026-Q3, youth's 2026-Q3 still due
      const last = reports.filter((r) => r.year === 2026 && r.quarter === 3);
      expect(last.map((r) => [r.name.ru, r.status]).sort()).toEqual([
        ["Управление культуры, развития языков и архивов города Шымкент", "submitted"],
        ["Управление по делам религий города Шымкент", "returned"],
      ]);
      expect(last.find((r) => r.status === "returned")!.review_comment).toBeTruthy();
      expect(reports.filter((r) => r.status === "accepted")).toHaveLength(3 * 14);
    });
  });

  describe("004 — Karaganda: community centres, «Жасыл ел», NEET youth and the akims' KPI", () => {
    it("plans one community centre in each of the 13 cities and districts for 2025", async () => {
      const { id } = await roadMapIn("Карагандинская область");
      const m = await measure(id, "1.1");
      expect(m.head_name?.kk).toBe("Айсұлу Ерниязова");
      const plans = await db
        .selectFrom("measure_plan")
        .select(["territory_id", "year", "planned"])
        .where("measure_id", "=", m.id)
        .execute();
      expect(plans).toHaveLength(13);
      expect(plans.every((p) => p.year === 2025 && p.planned === 1)).toBe(true);
      const opened = await byYear(m.id);
      expect(opened.get(2025)!.fact + opened.get(2026)!.fact).toBeGreaterThan(0);
      expect(opened.get(2025)!.fact + opened.get(2026)!.fact).toBeLessThan(13);
    });

    it("shows on the region's own row only the measure whose plan the region holds itself", async () => {
      const { id } = await roadMapIn("Карагандинская область");
      const region = await db
        .selectFrom("territory")
        .select("id")
        .where(sql<boolean>`name->>'ru' = 'Карагандинская область'`)
        .executeTakeFirstOrThrow();
      // 1.1 and 1.2 are split among the cities and districts; only 1.3 is planned at the region's level.
      const heldByRegion = await db
        .selectFrom("measure_plan as p")
        .innerJoin("measure as m", "m.id", "p.measure_id")
        .select("m.number")
        .distinct()
        .where("m.road_map_id", "=", id)
        .where("p.territory_id", "=", region.id)
        .execute();
      expect(heldByRegion.map((m) => m.number)).toEqual(["1.3"]);
      const rows = await territoryExecution(
        db,
        { roadMapId: id, territoryIds: null, sectionIds: null },
        { date: TODAY, includeCurrentQuarter: false, facts: "accepted" },
        DEFAULT_THRESHOLDS,
        region.id,
      );
      const own = rows.find((row) => row.groupId === region.id)!;
      expect(Object.values(own.statusCounts).reduce((sum, count) => sum + count, 0)).toBe(heldByRegion.length);
      // Every share of 1.1 (13) and of 1.2 (13) counts once, in its own city or district; so does 1.4, a district's own.
      const shares = rows.filter((row) => row.groupId !== region.id);
      expect(shares.reduce((sum, row) => sum + Object.values(row.statusCounts).reduce((a, b) => a + b, 0), 0)).toBe(
        13 + 13 + 1,
      );
    });

    it("sets targets for the 13 cities and districts in 2024 and 2025 and ranks the city of Karaganda first by «Жасыл ел»", async () => {
      const indicators = await db.selectFrom("kpi_indicator").select(["id", "code", "direction", "source"]).execute();
      expect(Object.fromEntries(indicators.map((i) => [i.code, [i.direction, i.source]]))).toEqual({
        neet_share: ["lower_is_better", "entered"],
        zhasyl_el_coverage: ["higher_is_better", "entered"],
        community_centres: ["higher_is_better", "measure_fact"],
        youth_projects_reach: ["higher_is_better", "entered"],
      });
      const links = await db.selectFrom("kpi_indicator_measure").selectAll().execute();
      expect(links).toHaveLength(1);

      const { rows: targets } = await sql<{ year: number; territories: number; weight: number }>`
        SELECT year, count(DISTINCT territory_id)::int AS territories, sum(weight) / count(DISTINCT territory_id) AS weight
          FROM kpi_target GROUP BY year ORDER BY year`.execute(db);
      expect(targets.map((r) => [r.year, r.territories])).toEqual([
        [2024, 13],
        [2025, 13],
      ]);
      expect(targets.find((r) => r.year === 2025)!.weight).toBeCloseTo(1, 9);

      const { rows: actuals } = await sql<{ year: number; n: number }>`
        SELECT year, count(*)::int AS n FROM kpi_actual GROUP BY year ORDER BY year`.execute(db);
      expect(actuals).toEqual([
        { year: 2024, n: 39 },
        { year: 2025, n: 37 },
      ]);

      const { rows: zhasylEl } = await sql<{ year: number; name: string }>`
        SELECT DISTINCT ON (k.year) k.year, t.name->>'ru' AS name
          FROM kpi_target k
          JOIN kpi_indicator i ON i.id = k.indicator_id AND i.code = 'zhasyl_el_coverage'
          JOIN kpi_actual a ON a.indicator_id = k.indicator_id AND a.territory_id = k.territory_id AND a.year = k.year
          JOIN territory t ON t.id = k.territory_id
         ORDER BY k.year, least(a.actual / k.target, 1.2) DESC`.execute(db);
      expect(zhasylEl).toEqual([
        { year: 2024, name: "город Караганда" },
        { year: 2025, name: "город Караганда" },
      ]);
    });

    it("the «Жасыл ел» actuals are the road map's facts", async () => {
      const { id } = await roadMapIn("Карагандинская область");
      const m = await measure(id, "1.2");
      const { rows } = await sql<{ actual: number; fact: number | null }>`
      SELECT a.actual,
             (SELECT sum(value) FROM progress_entry e
               WHERE e.measure_id = ${m.id} AND e.territory_id = a.territory_id
                 AND extract(year FROM e.entry_date) = a.year) AS fact
        FROM kpi_actual a JOIN kpi_indicator i ON i.id = a.indicator_id AND i.code = 'zhasyl_el_coverage'`.execute(db);
      expect(rows).toHaveLength(26);
      for (const row of rows) expect(row.fact).toBe(row.actual);
    });
  });

  describe("000 — Akmola library modernisation", () => {
    it("plans a coworking centre in each of 19 district and city libraries and opens them all", async () => {
      const { id } = await roadMapIn("Акмолинская область");
      const m = await measure(id, "1.1");
      const plans = await db.selectFrom("measure_plan").select(["planned"]).where("measure_id", "=", m.id).execute();
      expect(plans).toHaveLength(19);
      expect(plans.every((p) => p.planned === 1)).toBe(true);
      const { rows } = await sql<{ fact: number }>`
        SELECT sum(value) AS fact FROM progress_entry WHERE measure_id = ${m.id}`.execute(db);
      expect(rows[0]!.fact).toBe(19);
    });

    it("digitised 35 % of the main fund and 60 % of the local-history fund; passed 279 rare books, 53 under copyright", async () => {
      const { id } = await roadMapIn("Акмолинская область");
      const facts: Record<string, { unit: string; plan: number; fact: number; narrative: LocalizedText | null }> = {};
      for (const number of ["1.2", "1.3", "1.4"]) {
        const m = await measure(id, number);
        const entry = await db
          .selectFrom("progress_entry")
          .select(["value", "narrative"])
          .where("measure_id", "=", m.id)
          .executeTakeFirstOrThrow();
        const plan = await db
          .selectFrom("measure_plan")
          .select("planned")
          .where("measure_id", "=", m.id)
          .executeTakeFirstOrThrow();
        facts[number] = { unit: m.unit, plan: plan.planned, fact: entry.value, narrative: entry.narrative };
      }
      // Shares of a base, kept with their counts: 35 000 documents = 35 % of the main fund, 60 % of the local-history one.
      expect(facts["1.2"]).toMatchObject({ unit: "document", plan: 35_000, fact: 35_000 });
      expect(facts["1.2"]!.narrative?.ru).toMatch(/122 тыс\..*35 тыс\./);
      expect(facts["1.3"]).toMatchObject({ unit: "document", fact: 35_000 });
      const asOf = { date: "2020-12-31", includeCurrentQuarter: false, facts: "all" } as const;
      const [main, localHistory, centres] = (await Promise.all(
        ["1.2", "1.3", "1.1"].map(async (number) => {
          const m = await measure(id, number);
          const shares = await shareFigures(db, { measureIds: [m.id], asOf, territoryIds: null });
          return shares.get(shareKey(m.id, null))!;
        }),
      )) as [MeasureShareFigures, MeasureShareFigures, MeasureShareFigures];
      expect(main.fact).toMatchObject({ count: 35_000, base: 100_000, ratio: 0.35 });
      expect(localHistory.fact.ratio).toBeCloseTo(0.6, 4);
      // 19 district and city libraries, one centre each: the region's share is Σ centres / Σ libraries.
      expect(centres.territories).toHaveLength(19);
      expect(centres.fact).toMatchObject({ count: 19, base: 19, ratio: 1 });
      expect(facts["1.4"]).toMatchObject({ fact: 279 });
      expect(facts["1.4"]!.narrative?.ru).toContain("из них 53 по авторскому праву");
      const programme = await db
        .selectFrom("programme")
        .select(["status", "start_year", "end_year"])
        .where(sql<boolean>`title->>'ru' LIKE '%Библиотека — современный центр знаний%'`)
        .executeTakeFirstOrThrow();
      expect(programme).toEqual({ status: "completed", start_year: 2019, end_year: 2021 });
    });
  });

  it("003 — one «Бірыңғай күн» in all rural libraries of the Altynsarin system reached 238 people, told in kk and ru", async () => {
    const { id } = await roadMapIn("Костанайская область");
    const entries = await db
      .selectFrom("progress_entry as e")
      .innerJoin("measure as m", "m.id", "e.measure_id")
      .innerJoin("territory as t", "t.id", "e.territory_id")
      .select(["e.entry_date", "e.value", "e.people_reached", "e.narrative", "t.name"])
      .where("m.road_map_id", "=", id)
      .execute();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ entry_date: "2020-02-06", value: 1, people_reached: 238 });
    expect(entry!.name.kk).toBe("Алтынсарин ауданы");
    expect(entry!.narrative?.kk).toContain("Барлығы 238 адам қамтылды");
    expect(entry!.narrative?.ru).toContain("Охват составил 238 человек");
  });

  it("002 — the Blagoveshchensk strategy is under approval, after a draft", async () => {
    const programme = await db
      .selectFrom("programme")
      .select(["id", "status", "owner"])
      .where(sql<boolean>`title->>'ru' LIKE 'Стратегия развития муниципальной информационной библиотечной системы%'`)
      .executeTakeFirstOrThrow();
    expect(programme.status).toBe("under_approval");
    const history = await db
      .selectFrom("programme_status_change")
      .select(["from_status", "to_status", "changed_on"])
      .where("programme_id", "=", programme.id)
      .orderBy("changed_on")
      .execute();
    expect(history.map((h) => [h.from_status, h.to_status])).toEqual([
      [null, "draft"],
      ["draft", "under_approval"],
    ]);
    expect(history[1]!.changed_on.slice(0, 4)).toBe("2021");
    const mibs = await db
      .selectFrom("department")
      .select(["head_name", "head_title"])
      .where(sql<boolean>`name->>'ru' LIKE 'МБУК «МИБС»%'`)
      .executeTakeFirstOrThrow();
    expect(mibs.head_name?.ru).toBe("Александра Бородина");
  });

  it("every programme's status is the last step of its history", async () => {
    const { rows } = await sql<{ status: string; last: string; steps: number }>`
      SELECT p.status,
             (SELECT to_status FROM programme_status_change c WHERE c.programme_id = p.id
               ORDER BY changed_on DESC LIMIT 1) AS last,
             (SELECT count(*)::int FROM programme_status_change c WHERE c.programme_id = p.id) AS steps
        FROM programme p`.execute(db);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.last).toBe(row.status);
      expect(row.steps).toBeGreaterThanOrEqual(2);
    }
    const amanat = await db
      .selectFrom("programme")
      .select(["status", "start_year", "end_year"])
      .where(sql<boolean>`title->>'kk' LIKE '%«Халықпен бірге!»%'`)
      .executeTakeFirstOrThrow();
    expect(amanat).toEqual({ status: "in_force", start_year: 2023, end_year: 2027 });
  });

  it("has the real territories: 5 Shymkent districts, 7 + 6 in Karaganda Region, 17 + 3 in Akmola Region", async () => {
    const { rows } = await sql<{ parent: string; kind: string; n: number }>`
      SELECT p.name->>'ru' AS parent, t.kind, count(*)::int AS n
        FROM territory t JOIN territory p ON p.id = t.parent_id
       WHERE p.name->>'ru' IN ('город Шымкент', 'Карагандинская область', 'Акмолинская область')
       GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
    expect(rows).toEqual([
      { parent: "Акмолинская область", kind: "city_obl", n: 3 },
      { parent: "Акмолинская область", kind: "district", n: 17 },
      { parent: "Карагандинская область", kind: "city_obl", n: 6 },
      { parent: "Карагандинская область", kind: "district", n: 7 },
      { parent: "город Шымкент", kind: "district", n: 5 },
    ]);
    // Every district and city of the three regions has the KATO code of its boundary (app/domain/geo/data).
    const { rows: uncoded } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM territory t JOIN territory p ON p.id = t.parent_id
       WHERE p.name->>'ru' IN ('город Шымкент', 'Карагандинская область', 'Акмолинская область')
         AND t.kato_code IS NULL`.execute(db);
    expect(uncoded).toEqual([{ n: 0 }]);
  });

  it("has every demo account with its role and the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db
        .selectFrom("app_user")
        .select(["id", "display_name", "password_hash", "is_active", "email"])
        .where("login", "=", account.login)
        .executeTakeFirst();
      expect(user, account.login).toBeDefined();
      expect(user!.display_name).toBe(account.displayName);
      expect(user!.is_active).toBe(true);
      expect(user!.email).toBe(`${account.login}@demo.oryndau.example`);
      expect(await verifyPassword(user!.password_hash, DEMO_PASSWORD), account.login).toBe(true);
      const roles = await db
        .selectFrom("role_assignment")
        .select(["role", "department_id", "council_id", "territory_id", "council_position"])
        .where("user_id", "=", user!.id)
        .execute();
      expect(
        roles.map((r) => r.role),
        account.login,
      ).toEqual([account.role]);
      const [role] = roles;
      expect(role!.department_id !== null, account.login).toBe(account.department !== undefined);
      expect(role!.council_id !== null, account.login).toBe(account.council !== undefined);
      expect(role!.territory_id !== null, account.login).toBe(account.territory !== undefined);
      expect(role!.council_position).toBe(account.councilPosition ?? null);
    }
    const logins = await db.selectFrom("app_user").select("login").execute();
    expect(logins.map((u) => u.login).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.login).sort());
  });

  it("the audit log holds every row of the seed, written by the system (actor null)", async () => {
    const { rows } = await sql<{ table_name: string; audited: number; actors: number; other: number }>`
      SELECT table_name, count(*)::int AS audited,
             count(actor_id)::int AS actors,
             count(*) FILTER (WHERE action <> 'insert')::int AS other
        FROM audit_log GROUP BY table_name ORDER BY table_name`.execute(db);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) {
      expect(row.actors, row.table_name).toBe(0);
      expect(row.other, row.table_name).toBe(0);
      const { rows: counted } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(row.table_name)}`.execute(db);
      expect(row.audited, row.table_name).toBe(counted[0]!.n);
    }
    const tables = rows.map((row) => row.table_name);
    for (const table of ["progress_entry", "measure_plan", "kpi_actual", "department_report", "role_assignment"]) {
      expect(tables).toContain(table);
    }
  });

  it("dates nothing after today", async () => {
    const { rows } = await sql<{ entry: string; submitted: string; changed: string }>`
      SELECT (SELECT max(entry_date)::text FROM progress_entry) AS entry,
             (SELECT max(submitted_at AT TIME ZONE 'Asia/Almaty')::date::text FROM department_report) AS submitted,
             (SELECT max(changed_on)::text FROM programme_status_change) AS changed`.execute(db);
    expect(rows[0]!.entry <= TODAY).toBe(true);
    expect(rows[0]!.submitted <= TODAY).toBe(true);
    expect(rows[0]!.changed <= TODAY).toBe(true);
  });

  it("gives the same data for the same today", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoData(other.db, { today: TODAY });
      const fingerprint = async (target: Kysely<Database>) => {
        const { rows } = await sql<{ rows: string }>`
          SELECT string_agg(concat_ws('|', rm.title->>'ru', m.number, t.name->>'ru', e.entry_date, e.value,
                                      e.people_reached, e.narrative::text),
                            E'\n' ORDER BY rm.title->>'ru', m.number, t.name->>'ru', e.entry_date, e.value) AS rows
            FROM progress_entry e JOIN measure m ON m.id = e.measure_id JOIN road_map rm ON rm.id = m.road_map_id
            JOIN territory t ON t.id = e.territory_id`.execute(target);
        return rows[0]!.rows;
      };
      expect(await fingerprint(other.db)).toBe(await fingerprint(db));
    } finally {
      await other.close();
    }
  });
});
