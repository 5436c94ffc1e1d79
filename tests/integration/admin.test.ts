import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { ControlInput, MeasureInput, PlansInput, ProgrammeInput, SectionInput } from "~/domain/admin/admin-schema";
import { listTerritories, saveDepartment, saveTerritory } from "~/domain/admin/directory.server";
import { changeControl, measureForEditing, saveMeasure, savePlans } from "~/domain/admin/measures.server";
import { changeProgrammeStatus, saveProgramme, saveRoadMap } from "~/domain/admin/programmes.server";
import { deleteSection, moveSection, roadMapStructure, saveSection } from "~/domain/admin/structure.server";
import {
  addRole,
  changeOwnPassword,
  createUser,
  removeRole,
  resetPassword,
  saveUser,
} from "~/domain/admin/users.server";
import { measureHistory } from "~/domain/audit/history.server";
import type { Principal } from "~/domain/auth/access";
import { hashPassword, verifyPassword } from "~/domain/auth/password.server";
import { loadPrincipal } from "~/domain/auth/principal.server";
import { RefusedWrite, StaleEdit } from "~/domain/editing/write-errors";
import { DEFAULT_THRESHOLDS } from "~/domain/execution/execution";
import { itemExecution } from "~/domain/execution/execution.server";
import { createWorld, type World } from "../fixtures/world";
import { createTestDatabase, engineName } from "./test-database";

const TODAY = "2026-11-30";

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the write was accepted");
}

const status = (error: unknown) => (error instanceof Response ? error.status : error);
const refusal = (error: unknown) =>
  error instanceof RefusedWrite ? { key: error.messageKey, field: error.field } : error;

describe(`administration on ${engineName}`, () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let world: World;
  let admin: Principal;
  let editor: Principal;

  const auditCount = async () =>
    Number(
      (
        await db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const versionOf = async (table: "programme" | "measure" | "section" | "app_user", id: number) =>
    (await db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

  const programmeInput = (overrides: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
    intent: "save-programme",
    titleKk: "Кітапханаларды дамыту стратегиясы",
    titleRu: "Стратегия развития городских библиотек",
    startYear: 2024,
    endYear: 2027,
    ragGreen: 100,
    ragAmber: 80,
    ...overrides,
  });

  const measureInput = (overrides: Partial<MeasureInput> = {}): MeasureInput => ({
    intent: "save-measure",
    sectionId: world.sectionId,
    number: "2.9",
    titleKk: "Жастар форумы",
    titleRu: "Молодёжный форум",
    unit: "event",
    responsibleDepartmentId: world.departmentId,
    coExecutorIds: [],
    territoryId: world.cityId,
    deadline: "2025-12-25",
    weight: 1,
    shareOfBase: false,
    ...overrides,
  });

  beforeAll(async () => {
    ({ db, close } = await createTestDatabase());
    world = await createWorld(db);
    const adminId = await withActor(db, "system", async (trx) => {
      const user = await trx
        .insertInto("app_user")
        .values({ login: "admin", display_name: "Әкімші", password_hash: await hashPassword("old-password") })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("role_assignment").values({ user_id: user.id, role: "admin" }).execute();
      return user.id;
    });
    admin = (await loadPrincipal(db, adminId))!;
    editor = (await loadPrincipal(db, world.editorId))!;
  });
  afterAll(() => close());

  it("refuses every administration write from a non-admin, and writes nothing", async () => {
    const before = await auditCount();
    const measureVersion = await versionOf("measure", world.measureId);
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ["create programme", () => saveProgramme(db, editor, programmeInput(), TODAY)],
      [
        "change status",
        () =>
          changeProgrammeStatus(db, editor, world.programmeId, {
            intent: "change-status",
            version: 1,
            toStatus: "under_approval",
            changedOn: TODAY,
          }),
      ],
      [
        "road map",
        () =>
          saveRoadMap(db, editor, world.programmeId, {
            intent: "save-road-map",
            territoryId: world.districtIds[0],
            titleKk: "Абай",
          }),
      ],
      ["section", () => saveSection(db, editor, world.roadMapId, { intent: "save-section", titleKk: "Мәдениет" })],
      ["move section", () => moveSection(db, editor, world.roadMapId, world.sectionId, 1, "down")],
      ["delete section", () => deleteSection(db, editor, world.roadMapId, world.sectionId, 1)],
      ["create measure", () => saveMeasure(db, editor, world.roadMapId, measureInput(), "2026-12-01")],
      [
        "edit measure",
        () =>
          saveMeasure(
            db,
            editor,
            world.roadMapId,
            measureInput({ measureId: world.measureId, version: measureVersion, number: "2.1" }),
            "2026-12-01",
          ),
      ],
      [
        "control",
        () =>
          changeControl(db, editor, world.measureId, {
            intent: "remove-from-control",
            version: measureVersion,
            changedOn: TODAY,
            reasonKk: "Себеп",
          }),
      ],
      ["plans", () => savePlans(db, editor, world.measureId, { intent: "save-plans", rows: [] })],
      [
        "department",
        () =>
          saveDepartment(db, editor, { intent: "save-department", territoryId: world.cityId, nameKk: "Жаңа басқарма" }),
      ],
      [
        "territory",
        () =>
          saveTerritory(db, editor, {
            intent: "save-territory",
            parentId: world.cityId,
            kind: "district",
            nameKk: "Жаңа аудан",
          }),
      ],
      [
        "create user",
        () =>
          createUser(db, editor, {
            intent: "create-user",
            login: "intruder",
            displayName: "Intruder",
            locale: "kk",
            password: "long-enough",
            confirm: "long-enough",
          }),
      ],
      [
        "edit user",
        () =>
          saveUser(db, editor, admin.id, {
            intent: "save-user",
            version: 1,
            displayName: "x",
            locale: "kk",
            isActive: false,
          }),
      ],
      ["grant admin to self", () => addRole(db, editor, editor.id, { intent: "add-role", role: "admin" })],
      ["remove role", () => removeRole(db, editor, admin.id, 1, 1)],
      [
        "reset password",
        () =>
          resetPassword(db, editor, admin.id, {
            intent: "reset-password",
            version: 1,
            password: "hijacked-pass",
            confirm: "hijacked-pass",
          }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      expect(status(await thrown(attempt())), name).toBe(403);
    }
    expect(await auditCount()).toBe(before);
  });

  it("creates a programme as a draft and moves it only along allowed steps, each dated and attributed", async () => {
    const id = await saveProgramme(db, admin, programmeInput(), TODAY);
    const change = (toStatus: "under_approval" | "approved" | "in_force" | "completed" | "draft", changedOn: string) =>
      versionOf("programme", id).then((version) =>
        changeProgrammeStatus(db, admin, id, {
          intent: "change-status",
          version,
          toStatus,
          changedOn,
          noteRu: "Решение",
        }),
      );

    expect(refusal(await thrown(change("approved", "2025-01-10")))).toEqual({
      key: "admin.validation.transition",
      field: "toStatus",
    });
    await change("under_approval", "2025-02-01");
    await change("draft", "2025-02-10");
    await change("under_approval", "2025-02-20");
    await change("approved", "2025-03-01");
    await change("in_force", "2025-03-05");
    expect(refusal(await thrown(change("draft", "2025-04-01")))).toMatchObject({ key: "admin.validation.transition" });

    const programme = await db.selectFrom("programme").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(programme.status).toBe("in_force");
    const steps = await db
      .selectFrom("programme_status_change")
      .select(["from_status", "to_status", "changed_on", "changed_by"])
      .where("programme_id", "=", id)
      .orderBy("id")
      .execute();
    expect(steps.map((s) => [s.from_status, s.to_status, s.changed_on])).toEqual([
      [null, "draft", TODAY],
      ["draft", "under_approval", "2025-02-01"],
      ["under_approval", "draft", "2025-02-10"],
      ["draft", "under_approval", "2025-02-20"],
      ["under_approval", "approved", "2025-03-01"],
      ["approved", "in_force", "2025-03-05"],
    ]);
    expect(new Set(steps.map((s) => s.changed_by))).toEqual(new Set([admin.id]));
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "before", "after"])
      .where("table_name", "=", "programme")
      .where("row_id", "=", id)
      .where("action", "=", "update")
      .execute();
    expect(audit).toHaveLength(5);
    expect(audit.every((row) => row.actor_id === admin.id && row.before && row.after)).toBe(true);
  });

  it("refuses a stale edit with what changed and by whom", async () => {
    const id = await saveProgramme(db, admin, programmeInput({ titleKk: "Бастапқы" }), TODAY);
    const opened = await versionOf("programme", id);
    await saveProgramme(db, admin, programmeInput({ programmeId: id, version: opened, titleKk: "Бірінші" }), TODAY);
    const error = await thrown(
      saveProgramme(db, admin, programmeInput({ programmeId: id, version: opened, titleKk: "Екінші" }), TODAY),
    );
    expect(error).toBeInstanceOf(StaleEdit);
    const conflict = (error as StaleEdit).conflict;
    expect(conflict.changedBy).toBe("Әкімші");
    expect(conflict.changes.title).toEqual([
      { kk: "Бастапқы", ru: "Стратегия развития городских библиотек" },
      { kk: "Бірінші", ru: "Стратегия развития городских библиотек" },
    ]);
    const stored = await db.selectFrom("programme").select("title").where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.title.kk).toBe("Бірінші");

    const measureVersion = await versionOf("measure", world.measureId);
    await saveMeasure(
      db,
      admin,
      world.roadMapId,
      measureInput({
        measureId: world.measureId,
        version: measureVersion,
        number: "2.1",
        deadline: "2027-12-25",
        weight: 2,
      }),
      "2026-12-01",
    );
    expect(
      await thrown(
        saveMeasure(
          db,
          admin,
          world.roadMapId,
          measureInput({ measureId: world.measureId, version: measureVersion, number: "2.1", deadline: "2027-12-25" }),
          "2026-12-01",
        ),
      ),
    ).toBeInstanceOf(StaleEdit);
  });

  it("needs a reason to change a deadline and records it in the measure's history", async () => {
    const version = await versionOf("measure", world.measureId);
    const edit = (overrides: Partial<MeasureInput>) =>
      saveMeasure(
        db,
        admin,
        world.roadMapId,
        measureInput({ measureId: world.measureId, version, number: "2.1", ...overrides }),
        "2026-12-05",
      );
    expect(refusal(await thrown(edit({ deadline: "2028-03-31" })))).toEqual({
      key: "admin.validation.deadlineReason",
      field: "deadlineReasonKk",
    });
    expect(await db.selectFrom("measure_deadline_change").selectAll().execute()).toHaveLength(0);

    await edit({ deadline: "2027-06-30", deadlineReasonRu: "Перенос по решению совета" });
    const changes = await db
      .selectFrom("measure_deadline_change")
      .select(["previous_deadline", "new_deadline", "reason", "changed_by"])
      .where("measure_id", "=", world.measureId)
      .execute();
    expect(changes).toEqual([
      {
        previous_deadline: "2027-12-25",
        new_deadline: "2027-06-30",
        reason: { ru: "Перенос по решению совета" },
        changed_by: admin.id,
      },
    ]);
    const { events } = await measureHistory(db, world.measureId);
    const deadlineEvent = events.find((e) => e.table === "measure_deadline_change");
    expect(deadlineEvent?.actor).toBe("Әкімші");
    expect(deadlineEvent?.changes.map((c) => c.field)).toEqual(["previous_deadline", "new_deadline", "reason"]);
    const measureEvent = events.find((e) => e.table === "measure" && e.changes.some((c) => c.field === "deadline"));
    expect(measureEvent?.reason).toBe("Перенос по решению совета");

    // The weight went 1 → 2 on 1 December (the test before) and back to 1 with this edit, on 5 December.
    const weights = await db
      .selectFrom("measure_weight_change")
      .select(["previous_weight", "new_weight", "changed_on"])
      .where("measure_id", "=", world.measureId)
      .orderBy("id")
      .execute();
    expect(weights).toEqual([
      { previous_weight: 1, new_weight: 2, changed_on: "2026-12-01" },
      { previous_weight: 2, new_weight: 1, changed_on: "2026-12-05" },
    ]);
    // A view as of a day before the edit keeps the deadline and weight then in force.
    const termsOn = async (date: string) => {
      const items = await itemExecution(
        db,
        { roadMapId: world.roadMapId, territoryIds: null, sectionIds: null },
        { date, includeCurrentQuarter: false, facts: "all" },
        DEFAULT_THRESHOLDS,
      );
      const item = items.find((i) => i.measureId === world.measureId)!;
      return [item.deadline, item.weight];
    };
    expect(await termsOn("2026-11-30")).toEqual(["2027-12-25", 1]);
    expect(await termsOn("2026-12-04")).toEqual(["2027-12-25", 2]);
    expect(await termsOn("2026-12-05")).toEqual(["2027-06-30", 1]);
  });

  it("removes a measure from control and back, each with a reason recorded", async () => {
    const control = async (intent: ControlInput["intent"], reasonKk: string) =>
      changeControl(db, admin, world.measureId, {
        intent,
        version: await versionOf("measure", world.measureId),
        changedOn: "2026-11-01",
        reasonKk,
      });
    await control("remove-from-control", "Қаржыландыру тоқтатылды");
    let measure = await db
      .selectFrom("measure")
      .selectAll()
      .where("id", "=", world.measureId)
      .executeTakeFirstOrThrow();
    expect([measure.control_state, measure.removed_on, measure.removed_reason]).toEqual([
      "removed",
      "2026-11-01",
      { kk: "Қаржыландыру тоқтатылды" },
    ]);
    expect(refusal(await thrown(control("remove-from-control", "Тағы")))).toMatchObject({
      key: "admin.control.already.removed",
    });
    await control("return-to-control", "Қаржыландыру қайта басталды");
    measure = await db.selectFrom("measure").selectAll().where("id", "=", world.measureId).executeTakeFirstOrThrow();
    expect([measure.control_state, measure.removed_on, measure.removed_reason]).toEqual(["on_control", null, null]);
    const changes = await db
      .selectFrom("measure_control_change")
      .select(["control_state", "reason", "changed_by"])
      .where("measure_id", "=", world.measureId)
      .orderBy("id")
      .execute();
    expect(changes).toEqual([
      { control_state: "removed", reason: { kk: "Қаржыландыру тоқтатылды" }, changed_by: admin.id },
      { control_state: "on_control", reason: { kk: "Қаржыландыру қайта басталды" }, changed_by: admin.id },
    ]);
    const { events } = await measureHistory(db, world.measureId);
    expect(events.filter((e) => e.table === "measure_control_change")).toHaveLength(2);
  });

  it("saves a measure's plans all or nothing: split evenly, held in Q4, per quarter, territory shares", async () => {
    const plansOf = () =>
      db
        .selectFrom("measure_plan")
        .select(["id", "territory_id", "year", "quarter", "planned", "version"])
        .where("measure_id", "=", world.measureId)
        .orderBy("territory_id")
        .orderBy("year")
        .orderBy("quarter")
        .execute();
    const seen = async () => (await plansOf()).map((p) => `${p.id}:${p.version}`).join(",");
    const row = (overrides: Partial<PlansInput["rows"][number]>): PlansInput["rows"][number] => ({
      territoryId: world.cityId,
      year: 2025,
      mode: "quarters",
      ...overrides,
    });
    await savePlans(db, admin, world.measureId, {
      intent: "save-plans",
      seen: await seen(),
      rows: [
        row({ year: 2024, mode: "even", total: 10 }),
        row({ year: 2025, mode: "q4", total: 7 }),
        row({ year: 2026, mode: "quarters", q2: 3, q3: 4 }),
      ],
    });
    expect((await plansOf()).map((p) => [p.year, p.quarter, p.planned])).toEqual([
      [2024, 1, 2.5],
      [2024, 2, 2.5],
      [2024, 3, 2.5],
      [2024, 4, 2.5],
      [2025, 4, 7],
      [2026, 2, 3],
      [2026, 3, 4],
    ]);

    // One row outside the measure's territory (the country above the city): nothing at all changes.
    const before = await plansOf();
    const error = await thrown(
      savePlans(db, admin, world.measureId, {
        intent: "save-plans",
        seen: await seen(),
        rows: [
          row({ year: 2024, mode: "even", total: 100 }),
          row({ territoryId: world.countryId, year: 2025, mode: "q4", total: 5 }),
        ],
      }),
    );
    expect((error as { code?: string }).code).toBe("OR006");
    expect(await plansOf()).toEqual(before);

    // Shares of two districts replace the city's own plan for 2026.
    await savePlans(db, admin, world.measureId, {
      intent: "save-plans",
      seen: await seen(),
      rows: [
        row({ year: 2024, mode: "even", total: 10 }),
        row({ year: 2025, mode: "q4", total: 7 }),
        row({ territoryId: world.districtIds[0], year: 2026, mode: "q4", total: 2 }),
        row({ territoryId: world.districtIds[1], year: 2026, mode: "q4", total: 3 }),
      ],
    });
    const after = await plansOf();
    expect(after.filter((p) => p.year === 2026).map((p) => [p.territory_id, p.quarter, p.planned])).toEqual([
      [world.districtIds[0], 4, 2],
      [world.districtIds[1], 4, 3],
    ]);
    // Unchanged plans keep their rows and versions.
    expect(after.filter((p) => p.year === 2024)).toEqual(before.filter((p) => p.year === 2024));

    // A plan changed by someone else since the form was opened: refused, nothing written.
    const stale = await seen();
    await savePlans(db, admin, world.measureId, {
      intent: "save-plans",
      seen: stale,
      rows: [row({ year: 2024, mode: "even", total: 12 }), row({ year: 2025, mode: "q4", total: 7 })],
    });
    const current = await plansOf();
    expect(
      await thrown(
        savePlans(db, admin, world.measureId, {
          intent: "save-plans",
          seen: stale,
          rows: [row({ year: 2024, mode: "q4", total: 1 })],
        }),
      ),
    ).toBeInstanceOf(StaleEdit);
    expect(await plansOf()).toEqual(current);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("table_name", "=", "measure_plan")
      .where("parent_id", "=", world.measureId)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.actor_id === admin.id)).toBe(true);
  });

  it("creates measures with co-executors, keeps numbers unique, orders and nests sections one level", async () => {
    const other = await saveDepartment(db, admin, {
      intent: "save-department",
      territoryId: world.cityId,
      nameKk: "Мәдениет басқармасы",
      headNameKk: "Бауыржан Орынтаев",
    });
    const id = await saveMeasure(db, admin, world.roadMapId, measureInput({ coExecutorIds: [other] }), "2026-12-01");
    const loaded = await measureForEditing(db, id);
    expect(loaded.coExecutorIds).toEqual([other]);
    expect(refusal(await thrown(saveMeasure(db, admin, world.roadMapId, measureInput(), "2026-12-01")))).toEqual({
      key: "admin.validation.numberTaken",
      field: "number",
    });

    const section = (overrides: Partial<SectionInput>): SectionInput => ({ intent: "save-section", ...overrides });
    const culture = await saveSection(db, admin, world.roadMapId, section({ number: "3", titleKk: "Мәдениет" }));
    const child = await saveSection(
      db,
      admin,
      world.roadMapId,
      section({ number: "3.1", titleKk: "Кітапхана", parentId: culture }),
    );
    expect(
      refusal(
        await thrown(saveSection(db, admin, world.roadMapId, section({ titleKk: "Тым терең", parentId: child }))),
      ),
    ).toEqual({ key: "admin.validation.nesting", field: "parentId" });

    await moveSection(db, admin, world.roadMapId, culture, await versionOf("section", culture), "up");
    const structure = await roadMapStructure(db, world.roadMapId);
    expect(structure.sections.map((s) => s.id)).toEqual([culture, child, world.sectionId]);

    expect(
      refusal(await thrown(deleteSection(db, admin, world.roadMapId, culture, await versionOf("section", culture)))),
    ).toMatchObject({ key: "admin.sectionNotEmpty" });
    await deleteSection(db, admin, world.roadMapId, child, await versionOf("section", child));
    expect((await roadMapStructure(db, world.roadMapId)).sections.map((s) => s.id)).toEqual([culture, world.sectionId]);
  });

  it("manages territories and users with scoped roles; passwords change only with the current one", async () => {
    const district = await saveTerritory(db, admin, {
      intent: "save-territory",
      parentId: world.cityId,
      kind: "district",
      katoCode: "511000000",
      nameKk: "Еңбекші ауданы",
      nameRu: "Енбекшинский район",
    });
    expect((await listTerritories(db)).find((t) => t.id === district)?.path).toEqual([
      world.countryId,
      world.cityId,
      district,
    ]);
    const territoryVersion = (await listTerritories(db)).find((t) => t.id === world.cityId)!.version;
    expect(
      refusal(
        await thrown(
          saveTerritory(db, admin, {
            intent: "save-territory",
            territoryId: world.cityId,
            version: territoryVersion,
            parentId: district,
            kind: "city_rep",
            nameKk: "Шымкент",
          }),
        ),
      ),
    ).toEqual({ key: "admin.validation.parentLoop", field: "parentId" });

    const userId = await createUser(db, admin, {
      intent: "create-user",
      login: "akim.enbekshi",
      displayName: "Еңбекші әкімдігі",
      titleKk: "Аудан әкімі",
      titleRu: "Аким района",
      locale: "ru",
      password: "first-password",
      confirm: "first-password",
    });
    // The post typed on the new-user form is kept apart from the name.
    expect(
      await db.selectFrom("app_user").select(["display_name", "title"]).where("id", "=", userId).executeTakeFirst(),
    ).toEqual({ display_name: "Еңбекші әкімдігі", title: { kk: "Аудан әкімі", ru: "Аким района" } });
    await addRole(db, admin, userId, { intent: "add-role", role: "akim", territoryId: district });
    await addRole(db, admin, userId, { intent: "add-role", role: "editor", departmentId: world.departmentId });
    expect(
      refusal(await thrown(addRole(db, admin, userId, { intent: "add-role", role: "akim", territoryId: district }))),
    ).toMatchObject({
      key: "admin.users.roleExists",
    });
    const principal = (await loadPrincipal(db, userId))!;
    expect(principal.assignments.map((a) => a.role)).toEqual(["akim", "editor"]);
    expect(principal.assignments[0]!.territoryPath).toEqual([world.countryId, world.cityId, district]);

    expect(
      refusal(
        await thrown(
          changeOwnPassword(db, principal, {
            currentPassword: "wrong",
            password: "second-password",
            confirm: "second-password",
          }),
        ),
      ),
    ).toEqual({ key: "admin.validation.wrongPassword", field: "currentPassword" });
    await changeOwnPassword(db, principal, {
      currentPassword: "first-password",
      password: "second-password",
      confirm: "second-password",
    });
    const hashOf = async () =>
      (await db.selectFrom("app_user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow())
        .password_hash;
    expect(await verifyPassword(await hashOf(), "second-password")).toBe(true);
    expect(await verifyPassword(await hashOf(), "first-password")).toBe(false);

    await resetPassword(db, admin, userId, {
      intent: "reset-password",
      version: await versionOf("app_user", userId),
      password: "reset-by-admin",
      confirm: "reset-by-admin",
    });
    expect(await verifyPassword(await hashOf(), "reset-by-admin")).toBe(true);
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "before", "after"])
      .where("table_name", "=", "app_user")
      .where("row_id", "=", userId)
      .where("action", "=", "update")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([userId, admin.id]);
    expect(audit.every((a) => !("password_hash" in (a.after ?? {})))).toBe(true);

    const adminRole = (await loadPrincipal(db, admin.id))!;
    const adminAssignment = await db
      .selectFrom("role_assignment")
      .select(["id", "version"])
      .where("user_id", "=", adminRole.id)
      .executeTakeFirstOrThrow();
    expect(
      refusal(await thrown(removeRole(db, admin, admin.id, adminAssignment.id, adminAssignment.version))),
    ).toMatchObject({
      key: "admin.users.selfAdmin",
    });
  });
});
