import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { previousQuarter, quarterOf, type Quarter } from "./quarter";

type Db = Kysely<Database> | Transaction<Database>;

/** Closed quarters of a road map, as "YYYY-Q" keys. */
export async function closedQuarters(db: Db, roadMapId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("reporting_period")
    .select(["year", "quarter"])
    .where("road_map_id", "=", roadMapId)
    .where("status", "=", "closed")
    .execute();
  return new Set(rows.map((row) => `${row.year}-${row.quarter}`));
}

export const quarterKey = ({ year, quarter }: Quarter) => `${year}-${quarter}`;

/**
 * Refuses, with a message for the user, a write dated inside a closed quarter. The database refuses
 * it too (trigger progress_entry_refuse_closed_period); this check only makes the message precise.
 */
export async function assertQuarterOpen(db: Db, roadMapId: number, isoDate: string): Promise<void> {
  const quarter = quarterOf(isoDate);
  const closed = await closedQuarters(db, roadMapId);
  if (closed.has(quarterKey(quarter))) {
    throw new RefusedWrite("editing.periodClosed", { year: quarter.year, quarter: quarter.quarter });
  }
}

export async function closeQuarter(db: Kysely<Database>, actorId: number, roadMapId: number, quarter: Quarter) {
  await withActor(db, actorId, async (trx) => {
    await sql`
      INSERT INTO reporting_period (road_map_id, year, quarter, status, changed_by)
      VALUES (${roadMapId}, ${quarter.year}, ${quarter.quarter}, 'closed', ${actorId})
      ON CONFLICT (road_map_id, territory_id, year, quarter)
      DO UPDATE SET status = 'closed', changed_by = EXCLUDED.changed_by, reason = NULL`.execute(trx);
  });
}

/** Reopening a closed quarter is an admin's decision with a reason, kept in the audit log. */
export async function reopenQuarter(
  db: Kysely<Database>,
  actorId: number,
  roadMapId: number,
  quarter: Quarter,
  reason: string,
) {
  await withActor(
    db,
    actorId,
    async (trx) => {
      const result = await trx
        .updateTable("reporting_period")
        .set({ status: "open", changed_by: actorId, reason })
        .where("road_map_id", "=", roadMapId)
        .where("year", "=", quarter.year)
        .where("quarter", "=", quarter.quarter)
        .where("status", "=", "closed")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new RefusedWrite("periods.notClosed");
    },
    { reason },
  );
}

export interface PeriodRow {
  quarter: Quarter;
  closed: boolean;
  /** The reason given when it was last reopened. */
  reopenReason: string | null;
  version: number | null;
  reports: Record<"submitted" | "accepted" | "returned" | "missing", number>;
}

/** The quarters of a road map from its programme's first year to today's quarter, newest first. */
/**
 * What closing a quarter would leave behind: each department with measures on the road map whose
 * report for the quarter is missing, waiting for review or sent back. Shown before the admin confirms.
 */
export async function pendingReports(db: Db, roadMapId: number, quarter: Quarter) {
  const rows = await db
    .selectFrom("department as d")
    .leftJoin("department_report as r", (join) =>
      join
        .onRef("r.department_id", "=", "d.id")
        .on("r.road_map_id", "=", roadMapId)
        .on("r.year", "=", quarter.year)
        .on("r.quarter", "=", quarter.quarter),
    )
    .select(["d.id", "d.name", "r.status"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("measure as m")
          .select("m.id")
          .whereRef("m.responsible_department_id", "=", "d.id")
          .where("m.road_map_id", "=", roadMapId),
      ),
    )
    .where((eb) => eb.or([eb("r.status", "is", null), eb("r.status", "in", ["submitted", "returned"])]))
    .orderBy("d.id")
    .execute();
  // Accepted reports are filtered out above: what is left is missing, submitted or returned.
  type Pending = "missing" | "submitted" | "returned";
  return rows.map((row) => ({ departmentId: row.id, name: row.name, state: (row.status ?? "missing") as Pending }));
}

export async function roadMapPeriods(
  db: Kysely<Database>,
  roadMapId: number,
  startYear: number,
  today: string,
): Promise<PeriodRow[]> {
  const [periods, reports, departments] = await Promise.all([
    db
      .selectFrom("reporting_period")
      .select(["year", "quarter", "status", "reason", "version"])
      .where("road_map_id", "=", roadMapId)
      .execute(),
    db
      .selectFrom("department_report")
      .select(["year", "quarter", "status"])
      .where("road_map_id", "=", roadMapId)
      .execute(),
    db
      .selectFrom("measure")
      .select("responsible_department_id")
      .distinct()
      .where("road_map_id", "=", roadMapId)
      .execute(),
  ]);
  const rows: PeriodRow[] = [];
  for (let q = quarterOf(today); q.year >= startYear; q = previousQuarter(q)) {
    const period = periods.find((p) => p.year === q.year && p.quarter === q.quarter);
    const ofQuarter = reports.filter((r) => r.year === q.year && r.quarter === q.quarter);
    const count = (status: string) => ofQuarter.filter((r) => r.status === status).length;
    rows.push({
      quarter: q,
      closed: period?.status === "closed",
      reopenReason: period?.status === "open" ? period.reason : null,
      version: period?.version ?? null,
      reports: {
        submitted: count("submitted"),
        accepted: count("accepted"),
        returned: count("returned"),
        missing: Math.max(departments.length - ofQuarter.length, 0),
      },
    });
  }
  return rows;
}
