import type { Transaction } from "kysely";
import type { CouncilPosition, Database, Locale, LocalizedText, Role } from "../schema";
import { hashPassword } from "~/domain/auth/password.server";

// The demo accounts. Every one has the same password; the README lists them.

export const DEMO_PASSWORD = "oryndau-demo";

/** Every demo account's address: <login>@ this domain, so that notification mail has somewhere to go. */
export const DEMO_EMAIL_DOMAIN = "demo.oryndau.example";

export interface DemoAccount {
  login: string;
  role: Role;
  /** As the person writes their own name: documents are signed with it. */
  displayName: string;
  /** The person's post, in Kazakh and Russian. */
  title?: LocalizedText;
  locale: Locale;
  /** What the account may see and do, in English (README, tests). */
  scope: string;
  /** Where the role applies, as keys of the seed's tables. */
  department?: string;
  council?: "miras";
  councilPosition?: CouncilPosition;
  territory?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    login: "admin",
    role: "admin",
    displayName: "Дәурен Сапарбеков",
    title: { kk: "Жүйе әкімшісі", ru: "Администратор системы", en: "System administrator" },
    locale: "kk",
    scope: "Everything: programmes, road maps, users, reporting periods",
  },
  {
    login: "zhumakulova",
    role: "editor",
    displayName: "Айгерім Жұмақұлова",
    title: {
      kk: "Ішкі саясат және жастар істері басқармасының басшысы",
      ru: "Руководитель управления внутренней политики и по делам молодёжи",
    },
    locale: "kk",
    scope: "Editor for the Shymkent Department of Internal Policy and Youth Affairs",
    department: "shymkent.youth",
  },
  {
    login: "oryntaev",
    role: "editor",
    displayName: "Бауыржан Орынтаев",
    title: {
      kk: "Мәдениет, тілдерді дамыту және архивтер басқармасының басшысы",
      ru: "Руководитель управления культуры, развития языков и архивов",
    },
    locale: "kk",
    scope: "Editor for the Shymkent Department of Culture, Language Development and Archives",
    department: "shymkent.culture",
  },
  {
    login: "miras.secretary",
    role: "council",
    displayName: "Дана Серікқызы",
    title: { kk: "«Miras» аймақтық кеңесінің хатшысы", ru: "Секретарь регионального совета «Miras»" },
    locale: "kk",
    scope:
      "Secretary of the «Miras» regional council: the culture, youth and religion sections of the Shymkent road map",
    council: "miras",
    councilPosition: "secretary",
  },
  {
    login: "abdiakimuly",
    role: "council",
    displayName: "Момбек Әбдіәкімұлы",
    title: { kk: "«Miras» аймақтық кеңесінің төрағасы", ru: "Председатель регионального совета «Miras»" },
    locale: "kk",
    scope: "Chair of the «Miras» regional council: the culture, youth and religion sections of the Shymkent road map",
    council: "miras",
    councilPosition: "chair",
  },
  {
    login: "akim.karaganda",
    role: "akim",
    displayName: "Ермағанбет Бөлекпаев",
    title: { kk: "Қарағанды облысының әкімі", ru: "Аким Карагандинской области" },
    locale: "kk",
    scope: "Akim of Karaganda Region: its road map and the KPI of its 13 cities and districts",
    territory: "karaganda",
  },
  {
    login: "akim.temirtau",
    role: "akim",
    displayName: "Нурлан Ерденов",
    title: { kk: "Теміртау қаласының әкімі", ru: "Аким города Темиртау" },
    locale: "ru",
    scope: "Akim of Temirtau: Temirtau's share of the Karaganda road map and its KPI",
    territory: "karaganda.temirtau",
  },
  {
    login: "akim.abay",
    role: "akim",
    displayName: "Ерлан Абдраманов",
    title: { kk: "Шымкент қаласы Абай ауданының әкімі", ru: "Аким Абайского района города Шымкента" },
    locale: "kk",
    scope: "Akim of Abay district of Shymkent: the district's share of the Shymkent road map",
    territory: "shymkent.abay",
  },
  {
    login: "ernyiazova",
    role: "editor",
    displayName: "Айсұлу Ерниязова",
    title: { kk: "Жастар саясаты басқармасының маманы", ru: "Специалист управления молодёжной политики" },
    locale: "kk",
    scope: "Editor for the Karaganda Region Youth Policy Department",
    department: "karaganda.youth",
  },
  {
    login: "viewer",
    role: "viewer",
    displayName: "Ainur Kassymova",
    title: { kk: "Сарапшы", ru: "Аналитик", en: "Analyst" },
    locale: "en",
    scope: "Reads every road map and dashboard; changes nothing",
  },
];

/** The accounts themselves; their roles come later, once departments and councils exist. */
export async function insertUsers(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = [];
  for (const account of DEMO_ACCOUNTS) {
    rows.push({
      login: account.login,
      display_name: account.displayName,
      title: account.title ? JSON.stringify(account.title) : null,
      locale: account.locale,
      email: `${account.login}@${DEMO_EMAIL_DOMAIN}`,
      password_hash: await hashPassword(DEMO_PASSWORD),
    });
  }
  const inserted = await trx.insertInto("app_user").values(rows).returning(["id", "login"]).execute();
  return new Map(inserted.map((row) => [row.login, row.id]));
}

export async function insertRoleAssignments(
  trx: Transaction<Database>,
  ids: {
    user(login: string): number;
    department(key: string): number;
    territory(key: string): number;
    council(key: "miras"): number;
  },
): Promise<void> {
  await trx
    .insertInto("role_assignment")
    .values(
      DEMO_ACCOUNTS.map((account) => ({
        user_id: ids.user(account.login),
        role: account.role,
        department_id: account.department ? ids.department(account.department) : null,
        council_id: account.council ? ids.council(account.council) : null,
        council_position: account.councilPosition ?? null,
        territory_id: account.territory ? ids.territory(account.territory) : null,
      })),
    )
    .execute();
}
