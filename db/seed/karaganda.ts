import type { KpiDirection, KpiSource, LocalizedText, MeasureUnit } from "../schema";
import { evidence, json, q, t, type SeedContext } from "./common";
import {
  insertReports,
  insertRoadMap,
  quarterly,
  quarterlyReports,
  seriesEntries,
  shared,
  type MeasureSpec,
  type PlanSpec,
} from "./roadmap";
import { childrenOf, territoryName } from "./territories";

// Karaganda Region (article 004): the youth section of the region's road map for «Халықпен бірге!»,
// and the KPI the akim set for the youth-policy work of city and district akims. The article
// gives the tasks (community centres in every city and district, «Жасыл ел», NEET youth, the
// projects «Талдау мектебі. QRG», «Ұлт қазынасы», Saryarqa Jastary) but no numbers: the figures
// below are plausible ones, shaped so that the ranking of the 13 cities and districts moves
// between 2024 and 2025. The region came first nationwide by «Жасыл ел» coverage in the article's
// «last year»; within the region the city of Karaganda leads that indicator.

const REGION = "karaganda";
const YOUTH = "karaganda.youth";
const EDITOR = "ernyiazova";
/** The seven districts and six cities of oblast significance. */
const UNITS = childrenOf(REGION);

// «Қалалар мен аудандарда комьюнити-орталықтар ашуды тапсырды»: one centre in each of the 13, planned
// for 2025. The opening dates; two came late and one is still missing.
const COMMUNITY_CENTRES: Array<[territory: string, openedOn: string | null]> = [
  ["karaganda.karaganda", "2025-02-14"],
  ["karaganda.temirtau", "2025-03-21"],
  ["karaganda.balkhash", "2025-04-18"],
  ["karaganda.saran", "2025-05-23"],
  ["karaganda.shakhtinsk", "2025-06-13"],
  ["karaganda.abay", "2025-06-27"],
  ["karaganda.bukhar-zhyrau", "2025-08-22"],
  ["karaganda.priozersk", "2025-09-12"],
  ["karaganda.osakarov", "2025-10-17"],
  ["karaganda.karkaraly", "2025-11-28"],
  ["karaganda.nura", "2026-03-20"],
  ["karaganda.shet", "2026-05-15"],
  ["karaganda.aktogay", null],
];

// «Жасыл ел» youth labour brigades, young people employed over the summer season: the plan of each
// city and district (also its KPI target) and the fact (also its KPI actual).
type PlanFact = [plan: number, fact: number];
const ZHASYL_EL: Array<[territory: string, y2024: PlanFact, y2025: PlanFact, y2026: PlanFact]> = [
  ["karaganda.karaganda", [2400, 2820], [2600, 3100], [2700, 2950]],
  ["karaganda.temirtau", [900, 850], [950, 1090], [1000, 1040]],
  ["karaganda.balkhash", [400, 410], [420, 430], [440, 445]],
  ["karaganda.saran", [250, 240], [260, 280], [270, 262]],
  ["karaganda.shakhtinsk", [260, 270], [270, 250], [280, 288]],
  ["karaganda.priozersk", [60, 55], [60, 66], [65, 64]],
  ["karaganda.abay", [300, 320], [310, 300], [320, 331]],
  ["karaganda.aktogay", [90, 70], [90, 95], [95, 90]],
  ["karaganda.bukhar-zhyrau", [320, 300], [330, 360], [340, 352]],
  ["karaganda.karkaraly", [150, 160], [160, 150], [165, 170]],
  ["karaganda.nura", [120, 95], [120, 130], [125, 121]],
  ["karaganda.osakarov", [160, 170], [170, 165], [175, 180]],
  ["karaganda.shet", [180, 150], [190, 200], [195, 188]],
];

// Share of NEET youth (not in education, employment or training), %, lower is better: target and
// actual per year; null = not yet entered.
type TargetActual = [target: number, actual: number | null];
const NEET_SHARE: Array<[territory: string, y2024: TargetActual, y2025: TargetActual]> = [
  ["karaganda.karaganda", [7.0, 6.8], [6.5, 6.1]],
  ["karaganda.temirtau", [9.0, 9.8], [8.5, 8.0]],
  ["karaganda.balkhash", [8.5, 8.9], [8.0, 8.2]],
  ["karaganda.saran", [8.5, 8.1], [8.0, 7.9]],
  ["karaganda.shakhtinsk", [9.0, 9.6], [8.5, 8.7]],
  ["karaganda.priozersk", [7.5, 7.2], [7.0, null]],
  ["karaganda.abay", [8.5, 8.7], [8.0, 7.6]],
  ["karaganda.aktogay", [10.0, 11.2], [9.5, 10.1]],
  ["karaganda.bukhar-zhyrau", [8.5, 8.4], [8.0, 7.7]],
  ["karaganda.karkaraly", [10.0, 10.6], [9.5, 9.9]],
  ["karaganda.nura", [10.0, 10.9], [9.5, 9.2]],
  ["karaganda.osakarov", [9.5, 9.3], [9.0, 9.4]],
  ["karaganda.shet", [10.0, 10.4], [9.5, 9.0]],
];

// Young people reached by the region's projects «Талдау мектебі. QRG», «Ұлт қазынасы» and Saryarqa Jastary.
const PROJECT_REACH: Array<[territory: string, y2024: TargetActual, y2025: TargetActual]> = [
  ["karaganda.karaganda", [3000, 3350], [3200, 3420]],
  ["karaganda.temirtau", [1200, 980], [1300, 1420]],
  ["karaganda.balkhash", [600, 640], [650, 610]],
  ["karaganda.saran", [350, 360], [380, 400]],
  ["karaganda.shakhtinsk", [380, 300], [400, 390]],
  ["karaganda.priozersk", [100, 112], [110, 118]],
  ["karaganda.abay", [400, 380], [420, 450]],
  ["karaganda.aktogay", [150, 120], [160, 140]],
  ["karaganda.bukhar-zhyrau", [450, 470], [470, 500]],
  ["karaganda.karkaraly", [250, 230], [260, 270]],
  ["karaganda.nura", [200, 160], [210, 230]],
  ["karaganda.osakarov", [250, 260], [260, 240]],
  ["karaganda.shet", [280, 250], [300, null]],
];

/** Weights of the four indicators in a city's or district's youth-policy score. */
const WEIGHTS = { neet: 0.3, zhasylEl: 0.3, centres: 0.2, projects: 0.2 } as const;

function measures(today: string): MeasureSpec[] {
  const place = (territory: string): LocalizedText => territoryName(territory);
  return [
    {
      number: "1.1",
      section: "1",
      title: t(
        "Әр қала мен ауданда жастарға арналған комьюнити-орталық ашу",
        "Открытие комьюнити-центров для молодёжи в каждом городе и районе",
        "Opening a youth community centre in every city and district",
      ),
      completionForm: t("Облыс әкіміне ақпарат", "Информация акиму области", "Report to the regional akim"),
      unit: "centre",
      responsible: YOUTH,
      territory: REGION,
      deadline: "2025-12-25",
      fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
      plans: shared(UNITS, [{ year: 2025, quarter: 4, planned: 1 }]),
      entries: COMMUNITY_CENTRES.flatMap(([territory, openedOn]) =>
        openedOn
          ? [
              {
                territory,
                date: openedOn,
                value: 1,
                narrative: t(
                  `${place(territory).kk}: жастарға арналған комьюнити-орталық ашылды.`,
                  `${place(territory).ru}: открыт комьюнити-центр для молодёжи.`,
                ),
                evidence: evidence("karaganda/1.1", territory, openedOn),
                author: EDITOR,
              },
            ]
          : [],
      ),
    },
    {
      number: "1.2",
      section: "1",
      title: t(
        "«Жасыл ел» жастар еңбек жасақтары арқылы жастарды уақытша жұмыспен қамту",
        "Временная занятость молодёжи в молодёжных трудовых отрядах «Жасыл ел»",
        "Summer jobs for young people in the «Zhasyl El» youth labour brigades",
      ),
      completionForm: t("Облыс әкіміне ақпарат", "Информация акиму области", "Report to the regional akim"),
      unit: "person",
      responsible: YOUTH,
      territory: REGION,
      deadline: "2027-12-25",
      fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
      // The brigades work in summer: each year's plan is in Q3; 2027 repeats 2026.
      plans: ZHASYL_EL.flatMap(([territory, y2024, y2025, y2026]): PlanSpec[] =>
        (
          [
            [2024, y2024[0]],
            [2025, y2025[0]],
            [2026, y2026[0]],
            [2027, y2026[0]],
          ] as const
        ).map(([year, planned]) => ({ territory, year, quarter: 3, planned })),
      ),
      entries: ZHASYL_EL.flatMap(([territory, y2024, y2025, y2026]) =>
        (
          [
            [2024, y2024[1]],
            [2025, y2025[1]],
            [2026, y2026[1]],
          ] as const
        ).map(([year, fact]) => ({
          territory,
          date: `${year}-08-30`,
          value: fact,
          narrative: t(
            `${place(territory).kk}: жазғы маусымда «Жасыл ел» жасақтарында ${fact} жас жұмыс істеді.`,
            `${place(territory).ru}: за летний сезон в отрядах «Жасыл ел» работали ${fact} молодых людей.`,
          ),
          evidence: evidence("karaganda/1.2", territory, year),
          author: EDITOR,
        })),
      ),
    },
    (() => {
      const plans = shared([REGION], quarterly(q(2024, 1), q(2027, 4), 1000));
      return {
        number: "1.3",
        section: "1",
        title: t(
          "NEET санатындағы жастарды оқуға, жұмысқа және жұмысшы мамандықтарына тарту",
          "Вовлечение молодёжи категории NEET в обучение, трудоустройство и рабочие профессии",
          "Bringing NEET youth into training, jobs and skilled trades",
        ),
        completionForm: t("Облыс әкіміне ақпарат", "Информация акиму области", "Report to the regional akim"),
        unit: "person" as const,
        responsible: YOUTH,
        territory: REGION,
        deadline: "2027-12-25",
        fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
        plans,
        entries: seriesEntries(
          {
            key: "karaganda/1.3",
            plans,
            performance: 0.92,
            author: EDITOR,
            evidencePath: "karaganda/1.3",
            narrative: (_place, value) =>
              t(
                `${value} NEET жасы оқуға не жұмысқа тартылды.`,
                `Вовлечено в обучение или работу молодёжи NEET: ${value}.`,
              ),
          },
          today,
        ),
      };
    })(),
    {
      number: "1.4",
      section: "1",
      title: t(
        "Ленин кинотеатрының ғимаратында Жастар үйін ашу",
        "Открытие Дома молодёжи в здании кинотеатра имени Ленина",
        "Opening a Youth House in the former Lenin cinema",
      ),
      completionForm: t("Облыс әкіміне ақпарат", "Информация акиму области", "Report to the regional akim"),
      unit: "object",
      responsible: YOUTH,
      territory: "karaganda.karaganda",
      deadline: "2024-12-25",
      fundingSource: t("Жергілікті бюджет", "Местный бюджет", "Local budget"),
      plans: [{ territory: "karaganda.karaganda", year: 2024, quarter: 4, planned: 1 }],
      entries: [
        {
          territory: "karaganda.karaganda",
          date: "2024-12-20",
          value: 1,
          narrative: t(
            "Ленин кинотеатрының ғимараты Жастар үйіне берілді, Жастар үйі жастарды жұмылдыратын орталық ретінде ашылды.",
            "Здание кинотеатра имени Ленина передано Дому молодёжи, Дом молодёжи открыт как центр, объединяющий молодёжь.",
          ),
          evidence: evidence("karaganda/1.4", "2024-12-20"),
          author: EDITOR,
        },
      ],
    },
  ];
}

interface IndicatorRow {
  code: string;
  title: LocalizedText;
  description: LocalizedText | null;
  unit: MeasureUnit;
  direction: KpiDirection;
  category: string;
  source?: KpiSource;
}

const INDICATORS: IndicatorRow[] = [
  {
    code: "neet_share",
    title: t("NEET санатындағы жастардың үлесі", "Доля молодёжи категории NEET", "Share of NEET youth"),
    description: t(
      "Оқымайтын және жұмыс істемейтін жастардың 15–34 жастағы жастар санындағы үлесі.",
      "Доля не учащейся и не работающей молодёжи в численности молодёжи 15–34 лет.",
    ),
    unit: "percent",
    direction: "lower_is_better",
    category: "youth",
  },
  {
    code: "zhasyl_el_coverage",
    title: t(
      "«Жасыл ел» қозғалысымен қамтылған жастар",
      "Охват молодёжи движением «Жасыл ел»",
      "Young people in the «Zhasyl El» movement",
    ),
    description: t(
      "Өткен жылдың қорытындысы бойынша Қарағанды облысы «Жасыл ел» қозғалысын қамту бойынша бірінші орынға шықты.",
      "По итогам прошлого года Карагандинская область заняла первое место по охвату движением «Жасыл ел».",
    ),
    unit: "person",
    direction: "higher_is_better",
    category: "youth",
  },
  {
    code: "community_centres",
    title: t("Ашылған комьюнити-орталықтар", "Открытые комьюнити-центры", "Community centres opened"),
    description: t(
      "Жол картасының 1.1-іс-шарасының фактісінен есептеледі.",
      "Рассчитывается по факту мероприятия 1.1 дорожной карты.",
    ),
    unit: "centre",
    direction: "higher_is_better",
    category: "youth",
    source: "measure_fact",
  },
  {
    code: "youth_projects_reach",
    title: t(
      "Жастар жобаларымен қамту («Талдау мектебі. QRG», «Ұлт қазынасы», Saryarqa Jastary)",
      "Охват молодёжи проектами («Талдау мектебі. QRG», «Ұлт қазынасы», Saryarqa Jastary)",
      "Young people reached by youth projects («Taldau mektebi. QRG», «Ult qazynasy», Saryarqa Jastary)",
    ),
    description: null,
    unit: "person",
    direction: "higher_is_better",
    category: "youth",
  },
];

async function seedKpi(ctx: SeedContext, communityCentresMeasureId: number): Promise<void> {
  const { trx } = ctx;
  const indicators = await trx
    .insertInto("kpi_indicator")
    .values(INDICATORS.map((row) => ({ ...row, title: json(row.title), description: json(row.description) })))
    .returning(["id", "code"])
    .execute();
  const indicator = (code: string) => indicators.find((row) => row.code === code)!.id;

  await trx
    .insertInto("kpi_indicator_measure")
    .values({ indicator_id: indicator("community_centres"), measure_id: communityCentresMeasureId })
    .execute();

  type Row = { code: string; territory: string; year: number; target: number; actual: number | null; weight: number };
  const rows: Row[] = [];
  for (const [territory, y2024, y2025] of NEET_SHARE) {
    rows.push({ code: "neet_share", territory, year: 2024, target: y2024[0], actual: y2024[1], weight: WEIGHTS.neet });
    rows.push({ code: "neet_share", territory, year: 2025, target: y2025[0], actual: y2025[1], weight: WEIGHTS.neet });
  }
  for (const [territory, y2024, y2025] of ZHASYL_EL) {
    rows.push({
      code: "zhasyl_el_coverage",
      territory,
      year: 2024,
      target: y2024[0],
      actual: y2024[1],
      weight: WEIGHTS.zhasylEl,
    });
    rows.push({
      code: "zhasyl_el_coverage",
      territory,
      year: 2025,
      target: y2025[0],
      actual: y2025[1],
      weight: WEIGHTS.zhasylEl,
    });
  }
  for (const [territory, y2024, y2025] of PROJECT_REACH) {
    rows.push({
      code: "youth_projects_reach",
      territory,
      year: 2024,
      target: y2024[0],
      actual: y2024[1],
      weight: WEIGHTS.projects,
    });
    rows.push({
      code: "youth_projects_reach",
      territory,
      year: 2025,
      target: y2025[0],
      actual: y2025[1],
      weight: WEIGHTS.projects,
    });
  }
  // The community centres count from 2025, when they were planned; their actual is the measure's fact.
  for (const territory of UNITS) {
    rows.push({ code: "community_centres", territory, year: 2025, target: 1, actual: null, weight: WEIGHTS.centres });
  }

  await trx
    .insertInto("kpi_target")
    .values(
      rows.map((row) => ({
        indicator_id: indicator(row.code),
        territory_id: ctx.territory(row.territory),
        year: row.year,
        quarter: null,
        target: row.target,
        weight: row.weight,
      })),
    )
    .execute();

  // A year's actuals are entered in the middle of January after it; Temirtau enters its own,
  // the regional akimat the others.
  const actuals = rows.filter(
    (row): row is Row & { actual: number } => row.actual !== null && `${row.year + 1}-01-15` <= ctx.today,
  );
  if (actuals.length)
    await trx
      .insertInto("kpi_actual")
      .values(
        actuals.map((row) => ({
          indicator_id: indicator(row.code),
          territory_id: ctx.territory(row.territory),
          year: row.year,
          quarter: null,
          actual: row.actual,
          entered_by: ctx.user(row.territory === "karaganda.temirtau" ? "akim.temirtau" : "akim.karaganda"),
        })),
      )
      .execute();
}

/**
 * The akimat approved the 2024 KPI results at the end of February 2025, which locked that year's
 * actuals; the 2025 results are still being checked, so their actuals can change.
 */
async function closeKpiYears(ctx: SeedContext): Promise<void> {
  const years = [2024].filter((year) => `${year + 1}-02-28` <= ctx.today);
  if (years.length)
    await ctx.trx
      .insertInto("reporting_period")
      .values(
        years.map((year) => ({
          territory_id: ctx.territory(REGION),
          year,
          quarter: null,
          status: "closed" as const,
          changed_by: ctx.user("akim.karaganda"),
        })),
      )
      .execute();
}

export async function seedKaraganda(ctx: SeedContext, programmeId: number): Promise<{ roadMapId: number }> {
  const roadMap = await insertRoadMap(ctx, {
    programmeId,
    territory: REGION,
    title: t(
      "«Халықпен бірге!» сайлауалды бағдарламасын іске асыру жөніндегі Қарағанды облысының Жол картасы",
      "Дорожная карта по реализации предвыборной программы «Вместе с народом!» по Карагандинской области",
      "Karaganda Region road map for the election programme “Together with the People!”",
    ),
    approvedOn: "2023-04-20",
    sections: [{ number: "1", title: t("Жастар саясаты", "Молодёжная политика", "Youth policy") }],
    measures: measures(ctx.today),
  });
  await insertReports(
    ctx,
    roadMap.id,
    // The region reviews its reports within a week: the last quarter's is accepted too.
    quarterlyReports({
      departments: [{ key: YOUTH, submittedBy: EDITOR }],
      from: q(2024, 1),
      today: ctx.today,
      lastQuarter: { [YOUTH]: { status: "accepted" } },
    }),
  );
  await seedKpi(ctx, roadMap.measures.get("1.1")!);
  await closeKpiYears(ctx);
  return { roadMapId: roadMap.id };
}
