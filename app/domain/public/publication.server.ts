import { sql, type Kysely, type RawBuilder } from "kysely";
import { withActor } from "~db/actor";
import type { Database, LocalizedText } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import type { NarrativeMarkInput, PublicationInput, PublicBlock } from "./publication-schema";

// Whether a programme has a public page and what it shows; which measures' narratives it may show.
// Both are columns of the rows they describe (migration 2026-12-05T0900), so the version checks, the
// audit trigger and the road maps' revisions follow every change.

export interface Publication {
  published: boolean;
  blocks: Record<PublicBlock, boolean>;
}

export interface PublishedProgramme extends Publication {
  id: number;
  title: LocalizedText;
  owner: LocalizedText | null;
  description: LocalizedText | null;
  startYear: number;
  endYear: number;
  roadMaps: Array<{ id: number; title: LocalizedText; territoryName: LocalizedText }>;
}

const notFound = () => new Response("Not found", { status: 404 });

export async function publicationOf(db: Kysely<Database>, programmeId: number): Promise<Publication> {
  const row = await db
    .selectFrom("programme")
    .select(["public_page", "public_sections", "public_territories", "public_measures"])
    .where("id", "=", programmeId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return {
    published: row.public_page,
    blocks: { sections: row.public_sections, territories: row.public_territories, measures: row.public_measures },
  };
}

/** Publishes or withdraws a programme's page and chooses its blocks, from the version the admin started from. */
export async function savePublication(
  db: Kysely<Database>,
  principal: Principal,
  programmeId: number,
  input: PublicationInput,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "programme", programmeId, input.version);
    await trx
      .updateTable("programme")
      .set({
        public_page: input.published,
        public_sections: input.sections,
        public_territories: input.territories,
        public_measures: input.measures,
      })
      .where("id", "=", programmeId)
      .execute();
  });
}

/** Marks whether a measure's narratives may be shown on its programme's public page. */
export async function markNarrativePublic(
  db: Kysely<Database>,
  principal: Principal,
  measureId: number,
  input: NarrativeMarkInput,
): Promise<void> {
  requireAdmin(principal);
  await withActor(db, principal.id, async (trx) => {
    await claimVersion(trx, "measure", measureId, input.version);
    await trx
      .updateTable("measure")
      .set({ narrative_public: input.narrativePublic })
      .where("id", "=", measureId)
      .execute();
  });
}

/** A published programme with its road maps, or a 404 — the same answer as for a programme that does not exist. */
export async function publishedProgramme(db: Kysely<Database>, programmeId: number): Promise<PublishedProgramme> {
  const programme = await db
    .selectFrom("programme")
    .selectAll()
    .where("id", "=", programmeId)
    .where("public_page", "=", true)
    .executeTakeFirst();
  if (!programme) throw notFound();
  const roadMaps = await db
    .selectFrom("road_map as rm")
    .innerJoin("territory as t", "t.id", "rm.territory_id")
    .select(["rm.id", "rm.title", "t.name as territoryName"])
    .where("rm.programme_id", "=", programmeId)
    .orderBy("rm.id")
    .execute();
  return {
    id: programme.id,
    title: programme.title,
    owner: programme.owner,
    description: programme.description,
    startYear: programme.start_year,
    endYear: programme.end_year,
    published: true,
    blocks: {
      sections: programme.public_sections,
      territories: programme.public_territories,
      measures: programme.public_measures,
    },
    roadMaps,
  };
}

/**
 * What a public page is made from, as one value: the programme's version (its switch and blocks) and
 * the revisions of its road maps (every write that can change their figures, names or narrative marks).
 * Null when the programme is not published. Read by the view cache before Remix (ADR 31).
 */
export async function publicRevision(db: Kysely<Database>, programmeId: number): Promise<string | null> {
  const row = await db.selectNoFrom(publicRevisionValue(programmeId).as("revision")).executeTakeFirstOrThrow();
  return row.revision;
}

/** publicRevision() as a scalar subquery: the programme's version and its road maps' revisions, or null. */
export function publicRevisionValue(programmeId: number): RawBuilder<string | null> {
  return sql<string | null>`(
    SELECT p.version || '/' || coalesce((SELECT string_agg(rm.id || ':' || coalesce(r.revision, 0), ',' ORDER BY rm.id)
                                           FROM road_map rm LEFT JOIN road_map_revision r ON r.road_map_id = rm.id
                                          WHERE rm.programme_id = p.id), '')
      FROM programme p
     WHERE p.id = ${programmeId} AND p.public_page)`;
}

/**
 * The latest narrative of each measure marked public, among the entries the public figures count
 * (those of accepted quarterly reports, dated by the as-of date): never who wrote it, nor its files.
 */
export async function publicNarratives(
  db: Kysely<Database>,
  measureIds: number[],
  asOfDate: string,
): Promise<Map<number, LocalizedText>> {
  if (measureIds.length === 0) return new Map();
  const { rows } = await sql<{ measure_id: number; narrative: LocalizedText }>`
    SELECT DISTINCT ON (e.measure_id) e.measure_id, e.narrative
      FROM progress_entry e
      JOIN measure m ON m.id = e.measure_id
      JOIN department_report r ON r.road_map_id = m.road_map_id AND r.department_id = m.responsible_department_id
                              AND r.year = e.year AND r.quarter = e.quarter AND r.status = 'accepted'
     WHERE e.measure_id = ANY(${measureIds}::int[]) AND m.narrative_public
       AND e.entry_date <= ${asOfDate}::date AND e.narrative IS NOT NULL
     ORDER BY e.measure_id, e.entry_date DESC, e.id DESC
  `.execute(db);
  return new Map(rows.map((row) => [row.measure_id, row.narrative]));
}
