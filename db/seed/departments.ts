import type { Transaction } from "kysely";
import type { Database, LocalizedText } from "../schema";
import { json, ru, t } from "./common";

// Departments (басқарма / управление, library systems) and their heads as the articles name them.
// A head the article does not name is left empty.

export interface DepartmentRow {
  key: string;
  territory: string;
  name: LocalizedText;
  headName: LocalizedText | null;
  headTitle: LocalizedText | null;
}

const HEAD_OF_DEPARTMENT = t("Басқарма басшысы", "Руководитель управления", "Head of department");

export const DEPARTMENTS: DepartmentRow[] = [
  // 001: Айгерім Жұмақұлова reported on domestic-violence prevention to the «Miras» council.
  {
    key: "shymkent.youth",
    territory: "shymkent",
    name: t(
      "Шымкент қаласының Ішкі саясат және жастар істері басқармасы",
      "Управление внутренней политики и по делам молодежи города Шымкент",
      "Shymkent Department of Internal Policy and Youth Affairs",
    ),
    headName: t("Айгерім Жұмақұлова", "Айгерим Жумакулова", "Aigerim Zhumakulova"),
    headTitle: HEAD_OF_DEPARTMENT,
  },
  // 001: Бауыржан Орынтаев reported on psychological support and the four cultural buildings.
  {
    key: "shymkent.culture",
    territory: "shymkent",
    name: t(
      "Шымкент қаласының Мәдениет, тілдерді дамыту және архивтер басқармасы",
      "Управление культуры, развития языков и архивов города Шымкент",
      "Shymkent Department of Culture, Language Development and Archives",
    ),
    headName: t("Бауыржан Орынтаев", "Бауыржан Орынтаев", "Bauyrzhan Oryntayev"),
    headTitle: HEAD_OF_DEPARTMENT,
  },
  // 001 speaks of the religion section, but not of its department's head.
  {
    key: "shymkent.religion",
    territory: "shymkent",
    name: t(
      "Шымкент қаласының Дін істері басқармасы",
      "Управление по делам религий города Шымкент",
      "Shymkent Department of Religious Affairs",
    ),
    headName: null,
    headTitle: null,
  },
  // 004: Айсұлу Ерниязова spoke at the Karaganda youth council.
  {
    key: "karaganda.youth",
    territory: "karaganda",
    name: t(
      "Қарағанды облысының Жастар саясаты мәселелері басқармасы",
      "Управление по вопросам молодежной политики Карагандинской области",
      "Karaganda Region Youth Policy Department",
    ),
    headName: t("Айсұлу Ерниязова", "Айсулу Ерниязова", "Aisulu Erniyazova"),
    headTitle: HEAD_OF_DEPARTMENT,
  },
  // 000: the regional library that opened the first coworking centre and digitises the funds.
  {
    key: "akmola.library",
    territory: "akmola",
    name: t(
      "Мағжан Жұмабаев атындағы Ақмола облыстық ғылыми-әмбебап кітапханасы",
      "Акмолинская областная научно-универсальная библиотека имени Магжана Жумабаева",
      "Magzhan Zhumabayev Akmola Regional Universal Scientific Library",
    ),
    headName: null,
    headTitle: null,
  },
  // 000: the district and city libraries answer to the oblast's culture department.
  {
    key: "akmola.culture",
    territory: "akmola",
    name: t(
      "Ақмола облысының мәдениет басқармасы",
      "Управление культуры Акмолинской области",
      "Akmola Region Culture Department",
    ),
    headName: null,
    headTitle: null,
  },
  // 003: the centralised library system of Altynsarin district.
  {
    key: "kostanay.altynsarin-cls",
    territory: "kostanay.altynsarin",
    name: t("Алтынсарин ОКЖ", "Алтынсаринская ЦБС", "Altynsarin Centralised Library System"),
    headName: null,
    headTitle: null,
  },
  // 002: Александра Бородина, director of the municipal library system.
  {
    key: "blagoveshchensk.mibs",
    territory: "russia.amur.blagoveshchensk",
    name: ru("МБУК «МИБС» г. Благовещенска", "Blagoveshchensk Municipal Information Library System (MIBS)"),
    headName: ru("Александра Бородина", "Alexandra Borodina"),
    headTitle: ru("Директор", "Director"),
  },
];

export async function insertDepartments(
  trx: Transaction<Database>,
  territory: (key: string) => number,
): Promise<Map<string, number>> {
  const inserted = await trx
    .insertInto("department")
    .values(
      DEPARTMENTS.map((row) => ({
        territory_id: territory(row.territory),
        name: json(row.name),
        head_name: json(row.headName),
        head_title: json(row.headTitle),
      })),
    )
    .returning(["id", "name"])
    .execute();
  const ids = new Map<string, number>();
  for (const row of DEPARTMENTS) {
    const match = inserted.find((r) => r.name.ru === row.name.ru);
    if (!match) throw new Error(`Demo data: department «${row.key}» was not inserted`);
    ids.set(row.key, match.id);
  }
  return ids;
}
