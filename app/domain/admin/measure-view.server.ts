import type { Kysely } from "kysely";
import type { Database, Locale } from "~db/schema";
import { pickText } from "~/i18n/locales";
import type { PlanMode } from "./plan-split";
import { measureForEditing, measureFormOptions } from "./measures.server";

const label = (value: Parameters<typeof pickText>[0], locale: Locale) => pickText(value, locale)?.text ?? "";

/** The measure form's choices in the reader's language. */
export async function measureFormView(db: Kysely<Database>, roadMapId: number, locale: Locale) {
  const { roadMap, sections, departments, territories } = await measureFormOptions(db, roadMapId);
  const rootDepth = territories[0]?.depth ?? 1;
  return {
    roadMap: { id: roadMap.id, title: pickText(roadMap.title, locale), territoryId: roadMap.territory_id },
    limits: { startYear: roadMap.start_year, endYear: roadMap.end_year },
    options: {
      sections: sections.map((s) => ({
        value: String(s.id),
        label: `${s.parent_id ? "— " : ""}${s.number ? `${s.number}. ` : ""}${label(s.title, locale)}`,
      })),
      departments: departments.map((d) => ({ value: String(d.id), label: label(d.name, locale) })),
      territories: territories.map((t) => ({
        value: String(t.id),
        label: `${"— ".repeat(t.depth - rootDepth)}${label(t.name, locale)}`,
      })),
    },
  };
}

/**
 * A measure as its editing page shows it: the form's defaults, its plans as rows of (territory, year)
 * (plus empty rows for the programme's years not planned yet, and one more for another territory's
 * share), and its deadline and control changes.
 */
export async function measureEditView(db: Kysely<Database>, measureId: number, locale: Locale) {
  const { measure, coExecutorIds, plans, deadlineChanges, controlChanges } = await measureForEditing(db, measureId);
  const form = await measureFormView(db, measure.road_map_id, locale);
  type Group = { territoryId: number; year: number; quarters: Array<number | null>; base?: number };
  const groups = new Map<string, Group>();
  for (const plan of plans) {
    const key = `${plan.territory_id}:${plan.year}`;
    const group = groups.get(key) ?? {
      territoryId: plan.territory_id,
      year: plan.year,
      quarters: [null, null, null, null],
    };
    group.quarters[plan.quarter - 1] = plan.planned;
    if (plan.base !== null) group.base = plan.base;
    groups.set(key, group);
  }
  const rows: Array<Group & { mode: PlanMode }> = [...groups.values()].map((group) => ({ ...group, mode: "quarters" }));
  for (let year = form.limits.startYear; year <= form.limits.endYear; year++) {
    if (![...groups.values()].some((group) => group.year === year)) {
      rows.push({ territoryId: measure.territory_id, year, mode: "even", quarters: [null, null, null, null] });
    }
  }
  rows.sort((a, b) => a.year - b.year || a.territoryId - b.territoryId);
  rows.push({
    territoryId: measure.territory_id,
    year: form.limits.startYear,
    mode: "even",
    quarters: [null, null, null, null],
  });
  return {
    ...form,
    measure: {
      id: measure.id,
      version: measure.version,
      number: measure.number,
      shownTitle: pickText(measure.title, locale),
      sectionId: measure.section_id,
      title: measure.title,
      completionForm: measure.completion_form,
      unit: measure.unit,
      responsibleDepartmentId: measure.responsible_department_id,
      coExecutorIds,
      territoryId: measure.territory_id,
      deadline: measure.deadline,
      fundingSource: measure.funding_source,
      plannedFunding: measure.planned_funding,
      narrativePublic: measure.narrative_public,
      weight: measure.weight,
      shareOfBase: measure.share_of_base,
      baseLabel: measure.base_label,
      controlState: measure.control_state,
      removedOn: measure.removed_on,
      removedReason: pickText(measure.removed_reason, locale),
    },
    plans: { rows, seen: plans.map((p) => `${p.id}:${p.version}`).join(",") },
    deadlineChanges: deadlineChanges.map((c) => ({
      id: c.id,
      from: c.previous_deadline,
      to: c.new_deadline,
      reason: pickText(c.reason, locale),
      by: c.display_name,
      at: c.changed_at,
    })),
    controlChanges: controlChanges.map((c) => ({
      id: c.id,
      state: c.control_state,
      on: c.changed_on,
      reason: pickText(c.reason, locale),
      by: c.display_name,
    })),
  };
}
