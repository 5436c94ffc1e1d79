import type { LocalizedText, MeasureUnit, ReportStatus } from "../schema";
import {
  compareQuarters,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  type Quarter,
} from "~/domain/periods/quarter";
import {
  addDays,
  at,
  chunks,
  evidence,
  hasEnded,
  isCurrent,
  json,
  quartersBetween,
  unitHash,
  type SeedContext,
} from "./common";
import { territoryName } from "./territories";

// A road map is described as data (sections, measures, plans, entries) and inserted by one function,
// so that the regional modules hold only the figures and the words.

export interface PlanSpec {
  territory: string;
  year: number;
  quarter: Quarter["quarter"];
  planned: number;
  /** For a share-of-base measure: the base the planned count is a share of. */
  base?: number;
}

export interface EntrySpec {
  territory: string;
  date: string;
  value: number;
  people?: number | null;
  narrative?: LocalizedText | null;
  evidence?: string[];
  behindReason?: LocalizedText | null;
  author: string;
  /** For a share-of-base measure: the base when the fact was recorded. */
  base?: number;
}

export interface MeasureSpec {
  number: string;
  /** The number of the section (or subsection) that holds it. */
  section: string;
  title: LocalizedText;
  completionForm?: LocalizedText;
  unit: MeasureUnit;
  responsible: string;
  coExecutors?: string[];
  territory: string;
  /** The deadline first set; `deadlineChanges` dated on or before today move it. */
  deadline: string;
  deadlineChanges?: Array<{ to: string; on: string; reason: LocalizedText }>;
  fundingSource?: LocalizedText;
  plannedFunding?: number;
  weight?: number;
  /** Taken off control on that date (if it is not after today). */
  removed?: { on: string; reason: LocalizedText };
  /** Plan and fact are counts of a base (documents of a fund, libraries of a region): what the base is. */
  shareOfBase?: { base: LocalizedText };
  plans: PlanSpec[];
  /** Entries dated after today are left out. */
  entries: EntrySpec[];
}

export interface SectionSpec {
  number: string;
  title: LocalizedText;
  /** The number of the parent section: sections nest one level at most. */
  parent?: string;
}

export interface RoadMapSpec {
  programmeId: number;
  territory: string;
  title: LocalizedText;
  approvedOn: string | null;
  sections: SectionSpec[];
  measures: MeasureSpec[];
}

export interface InsertedRoadMap {
  id: number;
  sections: Map<string, number>;
  measures: Map<string, number>;
}

const ADMIN = "admin";

export async function insertRoadMap(ctx: SeedContext, spec: RoadMapSpec): Promise<InsertedRoadMap> {
  const { trx, today } = ctx;
  const roadMap = await trx
    .insertInto("road_map")
    .values({
      programme_id: spec.programmeId,
      territory_id: ctx.territory(spec.territory),
      title: json(spec.title),
      approved_on: spec.approvedOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const sections = new Map<string, number>();
  for (const level of [spec.sections.filter((s) => !s.parent), spec.sections.filter((s) => s.parent)]) {
    if (level.length === 0) continue;
    const inserted = await trx
      .insertInto("section")
      .values(
        level.map((section) => ({
          road_map_id: roadMap.id,
          parent_id: section.parent ? sections.get(section.parent)! : null,
          number: section.number,
          title: json(section.title),
          position: spec.sections.indexOf(section) + 1,
        })),
      )
      .returning(["id", "number"])
      .execute();
    for (const row of inserted) sections.set(row.number!, row.id);
  }

  const current = spec.measures.map((m) => {
    const changes = (m.deadlineChanges ?? []).filter((change) => change.on <= today);
    const removed = m.removed && m.removed.on <= today ? m.removed : null;
    return { m, changes, removed, deadline: changes.length ? changes[changes.length - 1]!.to : m.deadline };
  });
  const insertedMeasures = await trx
    .insertInto("measure")
    .values(
      current.map(({ m, removed, deadline }) => {
        const sectionId = sections.get(m.section);
        if (sectionId === undefined) throw new Error(`Demo data: measure ${m.number} names no known section`);
        return {
          road_map_id: roadMap.id,
          section_id: sectionId,
          number: m.number,
          title: json(m.title),
          completion_form: json(m.completionForm),
          unit: m.unit,
          responsible_department_id: ctx.department(m.responsible),
          territory_id: ctx.territory(m.territory),
          deadline,
          funding_source: json(m.fundingSource),
          planned_funding: m.plannedFunding ?? null,
          weight: m.weight ?? 1,
          control_state: removed ? ("removed" as const) : ("on_control" as const),
          removed_on: removed?.on ?? null,
          removed_reason: json(removed?.reason),
          share_of_base: Boolean(m.shareOfBase),
          base_label: json(m.shareOfBase?.base),
        };
      }),
    )
    .returning(["id", "number"])
    .execute();
  const measures = new Map(insertedMeasures.map((row) => [row.number, row.id]));
  const measureId = (m: MeasureSpec) => measures.get(m.number)!;

  const coExecutors = spec.measures.flatMap((m) =>
    (m.coExecutors ?? []).map((key) => ({ measure_id: measureId(m), department_id: ctx.department(key) })),
  );
  if (coExecutors.length) await trx.insertInto("measure_co_executor").values(coExecutors).execute();

  const deadlineChanges = current.flatMap(({ m, changes }) =>
    changes.map((change, index) => ({
      measure_id: measureId(m),
      previous_deadline: index === 0 ? m.deadline : changes[index - 1]!.to,
      new_deadline: change.to,
      reason: json(change.reason),
      changed_by: ctx.user(ADMIN),
      changed_on: change.on,
      changed_at: at(change.on, "15:00"),
    })),
  );
  if (deadlineChanges.length) await trx.insertInto("measure_deadline_change").values(deadlineChanges).execute();

  const controlChanges = current.flatMap(({ m, removed }) =>
    removed
      ? [
          {
            measure_id: measureId(m),
            control_state: "removed" as const,
            changed_on: removed.on,
            reason: json(removed.reason),
            changed_by: ctx.user(ADMIN),
            changed_at: at(removed.on, "15:00"),
          },
        ]
      : [],
  );
  if (controlChanges.length) await trx.insertInto("measure_control_change").values(controlChanges).execute();

  const plans = spec.measures.flatMap((m) =>
    m.plans.map((p) => ({
      measure_id: measureId(m),
      territory_id: ctx.territory(p.territory),
      year: p.year,
      quarter: p.quarter,
      planned: p.planned,
      base: p.base ?? null,
    })),
  );
  for (const slice of chunks(plans)) await trx.insertInto("measure_plan").values(slice).execute();

  const entries = spec.measures.flatMap((m) =>
    m.entries
      .filter((e) => e.date <= today)
      .map((e) => ({
        measure_id: measureId(m),
        territory_id: ctx.territory(e.territory),
        entry_date: e.date,
        value: e.value,
        people_reached: e.people ?? null,
        narrative: json(e.narrative),
        evidence_links: JSON.stringify(e.evidence ?? []),
        behind_reason: json(e.behindReason),
        author_id: ctx.user(e.author),
        base: e.base ?? null,
      })),
  );
  for (const slice of chunks(entries)) await trx.insertInto("progress_entry").values(slice).execute();

  return { id: roadMap.id, sections, measures };
}

// ---------------------------------------------------------------------------------------------
// Plans and regular entries

type PlanRow = Omit<PlanSpec, "territory">;

/** The same plan in every quarter from `from` to `to`. */
export function quarterly(from: Quarter, to: Quarter, planned: number): PlanRow[] {
  return quartersBetween(from, to).map(({ year, quarter }) => ({ year, quarter, planned }));
}

/** One plan row per share: the measure is carried out in each of these territories. */
export function shared(territories: string[], rows: PlanRow[]): PlanSpec[] {
  return territories.flatMap((territory) => rows.map((row) => ({ territory, ...row })));
}

export interface SeriesSpec {
  /** Keys the variety of the generated values (the measure's number). */
  key: string;
  plans: PlanSpec[];
  /** Share of the plan done in each ended quarter, before a ±10 % variation; below 0.8 a measure falls behind. */
  performance: number;
  author: string;
  peoplePerUnit?: number;
  narrative(place: LocalizedText, value: number): LocalizedText;
  /** Written on the entries of a measure that runs behind. */
  behindReason?: LocalizedText;
  evidencePath: string;
  /** The department has not yet entered the last ended quarter (its report is due). */
  pendingLastEnded?: boolean;
}

/**
 * Entries that follow a measure's plan: one per share and quarter in every ended quarter, and a
 * partial one early in the current quarter. Values vary by a fixed ±10 % around plan × performance.
 */
export function seriesEntries(spec: SeriesSpec, today: string): EntrySpec[] {
  const entries: EntrySpec[] = [];
  for (const { territory, year, quarter: number, planned: amount } of spec.plans) {
    const quarter: Quarter = { year, quarter: number };
    const key = `${spec.key}/${territory}/${quarter.year}-${quarter.quarter}`;
    const jitter = 0.9 + 0.2 * unitHash(key);
    let date: string;
    let value: number;
    if (spec.pendingLastEnded && compareQuarters(quarter, previousQuarter(quarterOf(today))) === 0) {
      continue;
    } else if (hasEnded(quarter, today)) {
      date = addDays(quarterStart(quarter), 31 + 4 + Math.floor(unitHash(`${key}/day`) * 20));
      value = Math.round(amount * spec.performance * jitter);
    } else if (isCurrent(quarter, today)) {
      date = addDays(quarterStart(quarter), 14);
      value = Math.round(amount * spec.performance * 0.4 * jitter);
    } else {
      continue;
    }
    if (value <= 0 || date > today) continue;
    const people = spec.peoplePerUnit
      ? Math.round(value * spec.peoplePerUnit * (0.85 + 0.3 * unitHash(`${key}/people`)))
      : null;
    entries.push({
      territory,
      date,
      value,
      people,
      narrative: spec.narrative(territoryName(territory), value),
      evidence: evidence(spec.evidencePath, territory, date),
      behindReason: spec.performance < 0.8 ? (spec.behindReason ?? null) : null,
      author: spec.author,
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Quarterly reports of departments and closed quarters

export interface ReportSpec {
  department: string;
  quarter: Quarter;
  status: ReportStatus;
  submittedBy: string;
  comment?: string;
}

/**
 * The reports departments file after each quarter: accepted for the quarters before the last ended
 * one, which is submitted and not yet reviewed (or, where given, returned with a comment). A report
 * is filed six days after its quarter and reviewed a week later; nothing is dated after today.
 */
export function quarterlyReports(options: {
  departments: Array<{ key: string; submittedBy: string }>;
  from: Quarter;
  /** The last quarter of the road map that has reports (default: the last one ended by today). */
  through?: Quarter;
  today: string;
  /** Per department, how the last ended quarter's report stands if not just submitted. */
  lastQuarter?: Record<string, { status: "accepted" | "returned" | "not_submitted"; comment?: string }>;
}): ReportSpec[] {
  const lastEnded = previousQuarter(quarterOf(options.today));
  const through = options.through && compareQuarters(options.through, lastEnded) < 0 ? options.through : lastEnded;
  const reports: ReportSpec[] = [];
  for (const quarter of quartersBetween(options.from, through)) {
    for (const { key, submittedBy } of options.departments) {
      const isLast = compareQuarters(quarter, lastEnded) === 0;
      const override = isLast ? options.lastQuarter?.[key] : undefined;
      if (override?.status === "not_submitted") continue;
      reports.push({
        department: key,
        quarter,
        status: override ? (override.status as "accepted" | "returned") : isLast ? "submitted" : "accepted",
        submittedBy,
        comment: override?.comment,
      });
    }
  }
  return reports;
}

export async function insertReports(ctx: SeedContext, roadMapId: number, reports: ReportSpec[]): Promise<void> {
  const rows = reports.flatMap((report) => {
    const submittedOn = addDays(quarterEnd(report.quarter), 6);
    if (submittedOn > ctx.today) return [];
    const reviewedOn = addDays(submittedOn, 7);
    const status = report.status !== "submitted" && reviewedOn > ctx.today ? "submitted" : report.status;
    const reviewed = status !== "submitted";
    return [
      {
        road_map_id: roadMapId,
        department_id: ctx.department(report.department),
        year: report.quarter.year,
        quarter: report.quarter.quarter,
        status,
        submitted_at: at(submittedOn, "11:30"),
        submitted_by: ctx.user(report.submittedBy),
        reviewed_at: reviewed ? at(reviewedOn, "16:00") : null,
        reviewed_by: reviewed ? ctx.user(ADMIN) : null,
        review_comment: reviewed ? (report.comment ?? null) : null,
      },
    ];
  });
  for (const slice of chunks(rows)) await ctx.trx.insertInto("department_report").values(slice).execute();
}

/** Locks the quarters from `from` to `through` that have ended. Run after the entries are in. */
export async function closeQuarters(ctx: SeedContext, roadMapId: number, from: Quarter, through: Quarter) {
  const rows = quartersBetween(from, through)
    .filter((quarter) => hasEnded(quarter, ctx.today))
    .map(({ year, quarter }) => ({
      road_map_id: roadMapId,
      year,
      quarter,
      status: "closed" as const,
      changed_by: ctx.user(ADMIN),
    }));
  if (rows.length) await ctx.trx.insertInto("reporting_period").values(rows).execute();
}
