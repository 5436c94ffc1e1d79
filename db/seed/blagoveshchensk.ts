import { evidence, q, ru, type SeedContext } from "./common";
import { insertReports, insertRoadMap, quarterly, quarterlyReports, shared } from "./roadmap";

// Blagoveshchensk, Russia (article 002): the municipal library system (МБУК «МИБС», director
// Александра Бородина) drafted a development strategy, which in early 2021 went for approval by the
// public council of the city's culture department. Its plan names an electronic catalogue, one
// electronic reader card for all city libraries, work with the local-history community and career
// guidance for the young. While the strategy waits for approval, only the local-history work the
// libraries already did is recorded. Russian text, English titles.

const CITY = "russia.amur.blagoveshchensk";
const MIBS = "blagoveshchensk.mibs";
const AUTHOR = "admin";

export async function seedBlagoveshchensk(ctx: SeedContext, programmeId: number): Promise<{ roadMapId: number }> {
  const roadMap = await insertRoadMap(ctx, {
    programmeId,
    territory: CITY,
    title: ru(
      "План мероприятий по реализации Стратегии развития МИБС г. Благовещенска",
      "Action plan of the Blagoveshchensk MIBS development strategy",
    ),
    approvedOn: null,
    sections: [
      { number: "1", title: ru("Цифровизация", "Digitalisation") },
      { number: "2", title: ru("Сохранение культурного наследия", "Preserving cultural heritage") },
    ],
    measures: [
      {
        number: "1.1",
        section: "1",
        title: ru(
          "Внедрение электронного каталога муниципальных библиотек",
          "An electronic catalogue of the city libraries",
        ),
        unit: "project",
        responsible: MIBS,
        territory: CITY,
        deadline: "2022-12-25",
        plans: [{ territory: CITY, year: 2022, quarter: 4, planned: 1 }],
        entries: [],
      },
      {
        number: "1.2",
        section: "1",
        title: ru(
          "Введение единого электронного читательского билета для всех городских библиотек",
          "One electronic reader card for all city libraries",
        ),
        unit: "project",
        responsible: MIBS,
        territory: CITY,
        deadline: "2023-12-25",
        plans: [{ territory: CITY, year: 2023, quarter: 4, planned: 1 }],
        entries: [],
      },
      {
        number: "2.1",
        section: "2",
        title: ru(
          "Работа с краеведческим сообществом: краеведческие встречи и чтения",
          "Work with the local-history community: meetings and readings",
        ),
        unit: "event",
        responsible: MIBS,
        territory: CITY,
        deadline: "2025-12-25",
        plans: shared([CITY], quarterly(q(2021, 1), q(2025, 4), 2)),
        entries: [
          {
            territory: CITY,
            date: "2021-02-12",
            value: 1,
            people: 34,
            narrative: ru("Краеведческие чтения в Центральной городской библиотеке."),
            evidence: evidence("blagoveshchensk/2.1", "2021-02-12"),
            author: AUTHOR,
          },
          {
            territory: CITY,
            date: "2021-03-04",
            value: 1,
            people: 27,
            narrative: ru("Встреча с краеведческим сообществом города."),
            evidence: evidence("blagoveshchensk/2.1", "2021-03-04"),
            author: AUTHOR,
          },
        ],
      },
      {
        number: "2.2",
        section: "2",
        title: ru(
          "Профессиональная ориентация юных жителей на базе библиотек как ресурсных центров",
          "Career guidance for the young in libraries as resource centres",
        ),
        unit: "event",
        responsible: MIBS,
        territory: CITY,
        deadline: "2025-12-25",
        plans: shared([CITY], quarterly(q(2021, 2), q(2025, 4), 3)),
        entries: [],
      },
    ],
  });
  await insertReports(
    ctx,
    roadMap.id,
    quarterlyReports({
      departments: [{ key: MIBS, submittedBy: AUTHOR }],
      from: q(2021, 1),
      through: q(2021, 1),
      today: ctx.today,
    }),
  );
  return { roadMapId: roadMap.id };
}
