import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { pickText, type Locale, type ShownText } from "~/i18n/locales";
import type { Quarter } from "~/domain/periods/quarter";
import type { Principal } from "~/domain/auth/access";
import {
  claimedKey,
  isSignedSubmissionKey,
  signedSubmissionKey,
  type KeyScope,
} from "~/domain/editing/signed-submission.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { FiguresCache } from "~/domain/execution/figures-cache.server";
import { departmentDecisionsQuery, type DepartmentDecision } from "~/domain/meetings/meetings.server";
import { measurePage, pageParamOf, type MeasureCounts, type MeasureListParams } from "./measure-list";
import { saveQuarterEntries } from "./entries.server";
import type { QuarterEntriesInput } from "./entry-schema";
import { departmentQuarters, type DepartmentQuarter, type MyMeasure } from "./my-measures.server";
import type { Paging } from "./paging";

/** A measure's row on /my: what the row draws, in the reader's language, and nothing more. */
export interface MeasureRowView extends Pick<
  MyMeasure,
  "id" | "number" | "unit" | "quarterPlan" | "quarterFact" | "quarterEntries" | "execution" | "status" | "reportMissing"
> {
  title: ShownText | null;
  /** The territory a new fact goes to unless another is chosen. */
  territoryId: number;
  /** The shares to choose from, only for a measure whose plan is split among territories. */
  shares: Array<{ id: number; name: string }> | null;
  /** The quarter's saved entries, for the measure whose editor is open; null for the others. */
  savedEntries: Array<{
    id: number;
    entryDate: string;
    value: number;
    territoryId: number;
    fromSheet: boolean;
  }> | null;
}

/** A department's quarter of one road map on /my: its report, and one page of its measures. */
export interface DepartmentQuarterView {
  roadMapId: number;
  roadMapTitle: ShownText | null;
  departmentId: number;
  departmentName: ShownText | null;
  report: DepartmentQuarter["report"];
  closed: boolean;
  rows: MeasureRowView[];
  paging: Paging;
  /** The page's parameter in the URL. */
  pageParam: string;
  found: number;
  counts: MeasureCounts;
}

export interface SectionChoice {
  id: number;
  label: string;
  roadMapTitle: string;
}

/** The open measure's newest saved entries shown on its row; its page has them all. */
const SAVED_ENTRIES_SHOWN = 20;

function rowView(measure: MyMeasure, open: boolean, locale: Locale): MeasureRowView {
  const shared = measure.shareTerritories.length > 1;
  return {
    id: measure.id,
    number: measure.number,
    title: pickText(measure.title, locale),
    unit: measure.unit,
    quarterPlan: measure.quarterPlan,
    quarterFact: measure.quarterFact,
    quarterEntries: measure.quarterEntries,
    execution: measure.execution,
    status: measure.status,
    reportMissing: measure.reportMissing,
    territoryId: measure.shareTerritories[0]?.id ?? measure.territoryId,
    shares: shared
      ? measure.shareTerritories.map((t) => ({ id: t.id, name: pickText(t.name, locale)?.text ?? "" }))
      : null,
    savedEntries: open
      ? measure.savedEntries.slice(-SAVED_ENTRIES_SHOWN).map((entry) => ({
          id: entry.id,
          entryDate: entry.entryDate,
          value: entry.value,
          territoryId: entry.territoryId,
          fromSheet: entry.fromSheet,
        }))
      : null,
  };
}

/**
 * The road maps the departments have measures or reports in: every write that can change what /my
 * lists for them (a measure, its plan, an entry, a report, a period, a section, a name) moves one of
 * their revisions. A report counts even once its measures have gone to another department: it still
 * waits on the department.
 */
function departmentRevisionsQuery(db: Kysely<Database>, departmentIds: number[]) {
  return db
    .selectFrom("road_map_revision")
    .select(["road_map_id", "revision"])
    .where((eb) =>
      eb.or([
        eb(
          "road_map_id",
          "in",
          db.selectFrom("measure").select("road_map_id").where("responsible_department_id", "in", departmentIds),
        ),
        eb(
          "road_map_id",
          "in",
          db.selectFrom("department_report").select("road_map_id").where("department_id", "in", departmentIds),
        ),
      ]),
    );
}

export async function departmentRevisions(
  db: Kysely<Database>,
  departmentIds: number[],
): Promise<Array<[roadMapId: number, revision: number]>> {
  if (departmentIds.length === 0) return [];
  const rows = await departmentRevisionsQuery(db, departmentIds).orderBy("road_map_id").execute();
  return rows.map((row) => [row.road_map_id, Number(row.revision)]);
}

/** What /my is made of for a reader, besides the reader and the URL (ADR 37). */
export interface MyPageSources {
  userId: number;
  departmentIds: number[];
  revisions: Array<[roadMapId: number, revision: number]>;
  decisions: DepartmentDecision[];
}

/**
 * /my's sources as one statement: the revisions of the departments' road maps, which every other table
 * the page shows moves, and what no revision moves, read whole: the open decisions the departments
 * answer for (the header's bell comes with the session, ADR 38). The view cache keys the page by them, and the loader makes the
 * page from the same rows, so a kept page never shows other decisions than its key holds.
 */
export async function myPageSources(
  db: Kysely<Database>,
  userId: number,
  departmentIds: number[],
): Promise<MyPageSources> {
  if (departmentIds.length === 0) return { userId, departmentIds, revisions: [], decisions: [] };
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom(departmentRevisionsQuery(db, departmentIds).as("r"))
        .select(
          sql<
            Array<[number, number]>
          >`coalesce(json_agg(json_build_array(r.road_map_id, r.revision) ORDER BY r.road_map_id), '[]')`.as(
            "revisions",
          ),
        )
        .as("revisions"),
      eb
        .selectFrom(departmentDecisionsQuery(db, departmentIds).as("d"))
        .select(sql<DepartmentDecision[]>`coalesce(json_agg(d ORDER BY d.id), '[]')`.as("decisions"))
        .as("decisions"),
    ])
    .executeTakeFirstOrThrow();
  return {
    userId,
    departmentIds,
    revisions: (row.revisions ?? []).map(([roadMapId, revision]) => [roadMapId, Number(revision)]),
    decisions: row.decisions ?? [],
  };
}

/** Department quarters with no measure open, ≈ 0.5 MB for 500 measures: some thirty departments' views. */
const quarters = new FiguresCache(16 * 1024 * 1024);

/**
 * The departments' quarters with no measure open, kept until a revision moves. For one set of road maps
 * each revision only grows, so their sum moves with any of them; the set itself is part of the key.
 */
function keptQuarters(
  db: Kysely<Database>,
  departmentIds: number[],
  quarter: Quarter,
  today: string,
  revisions: Array<[number, number]>,
): Promise<DepartmentQuarter[]> {
  const key = JSON.stringify([departmentIds, quarter, today, revisions.map(([roadMapId]) => roadMapId)]);
  const sum = revisions.reduce((total, [, revision]) => total + revision, 0);
  return quarters.get(key, sum, () => departmentQuarters(db, departmentIds, quarter, today, new Set()));
}

/**
 * The department's quarters as /my lists them: every measure's figures are computed (the counts and
 * the filter need them), but only one page of rows per department goes to the page, and only the
 * open measure's saved entries are read.
 */
export async function myQuarterPage(
  db: Kysely<Database>,
  departmentIds: number[],
  quarter: Quarter,
  today: string,
  locale: Locale,
  params: MeasureListParams,
  search: URLSearchParams,
  revisions: Array<[number, number]>,
): Promise<{ groups: DepartmentQuarterView[]; sections: SectionChoice[] }> {
  const open = new Set(params.open);
  const groups =
    open.size === 0
      ? await keptQuarters(db, departmentIds, quarter, today, revisions)
      : await departmentQuarters(db, departmentIds, quarter, today, open);
  const sectionIds = [...new Set(groups.flatMap((group) => group.measures.map((m) => m.sectionId)))];
  const sections =
    sectionIds.length === 0
      ? []
      : await db
          .selectFrom("section as s")
          .innerJoin("road_map as rm", "rm.id", "s.road_map_id")
          .select(["s.id", "s.number", "s.title", "rm.title as road_map_title"])
          .where("s.id", "in", sectionIds)
          .orderBy("s.road_map_id")
          .orderBy("s.position")
          .orderBy("s.id")
          .execute();
  return {
    groups: groups.map((group) => {
      const pageParam = pageParamOf(group.roadMapId, group.departmentId);
      const page = measurePage(group.measures, params, search.get(pageParam));
      return {
        roadMapId: group.roadMapId,
        roadMapTitle: pickText(group.roadMapTitle, locale),
        departmentId: group.departmentId,
        departmentName: pickText(group.departmentName, locale),
        report: group.report,
        closed: group.closed,
        rows: page.rows.map((measure) => rowView(measure, open.has(measure.id), locale)),
        paging: page.paging,
        pageParam,
        found: page.found,
        counts: page.counts,
      };
    }),
    sections: sections.map((section) => ({
      id: section.id,
      label: [section.number, pickText(section.title, locale)?.text].filter(Boolean).join(". "),
      roadMapTitle: pickText(section.road_map_title, locale)?.text ?? "",
    })),
  };
}

/** What /my's quarter form key is issued for: its user, their departments and the quarter shown. */
export function myFormScope(userId: number, departmentIds: number[], quarter: Quarter): KeyScope {
  return { form: "my-quarter", userId, scope: `${departmentIds.join(",")}|${quarter.year}-${quarter.quarter}` };
}

/** /my's quarter form key: one per user, departments, quarter and state of their road maps (ADR 20). */
export function myFormKey(secret: string, scope: KeyScope, revisions: Array<[number, number]>): string {
  return signedSubmissionKey(secret, scope, revisions);
}

/**
 * Saves /my's quarter form: refused unless its key was issued by this server to this user for these
 * departments and this quarter; the key is claimed bound to the rows sent, so the same post saves once.
 */
export function saveMyQuarter(
  db: Kysely<Database>,
  principal: Principal,
  form: { departmentIds: number[]; quarter: Quarter; secret: string },
  input: QuarterEntriesInput,
): Promise<number[]> {
  const scope = myFormScope(principal.id, form.departmentIds, form.quarter);
  if (!isSignedSubmissionKey(form.secret, scope, input.submissionKey))
    return Promise.reject(new RefusedWrite("submissionKeys.unknown"));
  return saveQuarterEntries(db, principal, { ...input, submissionKey: claimedKey(input.submissionKey, input.rows) });
}
