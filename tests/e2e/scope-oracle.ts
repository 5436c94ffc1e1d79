import { readFileSync } from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { DEMO_ACCOUNTS } from "~db/seed";

// What each demo login must NOT reach, worked out from the seeded rows by plain SQL over the role
// assignments — not by the app's access code, which is what the authorisation matrix tests. Written
// next to the browser tests' database before the server starts (prepare.ts).

/** A route parameter's value the login may not use; absent when there is none in the demo data. */
export type ParamIds = Partial<Record<string, number>>;

export interface ForeignScope {
  login: string;
  role: string;
  /** Ids the login may not read: every loader with them must refuse. */
  read: ParamIds;
  /** Ids the login may not write with (some readable): every action with them must refuse. */
  write: ParamIds;
  /** Form fields naming records outside the login's scope, posted to every action. */
  body: Record<string, string>;
  /** Paths (such as /roadmaps/3) no page the login may open links to. */
  leaks: string[];
}

export interface ScopeOracle {
  /** Ids of existing records, for routes the login may not open at all. */
  sample: ParamIds;
  /** Existing ids of each kind (users: not the fuzz test's own logins), for the fuzz test. */
  existing: Record<string, number[]>;
  /** A meeting and an attendee and agenda item of another meeting (for cross-record writes). */
  crossMeeting: { meetingId: number; attendeeId: number; agendaItemId: number } | null;
  scopes: ForeignScope[];
}

const PARAM_TABLES: Record<string, string> = {
  roadMapId: "road_map",
  measureId: "measure",
  meetingId: "meeting",
  councilId: "council",
  territoryId: "territory",
  programmeId: "programme",
  userId: "app_user",
};

export const scopeOracleFile = (dataDir: string) => path.join(dataDir, "scope-oracle.json");

export function readScopeOracle(): ScopeOracle {
  return JSON.parse(readFileSync(scopeOracleFile(process.env.E2E_DATA_DIR ?? "./data/e2e"), "utf8")) as ScopeOracle;
}

async function firstId(
  db: Kysely<Database>,
  query: ReturnType<typeof sql<{ id: number }>>,
): Promise<number | undefined> {
  const { rows } = await query.execute(db);
  return rows[0]?.id;
}

export async function scopeOracle(db: Kysely<Database>): Promise<ScopeOracle> {
  const one = (query: ReturnType<typeof sql<{ id: number }>>) => firstId(db, query);
  const sample: ParamIds = {
    roadMapId: await one(sql`SELECT min(id) AS id FROM road_map`),
    measureId: await one(sql`SELECT min(id) AS id FROM measure`),
    meetingId: await one(sql`SELECT min(id) AS id FROM meeting`),
    councilId: await one(sql`SELECT min(id) AS id FROM council`),
    territoryId: await one(sql`SELECT min(id) AS id FROM territory WHERE parent_id IS NOT NULL`),
    programmeId: await one(sql`SELECT min(id) AS id FROM programme`),
    userId: await one(sql`SELECT min(id) AS id FROM app_user`),
  };
  const cross = await sql<{ meeting_id: number; attendee_id: number; agenda_item_id: number }>`
    SELECT m.id AS meeting_id, a.id AS attendee_id, i.id AS agenda_item_id
      FROM meeting m, meeting_attendee a, agenda_item i
     WHERE a.meeting_id <> m.id AND i.meeting_id <> m.id AND m.status <> 'minutes_approved'
     ORDER BY m.id, a.id, i.id LIMIT 1`.execute(db);
  const crossRow = cross.rows[0];

  const scopes: ForeignScope[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const { rows: assignments } = await sql<{
      role: string;
      department_id: number | null;
      council_id: number | null;
      territory_id: number | null;
    }>`SELECT ra.role, ra.department_id, ra.council_id, ra.territory_id
         FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE u.login = ${account.login}`.execute(db);
    const a = assignments[0]!;
    const read: ParamIds = {};
    const write: ParamIds = {};
    const body: Record<string, string> = {};
    const everything = a.role === "admin" || (a.role === "viewer" && a.territory_id === null);

    if (!everything) {
      // A road map the login sees nothing of.
      read.roadMapId = await one(
        a.territory_id !== null
          ? sql`SELECT rm.id FROM road_map rm JOIN territory t ON t.id = rm.territory_id, territory own
                 WHERE own.id = ${a.territory_id} AND NOT t.path @> ARRAY[own.id] AND NOT own.path @> ARRAY[t.id]
                 ORDER BY rm.id LIMIT 1`
          : a.department_id !== null
            ? sql`SELECT rm.id FROM road_map rm WHERE NOT EXISTS (
                    SELECT 1 FROM measure m LEFT JOIN measure_co_executor c ON c.measure_id = m.id
                     WHERE m.road_map_id = rm.id
                       AND (m.responsible_department_id = ${a.department_id} OR c.department_id = ${a.department_id}))
                   ORDER BY rm.id LIMIT 1`
            : sql`SELECT rm.id FROM road_map rm WHERE NOT EXISTS (
                    SELECT 1 FROM council_scope cs WHERE cs.road_map_id = rm.id AND cs.council_id = ${a.council_id})
                   ORDER BY rm.id LIMIT 1`,
      );
      // A measure: for an akim one of a road map above their territory with nothing in it (no own
      // territory, share or entry there); for a council one outside its sections; else one of the
      // foreign road map.
      const inside =
        a.territory_id !== null
          ? await one(sql`
              SELECT m.id FROM measure m JOIN road_map rm ON rm.id = m.road_map_id, territory own
               WHERE own.id = ${a.territory_id} AND own.path @> ARRAY[rm.territory_id] AND rm.territory_id <> own.id
                 AND NOT EXISTS (SELECT 1 FROM territory t WHERE t.id = m.territory_id AND t.path @> ARRAY[own.id])
                 AND NOT EXISTS (SELECT 1 FROM measure_plan p JOIN territory t ON t.id = p.territory_id
                                  WHERE p.measure_id = m.id AND t.path @> ARRAY[own.id])
                 AND NOT EXISTS (SELECT 1 FROM progress_entry e JOIN territory t ON t.id = e.territory_id
                                  WHERE e.measure_id = m.id AND t.path @> ARRAY[own.id])
               ORDER BY m.id LIMIT 1`)
          : a.council_id !== null
            ? await one(sql`
                SELECT m.id FROM measure m JOIN section s ON s.id = m.section_id
                  JOIN council_scope cs ON cs.road_map_id = m.road_map_id AND cs.council_id = ${a.council_id}
                 WHERE NOT EXISTS (SELECT 1 FROM council_scope c2
                                    WHERE c2.council_id = ${a.council_id} AND c2.road_map_id = m.road_map_id
                                      AND (c2.section_id IS NULL OR c2.section_id IN (s.id, s.parent_id)))
                 ORDER BY m.id LIMIT 1`)
            : undefined;
      read.measureId =
        inside ??
        (read.roadMapId === undefined
          ? undefined
          : await one(sql`SELECT min(id) AS id FROM measure WHERE road_map_id = ${read.roadMapId}`));
      if (a.role !== "council") {
        read.councilId = sample.councilId;
        read.meetingId = sample.meetingId;
      }
      // KPI: a territory of another region (its ranking and scorecard); none of KPI for editors and councils.
      read.territoryId =
        a.territory_id !== null
          ? await one(sql`
              SELECT t.id FROM territory t, territory own
               WHERE own.id = ${a.territory_id} AND array_length(t.path, 1) = 3
                 AND NOT t.path @> ARRAY[own.id] AND NOT own.path @> ARRAY[t.id]
                 AND NOT own.path @> ARRAY[t.parent_id]
               ORDER BY t.id LIMIT 1`)
          : sample.territoryId;
    }
    if (a.role !== "admin") {
      read.programmeId = sample.programmeId;
      read.userId = sample.userId;
    }

    Object.assign(write, read);
    // Writes refused even where reading is allowed.
    if (a.role === "editor") {
      write.measureId =
        (await one(sql`
        SELECT m.id FROM measure m
         WHERE m.responsible_department_id <> ${a.department_id}
           AND m.road_map_id IN (SELECT road_map_id FROM measure WHERE responsible_department_id = ${a.department_id})
         ORDER BY m.id LIMIT 1`)) ?? read.measureId;
    } else if (a.role !== "admin") {
      write.measureId = sample.measureId;
    }
    if (a.role === "viewer" || a.role === "editor" || a.role === "akim") {
      write.meetingId = sample.meetingId;
      write.councilId = sample.councilId;
    }
    if (a.role === "akim") {
      // A neighbour whose scorecard the akim reads but whose actuals are not theirs to enter.
      write.territoryId = await one(sql`
        SELECT t.id FROM territory t, territory own
         WHERE own.id = ${a.territory_id} AND t.parent_id = own.parent_id AND t.id <> own.id
           AND NOT own.path @> ARRAY[t.id]
         ORDER BY t.id LIMIT 1`);
      write.territoryId ??= read.territoryId;
    } else if (a.role !== "admin") {
      write.territoryId = sample.territoryId;
    }
    if (a.role !== "admin") write.roadMapId ??= sample.roadMapId;

    // Body fields: a road map of someone else's, a report and a decision of another department's.
    if (a.department_id !== null) body.departmentId = String(a.department_id);
    const foreignRoadMap = read.roadMapId ?? write.roadMapId;
    if (foreignRoadMap !== undefined) body.roadMapId = String(foreignRoadMap);
    const report = await one(
      a.department_id !== null
        ? sql`SELECT id FROM department_report WHERE department_id <> ${a.department_id} ORDER BY id LIMIT 1`
        : a.council_id !== null
          ? sql`SELECT r.id FROM department_report r WHERE NOT EXISTS (
                  SELECT 1 FROM council_scope cs WHERE cs.council_id = ${a.council_id} AND cs.road_map_id = r.road_map_id)
                ORDER BY r.id LIMIT 1`
          : sql`SELECT min(id) AS id FROM department_report`,
    );
    if (report !== undefined && a.role !== "admin") body.reportId = String(report);
    const decision = await one(
      a.department_id !== null
        ? sql`SELECT id FROM decision WHERE responsible_department_id IS DISTINCT FROM ${a.department_id} ORDER BY id LIMIT 1`
        : sql`SELECT min(id) AS id FROM decision`,
    );
    if (decision !== undefined && a.role !== "admin" && a.role !== "council") body.decisionId = String(decision);
    if (write.measureId !== undefined) body.measureId = String(write.measureId);

    const leaks = [
      read.roadMapId !== undefined ? `/roadmaps/${read.roadMapId}` : null,
      read.measureId !== undefined ? `/measures/${read.measureId}` : null,
      read.meetingId !== undefined ? `/meetings/${read.meetingId}` : null,
      read.councilId !== undefined ? `/councils/${read.councilId}` : null,
    ].filter((leak): leak is string => leak !== null);
    scopes.push({ login: account.login, role: a.role, read, write, body, leaks });
  }
  const existing: Record<string, number[]> = {};
  for (const [param, table] of Object.entries(PARAM_TABLES)) {
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM ${sql.table(table)}
       WHERE ${table === "app_user" ? sql`login NOT IN ('admin', 'zhumakulova')` : sql`TRUE`}
       ORDER BY id LIMIT 8`.execute(db);
    existing[param] = rows.map((row) => row.id);
  }
  return {
    sample,
    existing,
    crossMeeting: crossRow
      ? { meetingId: crossRow.meeting_id, attendeeId: crossRow.attendee_id, agendaItemId: crossRow.agenda_item_id }
      : null,
    scopes,
  };
}
