import type { LocalizedText } from "../schema";
import { agendaFigures } from "~/domain/meetings/figures.server";
import { previousQuarter, quarterEnd, quarterOf } from "~/domain/periods/quarter";
import { addDays, at, json, t, type SeedContext } from "./common";
import { MIRAS_COUNCIL } from "./shymkent";

// 001: the «Miras» council's meeting that reviewed the culture, youth and religion sections of the
// Shymkent road map for 10 months of 2024 (as of 31 October). The two department heads reported;
// members made proposals and the heads promised conclusions. Its figures are frozen exactly as the
// app freezes them (agendaFigures, the dashboard's own functions). A next meeting is planned two
// weeks after `today`, so that its page lists these decisions and their status.

const MEETING_DATE = "2024-11-14";
const AS_OF = "2024-10-31";
const FROZEN_AT = at(MEETING_DATE, "18:00");
const PLACE = t(
  "Шымкент қ., «AMANAT» партиясы қалалық филиалының мәжіліс залы",
  "г. Шымкент, зал заседаний городского филиала партии «AMANAT»",
);
const HEAD = (kk: string, ru: string): LocalizedText =>
  t(`${kk} басқармасының басшысы`, `Руководитель управления ${ru}`);
const YOUTH_HEAD = HEAD("Ішкі саясат және жастар істері", "внутренней политики и по делам молодёжи");
const CULTURE_HEAD = HEAD("Мәдениет, тілдерді дамыту және архивтер", "культуры, развития языков и архивов");

interface DecisionSpec {
  item: 0 | 1;
  kind: "proposal" | "instruction";
  body: LocalizedText;
  department: string;
  deadline: string;
  measures: string[];
  closed?: { status: "done" | "withdrawn"; on: string; note: LocalizedText; author: string };
}

const DECISIONS: DecisionSpec[] = [
  {
    item: 1,
    kind: "instruction",
    body: t(
      "2024 жылға жоспарланған 4 мәдени-ағартушылық нысанның құрылысын жыл соңына дейін аяқтау, мердігерлердің жұмыс кестесін бақылауға алу.",
      "Завершить до конца года строительство 4 культурно-просветительских объектов, запланированных на 2024 год, взять на контроль графики работ подрядчиков.",
    ),
    department: "shymkent.culture",
    deadline: "2024-12-31",
    measures: ["1.5.1"],
  },
  {
    item: 0,
    kind: "proposal",
    body: t(
      "Отбасындағы зорлық-зомбылықтың алдын алу бойынша кездесулерді барлық аудандардағы жастар орталықтарында өткізу.",
      "Проводить встречи по профилактике семейного насилия в молодёжных центрах всех районов.",
    ),
    department: "shymkent.youth",
    deadline: "2025-06-30",
    measures: ["2.1"],
    closed: {
      status: "done",
      on: "2025-06-20",
      note: t(
        "Бес ауданның жастар орталықтарында 12 кездесу өтті, 1 900 жас қатысты.",
        "В молодёжных центрах пяти районов проведено 12 встреч, участвовали 1 900 молодых людей.",
      ),
      author: "zhumakulova",
    },
  },
  {
    item: 1,
    kind: "proposal",
    body: t(
      "Қиын жағдайдағы жастарға психологиялық қолдаудың онлайн-кеңес беру желісін ашу мәселесін пысықтау.",
      "Проработать вопрос открытия линии онлайн-консультаций психологической поддержки молодёжи в трудной ситуации.",
    ),
    department: "shymkent.culture",
    deadline: "2027-06-30",
    measures: ["2.2"],
  },
];

export async function seedMirasMeeting(ctx: SeedContext, councilId: number, roadMapId: number): Promise<void> {
  const { trx } = ctx;
  const sections = new Map(
    (await trx.selectFrom("section").select(["id", "number"]).where("road_map_id", "=", roadMapId).execute()).map(
      (s) => [s.number!, s.id],
    ),
  );
  const measures = new Map(
    (await trx.selectFrom("measure").select(["id", "number"]).where("road_map_id", "=", roadMapId).execute()).map(
      (m) => [m.number, m.id],
    ),
  );
  const members = await trx
    .selectFrom("role_assignment as ra")
    .innerJoin("app_user as u", "u.id", "ra.user_id")
    .select(["u.id", "u.display_name", "u.title"])
    .where("ra.council_id", "=", councilId)
    .orderBy("ra.id")
    .execute();

  const meeting = await trx
    .insertInto("meeting")
    .values({
      council_id: councilId,
      number: "4",
      meeting_date: MEETING_DATE,
      place: json(PLACE),
      chair_name: MIRAS_COUNCIL.chair.name,
      as_of: AS_OF,
      // Held and its minutes approved: the seed writes each row once, in its final state.
      status: "minutes_approved",
      frozen_at: FROZEN_AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("meeting_attendee")
    .values([
      ...members.map((m) => ({
        meeting_id: meeting.id,
        user_id: m.id,
        full_name: m.display_name,
        position: json(m.title),
        kind: "member" as const,
      })),
      ...[
        [MIRAS_COUNCIL.executiveSecretary.name, MIRAS_COUNCIL.executiveSecretary.position],
        ["Айгерім Жұмақұлова", YOUTH_HEAD],
        ["Бауыржан Орынтаев", CULTURE_HEAD],
      ].map(([name, position]) => ({
        meeting_id: meeting.id,
        full_name: name as string,
        position: json(position as LocalizedText),
        kind: "invited" as const,
      })),
    ])
    .execute();

  const items = [
    {
      title: t(
        "Жол картасының жастар саласы бойынша 2024 жылдың 10 айындағы орындалуы туралы",
        "Об исполнении Дорожной карты по молодёжной сфере за 10 месяцев 2024 года",
      ),
      speaker: "Айгерім Жұмақұлова",
      position: YOUTH_HEAD,
      links: [
        ["section", "2"],
        ["measure", "2.1"],
      ] as const,
      spoke: t(
        "Кеңес мүшелері аудандардағы жастар орталықтарында түсіндірме жұмыстарын кеңейтуді ұсынды.",
        "Члены совета предложили расширить разъяснительную работу в молодёжных центрах районов.",
      ),
    },
    {
      title: t(
        "Жол картасының мәдениет саласы бойынша 2024 жылдың 10 айындағы орындалуы туралы",
        "Об исполнении Дорожной карты по сфере культуры за 10 месяцев 2024 года",
      ),
      speaker: "Бауыржан Орынтаев",
      position: CULTURE_HEAD,
      links: [
        ["section", "1"],
        ["measure", "1.5.1"],
        ["measure", "2.2"],
      ] as const,
      spoke: t(
        "Кеңес мүшелері мәдени нысандардың құрылыс мерзімдері мен жастарға психологиялық қолдау туралы ұсыныстар айтты.",
        "Члены совета высказали предложения по срокам строительства культурных объектов и психологической поддержке молодёжи.",
      ),
    },
  ];
  const itemIds: number[] = [];
  for (const [index, item] of items.entries()) {
    const row = await trx
      .insertInto("agenda_item")
      .values({
        meeting_id: meeting.id,
        position: index + 1,
        title: json(item.title),
        speaker_name: item.speaker,
        speaker_position: json(item.position),
        spoke: json(item.spoke),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    itemIds.push(row.id);
    await trx
      .insertInto("agenda_item_link")
      .values(
        item.links.map(([kind, number]) => ({
          agenda_item_id: row.id,
          section_id: kind === "section" ? sections.get(number)! : null,
          measure_id: kind === "measure" ? measures.get(number)! : null,
        })),
      )
      .execute();
  }

  // The figures frozen as the app freezes them, on the evening of the meeting.
  const figures = await agendaFigures(trx, meeting.id, { asOf: AS_OF, includeCurrentQuarter: false });
  await trx
    .insertInto("meeting_snapshot")
    .values(
      [...figures].map(([agendaItemId, value]) => ({
        meeting_id: meeting.id,
        agenda_item_id: agendaItemId,
        as_of: AS_OF,
        frozen_at: FROZEN_AT,
        figures: JSON.stringify(value),
      })),
    )
    .execute();

  for (const spec of DECISIONS) {
    const closed = spec.closed && spec.closed.on <= ctx.today ? spec.closed : undefined;
    const decision = await trx
      .insertInto("decision")
      .values({
        meeting_id: meeting.id,
        agenda_item_id: itemIds[spec.item]!,
        kind: spec.kind,
        body: json(spec.body),
        responsible_department_id: ctx.department(spec.department),
        deadline: spec.deadline,
        status: closed?.status ?? "open",
        closed_on: closed?.on ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("decision_measure")
      .values(spec.measures.map((number) => ({ decision_id: decision.id, measure_id: measures.get(number)! })))
      .execute();
    if (closed) {
      await trx
        .insertInto("decision_follow_up")
        .values({
          decision_id: decision.id,
          note: json(closed.note),
          author_id: ctx.user(closed.author),
          created_at: at(closed.on, "11:00"),
        })
        .execute();
    }
  }

  // The next meeting, planned: it reviews the culture section as of the last ended quarter.
  const nextAsOf = quarterEnd(previousQuarter(quarterOf(ctx.today)));
  const next = await trx
    .insertInto("meeting")
    .values({
      council_id: councilId,
      meeting_date: addDays(ctx.today, 14),
      place: json(PLACE),
      chair_name: MIRAS_COUNCIL.chair.name,
      as_of: nextAsOf,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("meeting_attendee")
    .values(
      members.map((m) => ({
        meeting_id: next.id,
        user_id: m.id,
        full_name: m.display_name,
        position: json(m.title),
        kind: "member" as const,
      })),
    )
    .execute();
  const nextItem = await trx
    .insertInto("agenda_item")
    .values({
      meeting_id: next.id,
      position: 1,
      title: json(
        t("Мәдени инфрақұрылым нысандарының құрылысы туралы", "О строительстве объектов культурной инфраструктуры"),
      ),
      speaker_name: "Бауыржан Орынтаев",
      speaker_position: json(CULTURE_HEAD),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("agenda_item_link")
    .values({ agenda_item_id: nextItem.id, section_id: sections.get("1.5")! })
    .execute();
}
