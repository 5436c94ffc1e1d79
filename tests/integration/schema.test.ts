import { sql, type Kysely, type Migration } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import { migrateToLatest, MigrationError } from "~db/migrate";
import { migrations } from "~db/migrations";
import type { Database } from "~db/schema";
import { createWorld, localized, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

type Columns = { [Table in keyof Database]: ReadonlyArray<keyof Database[Table]> };
// Every column of db/schema.ts, listed once more so that the test can compare them with the database.
// `satisfies` plus the Exhaustive check below make a column missing from either list a type error.
const columns = {
  territory: ["id", "parent_id", "kind", "kato_code", "name", "path", "version", "created_at", "updated_at"],
  territory_boundary: [
    "id",
    "territory_id",
    "version",
    "geometry",
    "file_name",
    "vertex_count",
    "uploaded_by",
    "created_at",
  ],
  department: ["id", "territory_id", "name", "head_name", "head_title", "version", "created_at", "updated_at"],
  app_user: [
    "id",
    "login",
    "display_name",
    "email",
    "password_hash",
    "locale",
    "is_active",
    "password_changed_at",
    "version",
    "created_at",
    "updated_at",
    "title",
  ],
  council: ["id", "territory_id", "title", "organisation", "version", "created_at", "updated_at"],
  council_scope: ["id", "council_id", "road_map_id", "section_id"],
  role_assignment: [
    "id",
    "user_id",
    "role",
    "department_id",
    "council_id",
    "territory_id",
    "council_position",
    "version",
    "created_at",
    "updated_at",
  ],
  programme: [
    "id",
    "title",
    "owner",
    "description",
    "start_year",
    "end_year",
    "status",
    "rag_green",
    "rag_amber",
    "public_page",
    "public_sections",
    "public_territories",
    "public_measures",
    "version",
    "created_at",
    "updated_at",
  ],
  programme_status_change: [
    "id",
    "programme_id",
    "from_status",
    "to_status",
    "changed_on",
    "changed_by",
    "note",
    "created_at",
  ],
  road_map: ["id", "programme_id", "territory_id", "title", "approved_on", "version", "created_at", "updated_at"],
  section: ["id", "road_map_id", "parent_id", "number", "title", "position", "version", "created_at", "updated_at"],
  measure: [
    "id",
    "road_map_id",
    "section_id",
    "number",
    "title",
    "completion_form",
    "unit",
    "responsible_department_id",
    "territory_id",
    "deadline",
    "funding_source",
    "planned_funding",
    "weight",
    "control_state",
    "removed_on",
    "removed_reason",
    "version",
    "created_at",
    "updated_at",
    "deadline_text",
    "deadline_recurrence",
    "share_of_base",
    "base_label",
    "narrative_public",
  ],
  measure_co_executor: ["measure_id", "department_id"],
  measure_deadline_change: [
    "id",
    "measure_id",
    "previous_deadline",
    "new_deadline",
    "reason",
    "changed_by",
    "changed_at",
    "changed_on",
  ],
  measure_control_change: ["id", "measure_id", "control_state", "changed_on", "reason", "changed_by", "changed_at"],
  measure_weight_change: [
    "id",
    "measure_id",
    "previous_weight",
    "new_weight",
    "changed_on",
    "changed_by",
    "changed_at",
  ],
  measure_term: ["measure_id", "valid_from", "valid_until", "deadline", "weight", "removed"],
  measure_plan: [
    "id",
    "measure_id",
    "territory_id",
    "year",
    "quarter",
    "planned",
    "ends_on",
    "version",
    "created_at",
    "updated_at",
    "base",
  ],
  progress_entry: [
    "id",
    "measure_id",
    "territory_id",
    "entry_date",
    "value",
    "people_reached",
    "narrative",
    "evidence_links",
    "behind_reason",
    "author_id",
    "year",
    "quarter",
    "version",
    "created_at",
    "updated_at",
    "import_batch_id",
    "source_key",
    "base",
  ],
  evidence_file: [
    "id",
    "entry_id",
    "measure_id",
    "storage_key",
    "has_thumbnail",
    "file_name",
    "media_type",
    "byte_size",
    "sha256",
    "uploaded_by",
    "created_at",
  ],
  evidence_pending: [
    "id",
    "uploaded_by",
    "storage_key",
    "has_thumbnail",
    "file_name",
    "media_type",
    "byte_size",
    "sha256",
    "created_at",
  ],
  department_report: [
    "id",
    "road_map_id",
    "department_id",
    "year",
    "quarter",
    "status",
    "submitted_at",
    "submitted_by",
    "reviewed_at",
    "reviewed_by",
    "review_comment",
    "version",
    "created_at",
    "updated_at",
  ],
  reporting_period: [
    "id",
    "road_map_id",
    "territory_id",
    "year",
    "quarter",
    "status",
    "changed_by",
    "reason",
    "version",
    "created_at",
    "updated_at",
  ],
  kpi_indicator: [
    "id",
    "code",
    "title",
    "description",
    "unit",
    "direction",
    "category",
    "rag_green",
    "rag_amber",
    "source",
    "road_map_id",
    "version",
    "created_at",
    "updated_at",
    "share_of_base",
  ],
  kpi_indicator_measure: ["indicator_id", "measure_id"],
  kpi_target: [
    "id",
    "indicator_id",
    "territory_id",
    "year",
    "quarter",
    "target",
    "weight",
    "version",
    "created_at",
    "updated_at",
    "base",
  ],
  kpi_actual: [
    "id",
    "indicator_id",
    "territory_id",
    "year",
    "quarter",
    "actual",
    "comment",
    "source_url",
    "entered_by",
    "version",
    "created_at",
    "updated_at",
    "base",
  ],
  meeting: [
    "id",
    "council_id",
    "number",
    "meeting_date",
    "place",
    "chair_name",
    "status",
    "as_of",
    "include_current_quarter",
    "frozen_at",
    "version",
    "created_at",
    "updated_at",
  ],
  meeting_attendee: ["id", "meeting_id", "user_id", "full_name", "position", "kind"],
  agenda_item: [
    "id",
    "meeting_id",
    "position",
    "title",
    "speaker_name",
    "speaker_position",
    "heard",
    "spoke",
    "decided",
    "version",
    "created_at",
    "updated_at",
  ],
  agenda_item_link: ["id", "agenda_item_id", "section_id", "measure_id", "indicator_id"],
  meeting_snapshot: ["id", "meeting_id", "agenda_item_id", "as_of", "frozen_at", "figures"],
  decision: [
    "id",
    "meeting_id",
    "agenda_item_id",
    "kind",
    "body",
    "responsible_department_id",
    "deadline",
    "status",
    "closed_on",
    "version",
    "created_at",
    "updated_at",
  ],
  decision_measure: ["decision_id", "measure_id"],
  decision_follow_up: ["id", "decision_id", "note", "author_id", "created_at"],
  road_map_revision: ["road_map_id", "revision"],
  import_batch: [
    "id",
    "kind",
    "road_map_id",
    "department_id",
    "file_name",
    "file_sha256",
    "summary",
    "created_by",
    "created_at",
  ],
  form_submission: ["key", "user_id", "outcome", "created_at"],
  uploaded_file: ["id", "purpose", "file_name", "content", "sha256", "uploaded_by", "created_at"],
  user_session: ["id", "token_hash", "user_id", "created_at", "last_seen_at", "user_agent"],
  sign_in_failure: ["key", "failures", "last_failed_at"],
  account_token: ["id", "purpose", "user_id", "token_hash", "email", "created_at", "expires_at", "used_at"],
  api_token: [
    "id",
    "name",
    "token_prefix",
    "token_hash",
    "role",
    "department_id",
    "council_id",
    "territory_id",
    "council_position",
    "expires_at",
    "created_by",
    "revoked_at",
    "revoked_by",
    "version",
    "created_at",
    "updated_at",
  ],
  api_call: ["id", "token_id", "method", "path", "status", "called_at"],
  api_rate_window: ["token_id", "window_start", "calls"],
  notification: ["id", "user_id", "kind", "subject", "occurrence", "params", "link", "created_at", "read_at"],
  notification_mail: [
    "id",
    "notification_id",
    "status",
    "attempts",
    "next_attempt_at",
    "claimed_until",
    "last_error",
    "created_at",
    "sent_at",
  ],
  notification_preference: ["id", "user_id", "kind", "email", "updated_at"],
  audit_log: [
    "id",
    "occurred_at",
    "actor_id",
    "action",
    "table_name",
    "row_id",
    "parent_table",
    "parent_id",
    "before",
    "after",
    "reason",
  ],
} as const satisfies Columns;
type Exhaustive = { [T in keyof Database]: Exclude<keyof Database[T], (typeof columns)[T][number]> }[keyof Database];
const exhaustive: [Exhaustive] extends [never] ? true : Exhaustive = true;

/** The error a database refused a statement with: its SQLSTATE. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error("the statement was accepted");
}

describe(`schema on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const connection = await createTestDatabase();
    db = connection.db;
    close = connection.close;
    world = await createWorld(db);
  });
  afterAll(() => close());

  it("has exactly the tables and columns of db/schema.ts", async () => {
    expect(exhaustive).toBe(true);
    const tables = await db.introspection.getTables();
    const actual = Object.fromEntries(
      tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    );
    const expected = Object.fromEntries(Object.entries(columns).map(([table, names]) => [table, [...names].sort()]));
    expect(actual).toEqual(expected);
  });

  describe("the audit log", () => {
    it("records every write with its actor, before and after", async () => {
      await withActor(
        db,
        world.editorId,
        (trx) => trx.updateTable("measure").set({ weight: 2 }).where("id", "=", world.measureId).execute(),
        { reason: "priority raised" },
      );
      const row = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("table_name", "=", "measure")
        .where("action", "=", "update")
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        actor_id: world.editorId,
        row_id: world.measureId,
        parent_table: "road_map",
        parent_id: world.roadMapId,
        reason: "priority raised",
      });
      expect(row.before).toMatchObject({ weight: 1, version: 1 });
      expect(row.after).toMatchObject({ weight: 2, version: 2 });
    });

    it("never holds a password hash", async () => {
      const rows = await db.selectFrom("audit_log").select("after").where("table_name", "=", "app_user").execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.after).not.toHaveProperty("password_hash");
    });

    it("refuses a write made without an actor", async () => {
      expect(
        await refusal(db.updateTable("measure").set({ weight: 3 }).where("id", "=", world.measureId).execute()),
      ).toBe("OR002");
    });

    it("refuses UPDATE, DELETE and TRUNCATE, even in the system's name", async () => {
      expect(
        await refusal(
          withActor(db, "system", (trx) => trx.updateTable("audit_log").set({ reason: "rewritten" }).execute()),
        ),
      ).toBe("OR003");
      expect(await refusal(withActor(db, "system", (trx) => trx.deleteFrom("audit_log").execute()))).toBe("OR003");
      expect(await refusal(sql`TRUNCATE audit_log`.execute(db))).toBe("OR003");
      const { count } = await db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBeGreaterThan(0);
    });
  });

  describe("keys and checks", () => {
    const system = <T>(work: (trx: Parameters<Parameters<typeof withActor<T>>[2]>[0]) => Promise<T>) =>
      refusal(withActor(db, "system", work));

    it("refuses a duplicate login, measure number or quarterly plan", async () => {
      expect(
        await system((trx) =>
          trx.insertInto("app_user").values({ login: "editor", display_name: "Again", password_hash: "x" }).execute(),
        ),
      ).toBe("23505");
      expect(
        await system((trx) =>
          trx
            .insertInto("measure")
            .values({
              road_map_id: world.roadMapId,
              section_id: world.sectionId,
              number: "2.1",
              title: localized("Қайта"),
              unit: "event",
              responsible_department_id: world.departmentId,
              territory_id: world.cityId,
              deadline: "2027-12-25",
            })
            .execute(),
        ),
      ).toBe("23505");
      const planRow = { measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 1, planned: 5 };
      await withActor(db, "system", (trx) => trx.insertInto("measure_plan").values(planRow).execute());
      expect(await system((trx) => trx.insertInto("measure_plan").values(planRow).execute())).toBe("23505");
    });

    it("refuses references to rows that do not exist", async () => {
      expect(
        await system((trx) =>
          trx
            .insertInto("progress_entry")
            .values({
              measure_id: 999_999,
              territory_id: world.cityId,
              entry_date: "2024-01-10",
              value: 1,
              author_id: world.editorId,
            })
            .execute(),
        ),
      ).toBe("23503");
      expect(
        await system((trx) =>
          trx
            .insertInto("role_assignment")
            .values({ user_id: world.editorId, role: "editor", department_id: 999_999 })
            .execute(),
        ),
      ).toBe("23503");
    });

    it("refuses negative quantities, impossible quarters, empty text and roles without their scope", async () => {
      const entry = {
        measure_id: world.measureId,
        territory_id: world.cityId,
        entry_date: "2024-01-10",
        value: 1,
        author_id: world.editorId,
      };
      expect(
        await system((trx) =>
          trx
            .insertInto("progress_entry")
            .values({ ...entry, value: -1 })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("progress_entry")
            .values({ ...entry, people_reached: -5 })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("progress_entry")
            .values({ ...entry, narrative: JSON.stringify({ kk: "  " }) })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("progress_entry")
            .values({ ...entry, narrative: JSON.stringify({ de: "Text" }) })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("measure_plan")
            .values({ measure_id: world.measureId, territory_id: world.cityId, year: 2024, quarter: 5, planned: 1 })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx.insertInto("role_assignment").values({ user_id: world.editorId, role: "akim" }).execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("role_assignment")
            .values({ user_id: world.editorId, role: "admin", department_id: world.departmentId })
            .execute(),
        ),
      ).toBe("23514");
      expect(
        await system((trx) =>
          trx
            .insertInto("programme")
            .values({ title: localized("P"), start_year: 2027, end_year: 2023 })
            .execute(),
        ),
      ).toBe("23514");
    });

    it("keeps a measure's shares inside its territory", async () => {
      const elsewhere = await withActor(db, "system", (trx) =>
        trx
          .insertInto("territory")
          .values({ kind: "oblast", parent_id: world.countryId, name: localized("Қарағанды облысы") })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      expect(
        await system((trx) =>
          trx
            .insertInto("measure_plan")
            .values({ measure_id: world.measureId, territory_id: elsewhere.id, year: 2025, quarter: 1, planned: 1 })
            .execute(),
        ),
      ).toBe("OR006");
      await withActor(db, "system", (trx) =>
        trx
          .insertInto("measure_plan")
          .values({
            measure_id: world.measureId,
            territory_id: world.districtIds[0],
            year: 2025,
            quarter: 1,
            planned: 1,
          })
          .execute(),
      );
    });

    it("nests sections one level at most", async () => {
      const child = await withActor(db, "system", (trx) =>
        trx
          .insertInto("section")
          .values({ road_map_id: world.roadMapId, parent_id: world.sectionId, number: "2.1", title: localized("Бала") })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      expect(
        await system((trx) =>
          trx
            .insertInto("section")
            .values({ road_map_id: world.roadMapId, parent_id: child.id, number: "2.1.1", title: localized("Немере") })
            .execute(),
        ),
      ).toBe("OR005");
    });

    it("keeps each territory's path from the root, also when a subtree moves", async () => {
      const districts = await db
        .selectFrom("territory")
        .select(["id", "path"])
        .where("id", "in", world.districtIds)
        .orderBy("id")
        .execute();
      expect(districts.map((d) => d.path)).toEqual(world.districtIds.map((id) => [world.countryId, world.cityId, id]));
      expect(
        await system((trx) =>
          trx
            .updateTable("territory")
            .set({ parent_id: world.districtIds[0] })
            .where("id", "=", world.cityId)
            .execute(),
        ),
      ).toBe("OR004");
    });
  });

  describe("a closed quarter", () => {
    it("refuses to add, change or delete an entry dated inside it, for every actor", async () => {
      const entry = await withActor(db, world.editorId, (trx) =>
        trx
          .insertInto("progress_entry")
          .values({
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: "2023-05-10",
            value: 2,
            author_id: world.editorId,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      await withActor(db, "system", (trx) =>
        trx
          .insertInto("reporting_period")
          .values({ road_map_id: world.roadMapId, year: 2023, quarter: 2, status: "closed" })
          .execute(),
      );

      for (const actor of [world.editorId, "system" as const]) {
        expect(
          await refusal(
            withActor(db, actor, (trx) =>
              trx
                .insertInto("progress_entry")
                .values({
                  measure_id: world.measureId,
                  territory_id: world.cityId,
                  entry_date: "2023-06-30",
                  value: 1,
                  author_id: world.editorId,
                })
                .execute(),
            ),
          ),
        ).toBe("OR001");
        expect(
          await refusal(
            withActor(db, actor, (trx) =>
              trx.updateTable("progress_entry").set({ value: 3 }).where("id", "=", entry.id).execute(),
            ),
          ),
        ).toBe("OR001");
        expect(
          await refusal(
            withActor(db, actor, (trx) =>
              trx.updateTable("progress_entry").set({ entry_date: "2023-07-01" }).where("id", "=", entry.id).execute(),
            ),
          ),
        ).toBe("OR001");
        expect(
          await refusal(
            withActor(db, actor, (trx) => trx.deleteFrom("progress_entry").where("id", "=", entry.id).execute()),
          ),
        ).toBe("OR001");
      }
      // Moving an entry into the closed quarter is refused too; the next quarter stays open.
      const open = await withActor(db, world.editorId, (trx) =>
        trx
          .insertInto("progress_entry")
          .values({
            measure_id: world.measureId,
            territory_id: world.cityId,
            entry_date: "2023-07-01",
            value: 1,
            author_id: world.editorId,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      expect(
        await refusal(
          withActor(db, world.editorId, (trx) =>
            trx.updateTable("progress_entry").set({ entry_date: "2023-06-01" }).where("id", "=", open.id).execute(),
          ),
        ),
      ).toBe("OR001");
      const stored = await db
        .selectFrom("progress_entry")
        .select(["value", "entry_date"])
        .where("id", "=", entry.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ value: 2, entry_date: "2023-05-10" });
    });
  });
});

describe(`migrations on ${engineName}`, () => {
  it("leave the database as it was when one of them fails", async () => {
    const { db, close } = await createTestDatabase();
    try {
      const broken: Record<string, Migration> = {
        ...migrations,
        "2099-01-01T0000-creates-then-fails": {
          async up(trx: Kysely<unknown>) {
            await sql`CREATE TABLE half_done (id int)`.execute(trx);
            await sql`INSERT INTO no_such_table VALUES (1)`.execute(trx);
          },
        },
      };
      await expect(migrateToLatest(db, broken)).rejects.toBeInstanceOf(MigrationError);
      const tables = (await db.introspection.getTables()).map((table) => table.name);
      expect(tables).not.toContain("half_done");
      expect(tables).toContain("measure");
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
      expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
    } finally {
      await close();
    }
  });

  it("can start twice at once", async () => {
    const { db, close } = await createTestDatabase();
    try {
      await sql`DROP SCHEMA public CASCADE`.execute(db);
      await sql`CREATE SCHEMA public`.execute(db);
      const results = await Promise.all([migrateToLatest(db), migrateToLatest(db)]);
      expect(results.flatMap((result) => result ?? []).filter((r) => r.status === "Success")).toHaveLength(
        Object.keys(migrations).length,
      );
    } finally {
      await close();
    }
  });
});
