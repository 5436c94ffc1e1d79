import type { Transaction } from "kysely";
import type { Database, LocalizedText, TerritoryKind } from "../schema";
import { json, t } from "./common";

// The territory tree of the demo: the places the five articles speak of, with their real
// administrative divisions. KATO codes are those of the boundary files (app/domain/geo/data, from
// shared/geo), matched by name once; tests/unit/geo-data.test.ts checks each code against the file's
// names. Russia, Amur Oblast and Blagoveshchensk have no KATO code.

export interface TerritoryRow {
  key: string;
  parent: string | null;
  kind: TerritoryKind;
  kato: string | null;
  name: LocalizedText;
}

const district = (
  parent: string,
  key: string,
  kato: string | null,
  kk: string,
  ruName: string,
  en: string,
): TerritoryRow => ({
  key: `${parent}.${key}`,
  parent,
  kind: "district",
  kato,
  name: t(kk, ruName, en),
});

const city = (
  parent: string,
  key: string,
  kato: string | null,
  kk: string,
  ruName: string,
  en: string,
): TerritoryRow => ({
  key: `${parent}.${key}`,
  parent,
  kind: "city_obl",
  kato,
  name: t(kk, ruName, en),
});

export const TERRITORIES: TerritoryRow[] = [
  { key: "kazakhstan", parent: null, kind: "country", kato: null, name: t("Қазақстан", "Казахстан", "Kazakhstan") },

  // Shymkent, a city of republican significance, and its five districts (001).
  {
    key: "shymkent",
    parent: "kazakhstan",
    kind: "city_rep",
    kato: "790000000",
    name: t("Шымкент қаласы", "город Шымкент", "Shymkent"),
  },
  district("shymkent", "abay", "791110000", "Абай ауданы", "Абайский район", "Abay District"),
  district("shymkent", "al-farabi", "791310000", "Әл-Фараби ауданы", "район Аль-Фараби", "Al-Farabi District"),
  district("shymkent", "enbekshi", "791510000", "Еңбекші ауданы", "Енбекшинский район", "Enbekshi District"),
  district("shymkent", "karatau", "791710000", "Қаратау ауданы", "Каратауский район", "Karatau District"),
  district("shymkent", "turan", "791910000", "Тұран ауданы", "район Туран", "Turan District"),

  // Karaganda oblast (004): seven districts and six cities of oblast significance since the 2022 split
  // that made Ulytau a region of its own.
  {
    key: "karaganda",
    parent: "kazakhstan",
    kind: "oblast",
    kato: "350000000",
    name: t("Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
  },
  district("karaganda", "abay", "353200000", "Абай ауданы", "Абайский район", "Abay District"),
  district("karaganda", "aktogay", "353600000", "Ақтоғай ауданы", "Актогайский район", "Aktogay District"),
  district(
    "karaganda",
    "bukhar-zhyrau",
    "354000000",
    "Бұқар жырау ауданы",
    "район Бухар-Жырау",
    "Bukhar-Zhyrau District",
  ),
  district("karaganda", "karkaraly", "354800000", "Қарқаралы ауданы", "Каркаралинский район", "Karkaraly District"),
  district("karaganda", "nura", "355200000", "Нұра ауданы", "Нуринский район", "Nura District"),
  district("karaganda", "osakarov", "355600000", "Осакаров ауданы", "Осакаровский район", "Osakarov District"),
  district("karaganda", "shet", "356400000", "Шет ауданы", "Шетский район", "Shet District"),
  city("karaganda", "karaganda", "351000000", "Қарағанды қаласы", "город Караганда", "Karaganda"),
  city("karaganda", "balkhash", "351600000", "Балқаш қаласы", "город Балхаш", "Balkhash"),
  city("karaganda", "priozersk", "352100000", "Приозерск қаласы", "город Приозерск", "Priozersk"),
  city("karaganda", "saran", "352200000", "Саран қаласы", "город Сарань", "Saran"),
  city("karaganda", "temirtau", "352400000", "Теміртау қаласы", "город Темиртау", "Temirtau"),
  city("karaganda", "shakhtinsk", "352800000", "Шахтинск қаласы", "город Шахтинск", "Shakhtinsk"),

  // Akmola oblast (000): seventeen districts and three cities of oblast significance.
  {
    key: "akmola",
    parent: "kazakhstan",
    kind: "oblast",
    kato: "110000000",
    name: t("Ақмола облысы", "Акмолинская область", "Akmola Region"),
  },
  district("akmola", "akkol", "113200000", "Ақкөл ауданы", "Аккольский район", "Akkol District"),
  district("akmola", "arshaly", "113400000", "Аршалы ауданы", "Аршалынский район", "Arshaly District"),
  district("akmola", "astrakhan", "113600000", "Астрахан ауданы", "Астраханский район", "Astrakhan District"),
  district("akmola", "atbasar", "113800000", "Атбасар ауданы", "Атбасарский район", "Atbasar District"),
  district("akmola", "birzhan-sal", "114500000", "Біржан сал ауданы", "район Биржан сал", "Birzhan Sal District"),
  district("akmola", "bulandy", "114000000", "Бұланды ауданы", "Буландынский район", "Bulandy District"),
  district("akmola", "burabay", "117000000", "Бурабай ауданы", "Бурабайский район", "Burabay District"),
  district("akmola", "egindykol", "114400000", "Егіндікөл ауданы", "Егиндыкольский район", "Egindykol District"),
  district("akmola", "ereymentau", "114600000", "Ерейментау ауданы", "Ерейментауский район", "Ereymentau District"),
  district("akmola", "esil", "114800000", "Есіл ауданы", "Есильский район", "Esil District"),
  district("akmola", "zhaksy", "115200000", "Жақсы ауданы", "Жаксынский район", "Zhaksy District"),
  district("akmola", "zharkain", "115400000", "Жарқайың ауданы", "Жаркаинский район", "Zharkain District"),
  district("akmola", "zerendi", "115600000", "Зеренді ауданы", "Зерендинский район", "Zerendi District"),
  district("akmola", "korgalzhyn", "116000000", "Қорғалжын ауданы", "Коргалжынский район", "Korgalzhyn District"),
  district("akmola", "sandyktau", "116400000", "Сандықтау ауданы", "Сандыктауский район", "Sandyktau District"),
  district("akmola", "tselinograd", "116600000", "Целиноград ауданы", "Целиноградский район", "Tselinograd District"),
  district("akmola", "shortandy", "116800000", "Шортанды ауданы", "Шортандинский район", "Shortandy District"),
  city("akmola", "kokshetau", "111000000", "Көкшетау қаласы", "город Кокшетау", "Kokshetau"),
  city("akmola", "stepnogorsk", "111800000", "Степногорск қаласы", "город Степногорск", "Stepnogorsk"),
  city("akmola", "kosshy", "111600000", "Қосшы қаласы", "город Косшы", "Kosshy"),

  // Kostanay oblast: only the district whose library system held the «Бірыңғай күн» (003).
  {
    key: "kostanay",
    parent: "kazakhstan",
    kind: "oblast",
    kato: "390000000",
    name: t("Қостанай облысы", "Костанайская область", "Kostanay Region"),
  },
  district("kostanay", "altynsarin", "393200000", "Алтынсарин ауданы", "Алтынсаринский район", "Altynsarin District"),

  // Blagoveshchensk (002): users outside Kazakhstan, with no KATO code at all.
  { key: "russia", parent: null, kind: "country", kato: null, name: t("Ресей", "Россия", "Russia") },
  {
    key: "russia.amur",
    parent: "russia",
    kind: "oblast",
    kato: null,
    name: t("Амур облысы", "Амурская область", "Amur Oblast"),
  },
  city("russia.amur", "blagoveshchensk", null, "Благовещенск қаласы", "город Благовещенск", "Blagoveshchensk"),
];

const byKey = new Map(TERRITORIES.map((row) => [row.key, row]));

/** The name of a territory of the table, for the narratives of generated entries. */
export function territoryName(key: string): LocalizedText {
  const row = byKey.get(key);
  if (!row) throw new Error(`Demo data: unknown territory «${key}»`);
  return row.name;
}

/** The keys of a territory's children, in the order of the table. */
export function childrenOf(parent: string, kind?: TerritoryKind): string[] {
  return TERRITORIES.filter((row) => row.parent === parent && (!kind || row.kind === kind)).map((row) => row.key);
}

/** Inserts the tree a level at a time (a row's path is built from its parent's); returns key → id. */
export async function insertTerritories(trx: Transaction<Database>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let pending = TERRITORIES;
  while (pending.length > 0) {
    const ready = pending.filter((row) => row.parent === null || ids.has(row.parent));
    if (ready.length === 0) throw new Error("Demo data: the territory table has a row whose parent is missing");
    const inserted = await trx
      .insertInto("territory")
      .values(
        ready.map((row) => ({
          parent_id: row.parent === null ? null : ids.get(row.parent)!,
          kind: row.kind,
          kato_code: row.kato,
          name: json(row.name),
        })),
      )
      .returning(["id", "parent_id", "name"])
      .execute();
    for (const row of ready) {
      const parentId = row.parent === null ? null : ids.get(row.parent)!;
      const match = inserted.find((r) => r.parent_id === parentId && r.name.ru === row.name.ru);
      if (!match) throw new Error(`Demo data: territory «${row.key}» was not inserted`);
      ids.set(row.key, match.id);
    }
    pending = pending.filter((row) => !ready.includes(row));
  }
  return ids;
}
