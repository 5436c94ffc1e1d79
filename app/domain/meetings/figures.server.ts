import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { executionRatio, programmeQuarters, type AsOf, type Thresholds } from "~/domain/execution/execution";
import {
  figureBase,
  figuresOf,
  itemExecution,
  territoriesBelow,
  type ExecutionFigures,
} from "~/domain/execution/execution.server";
import type { AgendaFigures, LinkFigures } from "./rules";
import type { LocalizedText } from "~db/schema";

// The figures an agenda item shows, computed by the dashboard's own functions (execution.server.ts)
// over the council's whole view of each linked section or measure. Frozen into meeting_snapshot when
// the meeting is held; computed afresh for the «live» comparison.

interface MeetingWindow {
  asOf: string;
  includeCurrentQuarter: boolean;
}

function asOfOf(window: MeetingWindow): AsOf {
  // A council reviews the facts of accepted quarterly reports, as the dashboard does by default.
  return { date: window.asOf, includeCurrentQuarter: window.includeCurrentQuarter, facts: "accepted" };
}

async function programmeOf(
  db: Kysely<Database>,
  roadMapId: number,
): Promise<{ thresholds: Thresholds; startYear: number; endYear: number }> {
  const row = await db
    .selectFrom("road_map as rm")
    .innerJoin("programme as p", "p.id", "rm.programme_id")
    .select(["p.rag_green", "p.rag_amber", "p.start_year", "p.end_year"])
    .where("rm.id", "=", roadMapId)
    .executeTakeFirstOrThrow();
  return {
    thresholds: { green: row.rag_green, amber: row.rag_amber },
    startYear: row.start_year,
    endYear: row.end_year,
  };
}

/** The council's territory and what lies below it: a section's figures are compared across its children. */
interface Comparison {
  parentId: number;
  below: Map<number, number>;
  names: Map<number, LocalizedText>;
}

async function comparisonOf(db: Kysely<Database>, meetingId: number): Promise<Comparison> {
  const { territory_id: parentId } = await db
    .selectFrom("meeting as m")
    .innerJoin("council as c", "c.id", "m.council_id")
    .select("c.territory_id")
    .where("m.id", "=", meetingId)
    .executeTakeFirstOrThrow();
  const [below, children] = await Promise.all([
    territoriesBelow(db, parentId),
    db.selectFrom("territory").select(["id", "name"]).where("parent_id", "=", parentId).execute(),
  ]);
  return { parentId, below, names: new Map(children.map((child) => [child.id, child.name])) };
}

async function sectionFigures(
  db: Kysely<Database>,
  sectionId: number,
  window: MeetingWindow,
  comparison: Comparison,
): Promise<LinkFigures> {
  const section = await db
    .selectFrom("section")
    .select(["id", "road_map_id", "number", "title"])
    .where("id", "=", sectionId)
    .executeTakeFirstOrThrow();
  const programme = await programmeOf(db, section.road_map_id);
  const { thresholds } = programme;
  const scope = { roadMapId: section.road_map_id, territoryIds: null, sectionIds: [section.id] };
  const asOf = asOfOf(window);
  // The dashboard's figures and series for the same scope and date, from one pass: the same
  // definition, the same numbers.
  const {
    sections: rows,
    series,
    territories,
  } = figuresOf(await figureBase(db, scope, asOf, thresholds), {
    territoriesBelow: comparison.below,
    quarters: programmeQuarters(programme),
  });
  const total = rows.find((row) => row.topSectionId === null) ?? null;
  return {
    kind: "section",
    refId: section.id,
    roadMapId: section.road_map_id,
    number: section.number,
    title: section.title,
    figures: total && figuresOnly(total),
    thresholds,
    status: null,
    series,
    // Shares carried out at the council's own level belong to no territory below it.
    territories: territories.flatMap((row) => {
      const name = comparison.names.get(row.groupId);
      return row.groupId !== comparison.parentId && name
        ? [{ territoryId: row.groupId, name, figures: figuresOnly(row) }]
        : [];
    }),
  };
}

async function measureFigures(db: Kysely<Database>, measureId: number, window: MeetingWindow): Promise<LinkFigures> {
  const measure = await db
    .selectFrom("measure")
    .select(["id", "road_map_id", "section_id", "number", "title"])
    .where("id", "=", measureId)
    .executeTakeFirstOrThrow();
  const { thresholds } = await programmeOf(db, measure.road_map_id);
  const items = await itemExecution(
    db,
    { roadMapId: measure.road_map_id, territoryIds: null, sectionIds: [measure.section_id] },
    asOfOf(window),
    thresholds,
  );
  const item = items.find((row) => row.measureId === measure.id) ?? null;
  return {
    kind: "measure",
    refId: measure.id,
    roadMapId: measure.road_map_id,
    number: measure.number,
    title: measure.title,
    figures: item && {
      execution: item.execution,
      yearExecution: executionRatio(item.yearFact, item.yearPlan),
      plan: item.plan,
      fact: item.fact,
      yearPlan: item.yearPlan,
      yearFact: item.yearFact,
      peopleReached: item.peopleReached,
      counted: item.execution === null ? 0 : 1,
      statusCounts: { done: 0, on_track: 0, behind: 0, overdue: 0, removed: 0, [item.status]: 1 },
    },
    thresholds,
    status: item?.status ?? null,
    series: [],
  };
}

async function indicatorFigures(db: Kysely<Database>, indicatorId: number): Promise<LinkFigures> {
  const indicator = await db
    .selectFrom("kpi_indicator")
    .select(["id", "title"])
    .where("id", "=", indicatorId)
    .executeTakeFirstOrThrow();
  return {
    kind: "indicator",
    refId: indicator.id,
    roadMapId: null,
    number: null,
    title: indicator.title,
    figures: null,
    status: null,
    series: [],
  };
}

function figuresOnly(row: ExecutionFigures): ExecutionFigures {
  return {
    execution: row.execution,
    yearExecution: row.yearExecution,
    plan: row.plan,
    fact: row.fact,
    yearPlan: row.yearPlan,
    yearFact: row.yearFact,
    peopleReached: row.peopleReached,
    counted: row.counted,
    statusCounts: row.statusCounts,
  };
}

/** Every agenda item's figures for the meeting's «as of» window, keyed by agenda item id. */
export async function agendaFigures(
  db: Kysely<Database>,
  meetingId: number,
  window: MeetingWindow,
): Promise<Map<number, AgendaFigures>> {
  const links = await db
    .selectFrom("agenda_item_link as l")
    .innerJoin("agenda_item as a", "a.id", "l.agenda_item_id")
    .select(["l.id", "l.agenda_item_id", "l.section_id", "l.measure_id", "l.indicator_id"])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("a.position")
    .orderBy("l.id")
    .execute();
  const items = await db.selectFrom("agenda_item").select("id").where("meeting_id", "=", meetingId).execute();
  const result = new Map<number, AgendaFigures>(
    items.map((item) => [
      item.id,
      { asOf: window.asOf, includeCurrentQuarter: window.includeCurrentQuarter, links: [] },
    ]),
  );
  const comparison = await comparisonOf(db, meetingId);
  for (const link of links) {
    const figures =
      link.section_id !== null
        ? await sectionFigures(db, link.section_id, window, comparison)
        : link.measure_id !== null
          ? await measureFigures(db, link.measure_id, window)
          : await indicatorFigures(db, link.indicator_id!);
    result.get(link.agenda_item_id)!.links.push(figures);
  }
  return result;
}
