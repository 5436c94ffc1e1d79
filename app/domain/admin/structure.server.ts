import { sql, type Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { localizedValue, type SectionInput } from "./admin-schema";
import { notFound } from "./programmes.server";

/** A road map as the editor shows it: its programme, its sections in order (parents before children), its measures. */
export async function roadMapStructure(db: Kysely<Database>, roadMapId: number) {
  const roadMap = await db
    .selectFrom("road_map as rm")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .innerJoin("territory as t", "t.id", "rm.territory_id")
    .select([
      "rm.id",
      "rm.title",
      "rm.version",
      "rm.territory_id",
      "rm.approved_on",
      "p.id as programme_id",
      "p.title as programme_title",
      "p.start_year",
      "p.end_year",
      "t.name as territory_name",
    ])
    .where("rm.id", "=", roadMapId)
    .executeTakeFirst();
  if (!roadMap) throw notFound();
  const [sections, measures] = await Promise.all([
    db
      .selectFrom("section")
      .select(["id", "parent_id", "number", "title", "position", "version"])
      .where("road_map_id", "=", roadMapId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("measure as m")
      .innerJoin("department as d", "d.id", "m.responsible_department_id")
      .select([
        "m.id",
        "m.section_id",
        "m.number",
        "m.title",
        "m.deadline",
        "m.control_state",
        "d.name as department_name",
        (eb) =>
          eb
            .selectFrom("measure_plan as mp")
            .select((e) => e.fn.coalesce(e.fn.sum<number>("mp.planned"), sql<number>`0`).as("s"))
            .whereRef("mp.measure_id", "=", "m.id")
            .as("planned_total"),
      ])
      .where("m.road_map_id", "=", roadMapId)
      .execute(),
  ]);
  measures.sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }));
  const topLevel = sections.filter((s) => s.parent_id === null);
  const ordered = topLevel.flatMap((parent) => [parent, ...sections.filter((s) => s.parent_id === parent.id)]);
  return {
    roadMap,
    sections: ordered.map((section) => ({
      ...section,
      measures: measures.filter((m) => m.section_id === section.id),
    })),
  };
}

async function nextPosition(db: Kysely<Database>, roadMapId: number, parentId: number | null): Promise<number> {
  const row = await db
    .selectFrom("section")
    .select((eb) => eb.fn.max<number>("position").as("max"))
    .where("road_map_id", "=", roadMapId)
    .where("parent_id", parentId === null ? "is" : "=", parentId)
    .executeTakeFirst();
  return (row?.max ?? -1) + 1;
}

/** Adds a section (at the end of its level) or changes one; sections nest one level at most. */
export async function saveSection(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  input: SectionInput,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await trx
        .selectFrom("section")
        .select(["parent_id", "road_map_id"])
        .where("id", "=", parentId)
        .executeTakeFirst();
      if (!parent || parent.road_map_id !== roadMapId)
        throw new RefusedWrite("editing.missingReference", {}, "parentId");
      const hasChildren =
        input.sectionId !== undefined &&
        (await trx.selectFrom("section").select("id").where("parent_id", "=", input.sectionId).executeTakeFirst());
      if (parent.parent_id !== null || hasChildren || parentId === input.sectionId) {
        throw new RefusedWrite("admin.validation.nesting", {}, "parentId");
      }
    }
    const values = {
      parent_id: parentId,
      number: input.number || null,
      title: localizedValue(input.titleKk, input.titleRu, input.titleEn)!,
    };
    if (input.sectionId) {
      const current = await trx
        .selectFrom("section")
        .select(["road_map_id", "parent_id"])
        .where("id", "=", input.sectionId)
        .executeTakeFirst();
      if (current && current.road_map_id !== roadMapId) throw notFound();
      await claimVersion(trx, "section", input.sectionId, input.version ?? 0);
      const moved = current && current.parent_id !== parentId;
      await trx
        .updateTable("section")
        .set(moved ? { ...values, position: await nextPosition(trx, roadMapId, parentId) } : values)
        .where("id", "=", input.sectionId)
        .execute();
      return input.sectionId;
    }
    const { id } = await trx
      .insertInto("section")
      .values({ ...values, road_map_id: roadMapId, position: await nextPosition(trx, roadMapId, parentId) })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** Moves a section one place up or down among its siblings; positions are renumbered 0, 1, 2 … */
export async function moveSection(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  sectionId: number,
  version: number,
  direction: "up" | "down",
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    const section = await trx
      .selectFrom("section")
      .select(["road_map_id", "parent_id"])
      .where("id", "=", sectionId)
      .executeTakeFirst();
    if (section && section.road_map_id !== roadMapId) throw notFound();
    await claimVersion(trx, "section", sectionId, version);
    if (!section) return;
    const siblings = await trx
      .selectFrom("section")
      .select(["id", "position"])
      .where("road_map_id", "=", roadMapId)
      .where("parent_id", section.parent_id === null ? "is" : "=", section.parent_id)
      .orderBy("position")
      .orderBy("id")
      .forUpdate()
      .execute();
    const order = siblings.map((s) => s.id);
    const index = order.indexOf(sectionId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)?.position === position) continue;
      await trx.updateTable("section").set({ position }).where("id", "=", id).execute();
    }
  });
}

/** Removes an empty section: one with measures or subsections stays. */
export async function deleteSection(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  sectionId: number,
  version: number,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    const section = await trx
      .selectFrom("section")
      .select("road_map_id")
      .where("id", "=", sectionId)
      .executeTakeFirst();
    if (section && section.road_map_id !== roadMapId) throw notFound();
    await claimVersion(trx, "section", sectionId, version);
    const measure = await trx.selectFrom("measure").select("id").where("section_id", "=", sectionId).executeTakeFirst();
    const child = await trx.selectFrom("section").select("id").where("parent_id", "=", sectionId).executeTakeFirst();
    const scope = await trx
      .selectFrom("council_scope")
      .select("id")
      .where("section_id", "=", sectionId)
      .executeTakeFirst();
    if (measure || child || scope) throw new RefusedWrite("admin.sectionNotEmpty");
    await trx.deleteFrom("section").where("id", "=", sectionId).execute();
  });
}
