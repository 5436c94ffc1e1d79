import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { localizedValue, parseSeenPlans, type ControlInput, type MeasureInput, type PlansInput } from "./admin-schema";
import { isBlankPlanRow, quarterlyPlan, type PlanRowInput } from "./plan-split";
import { notFound, setAuditReason } from "./programmes.server";

type Trx = Transaction<Database>;

/** What the measure form offers: the road map's sections, the departments, the territories of the road map and below. */
export async function measureFormOptions(db: Kysely<Database>, roadMapId: number) {
  const roadMap = await db
    .selectFrom("road_map as rm")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .select(["rm.id", "rm.title", "rm.territory_id", "p.start_year", "p.end_year"])
    .where("rm.id", "=", roadMapId)
    .executeTakeFirst();
  if (!roadMap) throw notFound();
  const [sections, departments, territories] = await Promise.all([
    db
      .selectFrom("section")
      .select(["id", "number", "title", "parent_id"])
      .where("road_map_id", "=", roadMapId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db.selectFrom("department").select(["id", "name"]).orderBy("id").execute(),
    db
      .selectFrom("territory")
      .select(["id", "name", "path"])
      .where(sql<boolean>`path @> ARRAY[${roadMap.territory_id}]::int[]`)
      .orderBy("path")
      .execute(),
  ]);
  const topLevel = sections.filter((s) => s.parent_id === null);
  return {
    roadMap,
    sections: topLevel.flatMap((parent) => [parent, ...sections.filter((s) => s.parent_id === parent.id)]),
    departments,
    territories: territories.map((t) => ({ id: t.id, name: t.name, depth: t.path.length })),
  };
}

/** The years a measure's plans may fall in: its programme's. */
export async function planLimitsOf(db: Kysely<Database>, measureId: number) {
  const row = await db
    .selectFrom("measure as m")
    .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .select(["p.start_year", "p.end_year"])
    .where("m.id", "=", measureId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { startYear: row.start_year, endYear: row.end_year };
}

/** Whether a measure is counted as a share of a base: then each of its plan rows needs a base. */
export async function isShareOfBase(db: Kysely<Database>, measureId: number): Promise<boolean> {
  const row = await db.selectFrom("measure").select("share_of_base").where("id", "=", measureId).executeTakeFirst();
  if (!row) throw notFound();
  return row.share_of_base;
}

/** A measure with everything the editor changes: its fields, co-executors, plans and the changes of deadline and control. */
export async function measureForEditing(db: Kysely<Database>, measureId: number) {
  const measure = await db.selectFrom("measure").selectAll().where("id", "=", measureId).executeTakeFirst();
  if (!measure) throw notFound();
  const [coExecutors, plans, deadlineChanges, controlChanges] = await Promise.all([
    db.selectFrom("measure_co_executor").select("department_id").where("measure_id", "=", measureId).execute(),
    db
      .selectFrom("measure_plan")
      .select(["id", "territory_id", "year", "quarter", "planned", "base", "version"])
      .where("measure_id", "=", measureId)
      .orderBy("territory_id")
      .orderBy("year")
      .orderBy("quarter")
      .execute(),
    db
      .selectFrom("measure_deadline_change as c")
      .leftJoin("app_user as u", "u.id", "c.changed_by")
      .select(["c.id", "c.previous_deadline", "c.new_deadline", "c.reason", "c.changed_at", "u.display_name"])
      .where("c.measure_id", "=", measureId)
      .orderBy("c.id", "desc")
      .execute(),
    db
      .selectFrom("measure_control_change as c")
      .leftJoin("app_user as u", "u.id", "c.changed_by")
      .select(["c.id", "c.control_state", "c.changed_on", "c.reason", "c.changed_at", "u.display_name"])
      .where("c.measure_id", "=", measureId)
      .orderBy("c.id", "desc")
      .execute(),
  ]);
  return {
    measure,
    coExecutorIds: coExecutors.map((c) => c.department_id),
    plans,
    deadlineChanges,
    controlChanges,
  };
}

function measureValues(input: MeasureInput) {
  return {
    section_id: input.sectionId,
    number: input.number,
    title: localizedValue(input.titleKk, input.titleRu, input.titleEn)!,
    completion_form: localizedValue(input.completionFormKk, input.completionFormRu, input.completionFormEn),
    unit: input.unit,
    responsible_department_id: input.responsibleDepartmentId,
    territory_id: input.territoryId,
    deadline: input.deadline,
    funding_source: localizedValue(input.fundingSourceKk, input.fundingSourceRu, input.fundingSourceEn),
    planned_funding: input.plannedFunding ?? null,
    weight: input.weight ?? 1,
    share_of_base: input.shareOfBase,
    base_label: input.shareOfBase ? localizedValue(input.baseLabelKk, input.baseLabelRu, input.baseLabelEn) : null,
  };
}

async function assertNumberFree(trx: Trx, roadMapId: number, number: string, measureId?: number) {
  const taken = await trx
    .selectFrom("measure")
    .select("id")
    .where("road_map_id", "=", roadMapId)
    .where("number", "=", number)
    .$if(measureId !== undefined, (qb) => qb.where("id", "<>", measureId!))
    .executeTakeFirst();
  if (taken) throw new RefusedWrite("admin.validation.numberTaken", { number }, "number");
}

async function saveCoExecutors(trx: Trx, measureId: number, departmentIds: number[]) {
  const current = (
    await trx.selectFrom("measure_co_executor").select("department_id").where("measure_id", "=", measureId).execute()
  ).map((row) => row.department_id);
  const removed = current.filter((id) => !departmentIds.includes(id));
  const added = departmentIds.filter((id) => !current.includes(id));
  if (removed.length) {
    await trx
      .deleteFrom("measure_co_executor")
      .where("measure_id", "=", measureId)
      .where("department_id", "in", removed)
      .execute();
  }
  if (added.length) {
    await trx
      .insertInto("measure_co_executor")
      .values(added.map((department_id) => ({ measure_id: measureId, department_id })))
      .execute();
  }
}

/**
 * Creates a measure of a road map, or changes one from the version the user started from. A new
 * deadline needs a reason; the change is recorded (measure_deadline_change) with it, and a new weight
 * is recorded too (measure_weight_change): each takes effect `today`, so views «as of» an earlier day
 * keep what was in force then.
 */
export async function saveMeasure(
  db: Kysely<Database>,
  principal: Principal,
  roadMapId: number,
  input: MeasureInput,
  today: string,
): Promise<number> {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const values = measureValues(input);
    if (!input.measureId) {
      await assertNumberFree(trx, roadMapId, input.number);
      const { id } = await trx
        .insertInto("measure")
        .values({ ...values, road_map_id: roadMapId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await saveCoExecutors(trx, id, input.coExecutorIds);
      return id;
    }
    const measureId = input.measureId;
    const current = await trx
      .selectFrom("measure")
      .select(["road_map_id", "deadline", "weight"])
      .where("id", "=", measureId)
      .executeTakeFirst();
    if (current && current.road_map_id !== roadMapId) throw notFound();
    await claimVersion(trx, "measure", measureId, input.version ?? 0);
    if (!current) throw notFound();
    await assertNumberFree(trx, roadMapId, input.number, measureId);
    if (current.deadline !== input.deadline) {
      const reason = localizedValue(input.deadlineReasonKk, input.deadlineReasonRu);
      if (!reason) throw new RefusedWrite("admin.validation.deadlineReason", {}, "deadlineReasonKk");
      await setAuditReason(trx, input.deadlineReasonKk || input.deadlineReasonRu || "");
      await trx
        .insertInto("measure_deadline_change")
        .values({
          measure_id: measureId,
          previous_deadline: current.deadline,
          new_deadline: input.deadline,
          changed_on: today,
          reason,
          changed_by: principal.id,
        })
        .execute();
    }
    if (current.weight !== values.weight) {
      await trx
        .insertInto("measure_weight_change")
        .values({
          measure_id: measureId,
          previous_weight: current.weight,
          new_weight: values.weight,
          changed_on: today,
          changed_by: principal.id,
        })
        .execute();
    }
    await trx.updateTable("measure").set(values).where("id", "=", measureId).execute();
    await saveCoExecutors(trx, measureId, input.coExecutorIds);
    return measureId;
  });
}

/** Removes a measure from control, or puts it back; either needs a reason and is recorded (measure_control_change). */
export async function changeControl(
  db: Kysely<Database>,
  principal: Principal,
  measureId: number,
  input: ControlInput,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "measure", measureId, input.version);
    const { control_state } = await trx
      .selectFrom("measure")
      .select("control_state")
      .where("id", "=", measureId)
      .executeTakeFirstOrThrow();
    const target = input.intent === "remove-from-control" ? "removed" : "on_control";
    if (control_state === target) throw new RefusedWrite(`admin.control.already.${target}`);
    const reason = localizedValue(input.reasonKk, input.reasonRu)!;
    await setAuditReason(trx, input.reasonKk || input.reasonRu || "");
    await trx
      .updateTable("measure")
      .set(
        target === "removed"
          ? { control_state: "removed", removed_on: input.changedOn, removed_reason: reason }
          : { control_state: "on_control", removed_on: null, removed_reason: null },
      )
      .where("id", "=", measureId)
      .execute();
    await trx
      .insertInto("measure_control_change")
      .values({
        measure_id: measureId,
        control_state: target,
        changed_on: input.changedOn,
        reason,
        changed_by: principal.id,
      })
      .execute();
  });
}

/**
 * Replaces the quarterly plans of a measure with the rows of one form, all or nothing. Every plan the
 * user saw must still be at the version they saw, and none may have been added since.
 */
export async function savePlans(
  db: Kysely<Database>,
  principal: Principal,
  measureId: number,
  input: PlansInput,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    const locked = await trx
      .selectFrom("measure")
      .select("id")
      .where("id", "=", measureId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound();
    const existing = await trx
      .selectFrom("measure_plan")
      .select(["id", "territory_id", "year", "quarter", "planned", "base", "version"])
      .where("measure_id", "=", measureId)
      .execute();
    const seen = parseSeenPlans(input.seen);
    for (const plan of existing) {
      if (seen.get(plan.id) !== plan.version) await claimVersion(trx, "measure_plan", plan.id, seen.get(plan.id) ?? 0);
    }
    for (const [planId, version] of seen) {
      if (!existing.some((plan) => plan.id === planId)) await claimVersion(trx, "measure_plan", planId, version);
    }

    const wanted = new Map<
      string,
      { territory_id: number; year: number; quarter: number; planned: number; base: number | null }
    >();
    for (const row of input.rows) {
      const split: PlanRowInput = { mode: row.mode, total: row.total, quarters: [row.q1, row.q2, row.q3, row.q4] };
      if (isBlankPlanRow(split)) continue;
      for (const [quarter, planned] of quarterlyPlan(split)) {
        wanted.set(`${row.territoryId}:${row.year}:${quarter}`, {
          territory_id: row.territoryId,
          year: row.year,
          quarter,
          planned,
          base: row.base ?? null,
        });
      }
    }
    for (const plan of existing) {
      const key = `${plan.territory_id}:${plan.year}:${plan.quarter}`;
      const target = wanted.get(key);
      if (!target) {
        await trx.deleteFrom("measure_plan").where("id", "=", plan.id).execute();
      } else if (target.planned !== plan.planned || target.base !== plan.base) {
        await trx
          .updateTable("measure_plan")
          .set({ planned: target.planned, base: target.base })
          .where("id", "=", plan.id)
          .execute();
      }
      wanted.delete(key);
    }
    if (wanted.size) {
      await trx
        .insertInto("measure_plan")
        .values([...wanted.values()].map((plan) => ({ ...plan, measure_id: measureId })))
        .execute();
    }
  });
}
