import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import { openDatabase, type DatabaseConnection } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { migrations } from "~db/migrations";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { saveUser } from "~/domain/admin/users.server";
import { StaleEdit, RefusedWrite } from "~/domain/editing/write-errors";
import { runMeetingIntent } from "~/domain/meetings/meeting-action.server";
import { meetingView } from "~/domain/meetings/meeting-view.server";
import { createMeeting } from "~/domain/meetings/meetings.server";
import { plainText } from "~/i18n/locales";
import { meetingIntentSchema } from "~/domain/meetings/schemas";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2024-11-22";
const TIME_ZONE = "Asia/Almaty";
const PERSON_TITLE = "2026-12-03T0800-person-title";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

/** An empty database on the engine under test, for migrating step by step. */
async function emptyDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory://" });
  const name = `${process.env.TEST_DATABASE_PREFIX ?? "oryndau_test"}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ pgliteDir: "", databaseUrl: url.toString(), poolSize: 2 });
  return {
    ...connection,
    async close() {
      await connection.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe(`one language per page on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let secretary: Principal;
  let admin: Principal;
  let councilId: number;

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const ids = await withActor(db, "system", async (trx) => {
      const council = await trx
        .insertInto("council")
        .values({ territory_id: world.cityId, title: localized("«Miras» аймақтық кеңесі", "Совет «Miras»") })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("council_scope").values({ council_id: council.id, road_map_id: world.roadMapId }).execute();
      const [sec, adm] = await trx
        .insertInto("app_user")
        .values([
          {
            login: "secretary",
            display_name: "Дана Серікқызы",
            title: JSON.stringify({ kk: "Кеңес хатшысы", ru: "Секретарь совета" }),
            password_hash: "x",
          },
          { login: "admin", display_name: "Дәурен Сапарбеков", password_hash: "x" },
        ])
        .returning("id")
        .execute();
      await trx
        .insertInto("role_assignment")
        .values([
          { user_id: sec!.id, role: "council", council_id: council.id, council_position: "secretary" },
          { user_id: adm!.id, role: "admin" },
        ])
        .execute();
      return { councilId: council.id, secretaryId: sec!.id, adminId: adm!.id };
    });
    councilId = ids.councilId;
    secretary = (await loadPrincipal(db, ids.secretaryId))!;
    admin = (await loadPrincipal(db, ids.adminId))!;
  });

  afterAll(() => close());

  /** A meeting page's form, parsed as the action parses it, then carried out. */
  async function post(meetingId: number, form: Record<string, string | string[]>) {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) {
      for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
    }
    const parsed = meetingIntentSchema.safeParse(
      Object.fromEntries([...data.keys()].map((k) => [k, k === "links" ? data.getAll(k) : data.get(k)])),
    );
    if (!parsed.success) throw new Error(parsed.error.message);
    await runMeetingIntent(db, secretary, meetingId, parsed.data, TODAY);
  }

  const view = (meetingId: number, locale: "kk" | "ru") =>
    meetingView(db, secretary, meetingId, locale, TODAY, TIME_ZONE);

  it("the migration keeps every user and adds a post that holds only text per language", async () => {
    const fresh = await emptyDatabase();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < PERSON_TITLE));
      await migrateToLatest(fresh.db, before);
      await withActor(fresh.db, "system", (trx) =>
        trx.insertInto("app_user").values({ login: "old", display_name: "Бұрынғы есім", password_hash: "x" }).execute(),
      );
      await migrateToLatest(fresh.db);
      const user = await fresh.db
        .selectFrom("app_user")
        .select(["login", "display_name", "title"])
        .executeTakeFirstOrThrow();
      expect(user).toEqual({ login: "old", display_name: "Бұрынғы есім", title: null });
      const refused = await thrown(
        withActor(fresh.db, "system", (trx) =>
          trx
            .updateTable("app_user")
            .set({ title: JSON.stringify({ de: "Sekretär" }) })
            .execute(),
        ),
      );
      expect((refused as { code?: string }).code).toBe("23514");
    } finally {
      await fresh.close();
    }
  });

  it("an administrator saves a person's name and, apart, their post in kk and ru", async () => {
    const { version } = await db
      .selectFrom("app_user")
      .select("version")
      .where("id", "=", secretary.id)
      .executeTakeFirstOrThrow();
    await saveUser(db, admin, secretary.id, {
      intent: "save-user",
      version,
      displayName: "Дана Серікқызы",
      titleKk: "«Miras» кеңесінің хатшысы",
      titleRu: "Секретарь совета «Miras»",
      locale: "kk",
      isActive: true,
    });
    const user = await db
      .selectFrom("app_user")
      .select(["display_name", "title"])
      .where("id", "=", secretary.id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({
      display_name: "Дана Серікқызы",
      title: { kk: "«Miras» кеңесінің хатшысы", ru: "Секретарь совета «Miras»" },
    });
  });

  it("the Russian minutes show the Russian place and posts, mark what has no Russian, and are signed by name", async () => {
    const meetingId = await createMeeting(db, secretary, councilId, {
      meetingDate: "2024-11-14",
      asOf: "2024-10-31",
      placeKk: "Шымкент қ., мәжіліс залы",
      placeRu: "г. Шымкент, зал заседаний",
    });
    await post(meetingId, {
      intent: "add-agenda-item",
      titleKk: "Жастар саласы туралы",
      titleRu: "О молодёжной сфере",
      speakerName: "Айгерім Жұмақұлова",
      speakerPositionKk: "Басқарма басшысы",
      speakerPositionRu: "Руководитель управления",
      links: [`section:${world.sectionId}`],
    });
    await post(meetingId, {
      intent: "add-agenda-item",
      titleKk: "Мәдениет саласы туралы",
      speakerName: "Бауыржан Орынтаев",
      speakerPositionKk: "Мәдениет басқармасының басшысы",
      links: [`measure:${world.measureId}`],
    });
    const ru = await view(meetingId, "ru");
    expect(ru.meeting.place).toEqual({ text: "г. Шымкент, зал заседаний", locale: "ru", fellBack: false });
    expect(ru.meeting.secretaryName).toBe("Дана Серікқызы");
    expect(ru.attendees.find((a) => a.name === "Дана Серікқызы")?.position?.text).toBe("Секретарь совета «Miras»");
    const [first, second] = ru.agenda;
    expect(first!.speakerPosition).toEqual({ text: "Руководитель управления", locale: "ru", fellBack: false });
    expect(second!.speakerPosition).toEqual({ text: "Мәдениет басқармасының басшысы", locale: "kk", fellBack: true });
    // The generated minutes say in words that the post is in Kazakh.
    expect(second!.protocol.heard).toContain("Мәдениет басқармасының басшысы (каз.)");
    const kk = await view(meetingId, "kk");
    expect(kk.meeting.place?.text).toBe("Шымкент қ., мәжіліс залы");
  });

  it("moves an agenda item up and down, refuses a stale move and one past the end, and audits each move", async () => {
    const meetingId = await createMeeting(db, secretary, councilId, { meetingDate: "2024-11-28", asOf: "2024-10-31" });
    for (const title of ["Бірінші", "Екінші", "Үшінші"]) {
      await post(meetingId, { intent: "add-agenda-item", titleKk: title, links: [`section:${world.sectionId}`] });
    }
    const order = async () => (await view(meetingId, "kk")).agenda.map((item) => plainText(item.title));
    const items = (await view(meetingId, "kk")).agenda;
    const third = items[2]!;
    await post(meetingId, {
      intent: "move-agenda-item",
      agendaItemId: String(third.id),
      version: String(third.version),
      direction: "up",
    });
    expect(await order()).toEqual(["Бірінші", "Үшінші", "Екінші"]);

    // A second secretary's form still carries the old version: nothing moves.
    const stale = await thrown(
      post(meetingId, {
        intent: "move-agenda-item",
        agendaItemId: String(third.id),
        version: String(third.version),
        direction: "up",
      }),
    );
    expect(stale).toBeInstanceOf(StaleEdit);
    expect(await order()).toEqual(["Бірінші", "Үшінші", "Екінші"]);

    const first = (await view(meetingId, "kk")).agenda[0]!;
    const pastTop = await thrown(
      post(meetingId, {
        intent: "move-agenda-item",
        agendaItemId: String(first.id),
        version: String(first.version),
        direction: "up",
      }),
    );
    expect(pastTop instanceof RefusedWrite && pastTop.messageKey).toBe("oneLanguage.agenda.cannotMove");
    await post(meetingId, {
      intent: "move-agenda-item",
      agendaItemId: String(first.id),
      version: String(first.version),
      direction: "down",
    });
    expect(await order()).toEqual(["Үшінші", "Бірінші", "Екінші"]);

    const audited = await db
      .selectFrom("audit_log")
      .select(["row_id", "actor_id"])
      .where("table_name", "=", "agenda_item")
      .where("action", "=", "update")
      .where(
        "row_id",
        "in",
        items.map((item) => item.id),
      )
      .execute();
    expect(audited).toHaveLength(4);
    expect(new Set(audited.map((row) => row.actor_id))).toEqual(new Set([secretary.id]));
  });
});
