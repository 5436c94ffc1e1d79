import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { periodKey, type KpiPeriod } from "~/domain/kpi/scoring";
import { decisionEvents, decisionFacts, reportLink, reportSubject } from "./events.server";
import type { NotificationEvent } from "./kinds";
import { departmentEditors, notify } from "./notify.server";
import { decisionOccurrence, kpiNotices, reportQuarters } from "./reminders";

// The scheduler's scan: reminders that fall due with time (reports and decisions due or overdue, KPI
// periods opening and closing), found from the state of the database on `today`. Safe to run as often
// as wanted, by any number of processes at once: notify() records each event once.

/** Reports due or overdue: each department still owing its quarter's report on a road map in force. */
async function reportEvents(db: Kysely<Database>, today: string): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  for (const { quarter, dueDate, occurrence } of reportQuarters(today)) {
    const owing = await db
      .selectFrom("measure as m")
      .innerJoin("road_map as rm", "rm.id", "m.road_map_id")
      .innerJoin("programme as p", "p.id", "rm.programme_id")
      .innerJoin("department as d", "d.id", "m.responsible_department_id")
      .leftJoin("department_report as r", (join) =>
        join
          .onRef("r.road_map_id", "=", "m.road_map_id")
          .onRef("r.department_id", "=", "m.responsible_department_id")
          .on("r.year", "=", quarter.year)
          .on("r.quarter", "=", quarter.quarter),
      )
      .select(["m.road_map_id", "m.responsible_department_id as department_id", "rm.title", "d.name"])
      .distinct()
      .where("p.start_year", "<=", quarter.year)
      .where("p.end_year", ">=", quarter.year)
      .where("p.status", "not in", ["completed", "archived"])
      .where((eb) => eb.or([eb("r.id", "is", null), eb("r.status", "=", "returned")]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("reporting_period as rp")
              .select("rp.id")
              .whereRef("rp.road_map_id", "=", "m.road_map_id")
              .where("rp.year", "=", quarter.year)
              .where("rp.quarter", "=", quarter.quarter)
              .where("rp.status", "=", "closed"),
          ),
        ),
      )
      .execute();
    const editors = await departmentEditors(db, [...new Set(owing.map((row) => row.department_id))]);
    for (const row of owing) {
      for (const editor of editors.filter((e) => e.departmentId === row.department_id)) {
        events.push({
          userId: editor.userId,
          kind: occurrence === "overdue" ? "report_overdue" : "report_due",
          subject: reportSubject(row.road_map_id, row.department_id, quarter.year, quarter.quarter),
          occurrence,
          params: {
            roadMap: row.title,
            department: row.name,
            year: quarter.year,
            quarter: quarter.quarter,
            dueDate,
          },
          link: reportLink(quarter.year, quarter.quarter),
        });
      }
    }
  }
  return events;
}

/** Open decisions of a department whose deadline is near or has passed. */
async function decisionReminderEvents(db: Kysely<Database>, today: string): Promise<NotificationEvent[]> {
  const rows = await db
    .selectFrom("decision")
    .select(["id", "deadline"])
    .where("status", "=", "open")
    .where("responsible_department_id", "is not", null)
    .where("deadline", "is not", null)
    .execute();
  const pending = rows.flatMap((row) => {
    const occurrence = row.deadline ? decisionOccurrence(today, row.deadline) : null;
    return occurrence ? [{ id: row.id, occurrence }] : [];
  });
  const facts = await decisionFacts(
    db,
    pending.map((p) => p.id),
  );
  const editors = await departmentEditors(db, [...new Set(facts.flatMap((f) => f.department_id ?? []))]);
  return facts.flatMap((decision) => {
    const occurrence = pending.find((p) => p.id === decision.id)!.occurrence;
    const kind = occurrence === "due" ? "decision_due" : "decision_overdue";
    return decisionEvents(decision, editors, kind, `${occurrence}:${decision.deadline}`);
  });
}

/** Akims of territories with KPI targets in a period that opened for actuals or is about to close. */
async function kpiEvents(db: Kysely<Database>, today: string): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  for (const { period, deadline, kind } of kpiNotices(today)) {
    const quarterIs = sql<boolean>`t.quarter IS NOT DISTINCT FROM ${period.quarter}::smallint`;
    const rows = await db
      .selectFrom("kpi_target as t")
      .innerJoin("territory as tr", "tr.id", "t.territory_id")
      .innerJoin("role_assignment as ra", (join) =>
        join.onRef("ra.territory_id", "=", "t.territory_id").on("ra.role", "=", "akim"),
      )
      .innerJoin("app_user as u", "u.id", "ra.user_id")
      .select(["u.id as user_id", "t.territory_id", "tr.name"])
      .distinct()
      .where("t.year", "=", period.year)
      .where(quarterIs)
      .where("u.is_active", "=", true)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("reporting_period as rp")
              .select("rp.id")
              .where(sql<boolean>`tr.path @> ARRAY[rp.territory_id]`)
              .where("rp.year", "=", period.year)
              .where(sql<boolean>`rp.quarter IS NOT DISTINCT FROM ${period.quarter}::smallint`)
              .where("rp.status", "=", "closed"),
          ),
        ),
      )
      // «Closing» is worth saying only while an actual is still missing.
      .$if(kind === "kpi_closing", (query) =>
        query.where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("kpi_actual as a")
                .select("a.id")
                .whereRef("a.indicator_id", "=", "t.indicator_id")
                .whereRef("a.territory_id", "=", "t.territory_id")
                .where("a.year", "=", period.year)
                .where(sql<boolean>`a.quarter IS NOT DISTINCT FROM ${period.quarter}::smallint`),
            ),
          ),
        ),
      )
      .execute();
    for (const row of rows) events.push(kpiEvent(row.user_id, row.territory_id, row.name, period, deadline, kind));
  }
  return events;
}

function kpiEvent(
  userId: number,
  territoryId: number,
  territory: NotificationEvent["params"][string],
  period: KpiPeriod,
  deadline: string,
  kind: "kpi_opened" | "kpi_closing",
): NotificationEvent {
  return {
    userId,
    kind,
    subject: `kpi:${territoryId}:${periodKey(period)}`,
    occurrence: kind === "kpi_opened" ? "opened" : "closing",
    params: { territory, year: period.year, quarter: period.quarter, deadline },
    link: `/kpi/scorecard/${territoryId}?period=${periodKey(period)}`,
  };
}

/** Finds today's time-based events and records the new ones; returns how many were new. */
export async function scanReminders(db: Kysely<Database>, today: string): Promise<number> {
  const events = [
    ...(await reportEvents(db, today)),
    ...(await decisionReminderEvents(db, today)),
    ...(await kpiEvents(db, today)),
  ];
  let created = 0;
  // In slices, so that one scan of a large oblast stays a set of short transactions.
  for (let index = 0; index < events.length; index += 500) {
    created += await db.transaction().execute((trx) => notify(trx, events.slice(index, index + 500)));
  }
  return created;
}
