import { sql, type Kysely, type Transaction } from "kysely";
import { withActor } from "~db/actor";
import type { Database, DecisionStatus, LocalizedText } from "~db/schema";
import { isAdmin, type Principal } from "~/domain/auth/access";
import { editableDepartmentIds, forbidden } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { notifyDecisionAssigned, notifyMeetingScheduled } from "~/domain/notifications/events.server";
import { agendaFigures } from "./figures.server";
import { canEditCouncil, canReadCouncil, meetingEditable, readableCouncilIds, type AgendaFigures } from "./rules";
import { localized, type AgendaLink, type MeetingDetailsInput } from "./schemas";

// Councils, their meetings, agendas, frozen figures and decisions. Every function that reads checks
// that the user may read the council; every write checks that they may edit it and runs in one
// audited transaction (withActor).

const notFound = () => new Response("Not found", { status: 404 });
const json = (value: LocalizedText | null) => (value ? JSON.stringify(value) : null);

export async function councilsOf(db: Kysely<Database>, principal: Principal) {
  const ids = readableCouncilIds(principal);
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .selectFrom("council as c")
    .innerJoin("territory as t", "t.id", "c.territory_id")
    .select((eb) => [
      "c.id",
      "c.title",
      "c.organisation",
      "t.name as territoryName",
      eb
        .selectFrom("meeting as m")
        .select((m) => m.fn.countAll<number>().as("n"))
        .whereRef("m.council_id", "=", "c.id")
        .as("meetingCount"),
      eb
        .selectFrom("meeting as m")
        .select("m.meeting_date")
        .whereRef("m.council_id", "=", "c.id")
        .where("m.status", "!=", "planned")
        .orderBy("m.meeting_date", "desc")
        .limit(1)
        .as("lastMeetingDate"),
      eb
        .selectFrom("meeting as m")
        .select("m.meeting_date")
        .whereRef("m.council_id", "=", "c.id")
        .where("m.status", "=", "planned")
        .orderBy("m.meeting_date")
        .limit(1)
        .as("nextMeetingDate"),
    ])
    .orderBy("c.id");
  if (ids !== null) query = query.where("c.id", "in", ids);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, meetingCount: Number(row.meetingCount ?? 0) }));
}

export async function requireReadableCouncil(db: Kysely<Database>, principal: Principal, councilId: number) {
  if (!canReadCouncil(principal, councilId)) throw notFound();
  const council = await db
    .selectFrom("council as c")
    .innerJoin("territory as t", "t.id", "c.territory_id")
    .select(["c.id", "c.title", "c.organisation", "c.territory_id", "t.name as territoryName", "c.version"])
    .where("c.id", "=", councilId)
    .executeTakeFirst();
  if (!council) throw notFound();
  return council;
}

/** A council's members: users holding the council role for it, chair first, then the secretary. */
export async function councilMembers(db: Kysely<Database>, councilId: number) {
  return db
    .selectFrom("role_assignment as ra")
    .innerJoin("app_user as u", "u.id", "ra.user_id")
    .select(["u.id as userId", "u.display_name as name", "u.title", "u.login", "ra.council_position as position"])
    .where("ra.role", "=", "council")
    .where("ra.council_id", "=", councilId)
    .where("u.is_active", "=", true)
    .orderBy(sql`CASE ra.council_position WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END`)
    .orderBy("u.display_name")
    .execute();
}

/** What the council reviews: road maps, whole or by section. */
export async function councilScope(db: Kysely<Database>, councilId: number) {
  return db
    .selectFrom("council_scope as cs")
    .innerJoin("road_map as rm", "rm.id", "cs.road_map_id")
    .leftJoin("section as s", "s.id", "cs.section_id")
    .select(["cs.road_map_id as roadMapId", "rm.title as roadMapTitle", "s.id as sectionId", "s.number", "s.title"])
    .where("cs.council_id", "=", councilId)
    .orderBy("cs.road_map_id")
    .orderBy("s.position")
    .execute();
}

export async function councilMeetings(db: Kysely<Database>, councilId: number) {
  return db
    .selectFrom("meeting")
    .select(["id", "number", "meeting_date", "status", "as_of", "place"])
    .where("council_id", "=", councilId)
    .orderBy("meeting_date", "desc")
    .orderBy("id", "desc")
    .execute();
}

async function meetingRow(db: Kysely<Database>, meetingId: number) {
  return db.selectFrom("meeting").selectAll().where("id", "=", meetingId).executeTakeFirst();
}

export async function requireReadableMeeting(db: Kysely<Database>, principal: Principal, meetingId: number) {
  const meeting = await meetingRow(db, meetingId);
  if (!meeting || !canReadCouncil(principal, meeting.council_id)) throw notFound();
  return meeting;
}

/** Sections, measures and indicators an agenda item of the council may link to: those of its scope. */
export async function linkOptions(db: Kysely<Database>, councilId: number) {
  const scope = await db
    .selectFrom("council_scope")
    .select(["road_map_id", "section_id"])
    .where("council_id", "=", councilId)
    .execute();
  if (scope.length === 0) return { sections: [], measures: [], indicators: [] };
  const whole = scope.filter((s) => s.section_id === null).map((s) => s.road_map_id);
  const sectionIds = scope.flatMap((s) => (s.section_id === null ? [] : [s.section_id]));
  const sections = await db
    .selectFrom("section")
    .select(["id", "road_map_id as roadMapId", "parent_id as parentId", "number", "title"])
    .where((eb) =>
      eb.or([
        ...(whole.length ? [eb("road_map_id", "in", whole)] : []),
        ...(sectionIds.length ? [eb("id", "in", sectionIds), eb("parent_id", "in", sectionIds)] : []),
      ]),
    )
    .orderBy("road_map_id")
    .orderBy("position")
    .orderBy("id")
    .execute();
  const ids = sections.map((s) => s.id);
  const measures = ids.length
    ? await db
        .selectFrom("measure")
        .select(["id", "section_id as sectionId", "number", "title", "responsible_department_id as departmentId"])
        .where("section_id", "in", ids)
        .orderBy(sql`string_to_array(number, '.')::int[]`)
        .execute()
    : [];
  const measureIds = measures.map((m) => m.id);
  const indicators = measureIds.length
    ? await db
        .selectFrom("kpi_indicator as k")
        .select(["k.id", "k.code", "k.title"])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("kpi_indicator_measure as km")
              .select("km.measure_id")
              .whereRef("km.indicator_id", "=", "k.id")
              .where("km.measure_id", "in", measureIds),
          ),
        )
        .orderBy("k.id")
        .execute()
    : [];
  return { sections, measures, indicators };
}

export async function departmentOptions(db: Kysely<Database>, councilId: number) {
  const { measures } = await linkOptions(db, councilId);
  const ids = [...new Set(measures.map((m) => m.departmentId))];
  if (ids.length === 0) return [];
  return db.selectFrom("department").select(["id", "name"]).where("id", "in", ids).orderBy("id").execute();
}

/** The frozen figures of a held meeting, per agenda item, with when they were frozen. */
export async function meetingSnapshot(db: Kysely<Database>, meetingId: number) {
  const rows = await db
    .selectFrom("meeting_snapshot")
    .select(["agenda_item_id", "as_of", "frozen_at", "figures"])
    .where("meeting_id", "=", meetingId)
    .execute();
  // Only holding a meeting writes a snapshot, in this shape, and the database refuses to change it.
  return new Map(
    rows.flatMap((row) =>
      row.agenda_item_id === null ? [] : [[row.agenda_item_id, row.figures as unknown as AgendaFigures] as const],
    ),
  );
}

/** The meeting's agenda figures as the data gives them now, for the same «as of» window. */
export function liveFigures(
  db: Kysely<Database>,
  meeting: { id: number; as_of: string; include_current_quarter: boolean },
) {
  return agendaFigures(db, meeting.id, { asOf: meeting.as_of, includeCurrentQuarter: meeting.include_current_quarter });
}

export async function agendaOf(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom("agenda_item")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function attendeesOf(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom("meeting_attendee")
    .select(["id", "full_name", "position", "kind", "user_id"])
    .where("meeting_id", "=", meetingId)
    .orderBy(sql`CASE kind WHEN 'member' THEN 0 ELSE 1 END`)
    .orderBy("id")
    .execute();
}

function decisionsQuery(db: Kysely<Database>) {
  return db
    .selectFrom("decision as d")
    .innerJoin("meeting as m", "m.id", "d.meeting_id")
    .leftJoin("department as dep", "dep.id", "d.responsible_department_id")
    .select((eb) => [
      "d.id",
      "d.meeting_id as meetingId",
      "d.agenda_item_id as agendaItemId",
      "d.kind",
      "d.body",
      "d.deadline",
      "d.status",
      "d.closed_on as closedOn",
      "d.version",
      "d.responsible_department_id as departmentId",
      "dep.name as departmentName",
      "m.meeting_date as meetingDate",
      "m.number as meetingNumber",
      "m.council_id as councilId",
      sql<
        Array<{ id: number; note: LocalizedText; author: string; createdAt: string }>
      >`coalesce((SELECT json_agg(json_build_object('id', f.id, 'note', f.note, 'author', u.display_name, 'createdAt', f.created_at) ORDER BY f.id)
                    FROM decision_follow_up f JOIN app_user u ON u.id = f.author_id WHERE f.decision_id = d.id), '[]'::json)`.as(
        "followUps",
      ),
      eb
        .selectFrom("decision_measure as dm")
        .innerJoin("measure as me", "me.id", "dm.measure_id")
        .select(sql<string[]>`coalesce(array_agg(me.number ORDER BY me.number), '{}')`.as("numbers"))
        .whereRef("dm.decision_id", "=", "d.id")
        .as("measureNumbers"),
    ])
    .orderBy("d.id");
}

export async function decisionsOf(db: Kysely<Database>, meetingId: number) {
  return decisionsQuery(db).where("d.meeting_id", "=", meetingId).execute();
}

/**
 * What the council decided at its earlier meetings and still has to look at: every decision of the
 * previous meeting, and any older one still open or closed since that meeting.
 */
export async function previousDecisions(
  db: Kysely<Database>,
  meeting: { id: number; council_id: number; meeting_date: string },
) {
  const previous = await db
    .selectFrom("meeting")
    .select(["id", "meeting_date"])
    .where("council_id", "=", meeting.council_id)
    .where("id", "<>", meeting.id)
    .where((eb) =>
      eb.or([
        eb("meeting_date", "<", meeting.meeting_date),
        eb.and([eb("meeting_date", "=", meeting.meeting_date), eb("id", "<", meeting.id)]),
      ]),
    )
    .orderBy("meeting_date", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!previous) return [];
  return decisionsQuery(db)
    .where("m.council_id", "=", meeting.council_id)
    .where((eb) =>
      eb.or([
        eb("d.meeting_id", "=", previous.id),
        eb.and([
          eb("m.meeting_date", "<", previous.meeting_date),
          eb.or([eb("d.status", "=", "open"), eb("d.closed_on", ">=", previous.meeting_date)]),
        ]),
      ]),
    )
    .execute();
}

/** Open decisions the departments are responsible for (their officers' /my lists them), as a query to nest. */
export function departmentDecisionsQuery(db: Kysely<Database>, departmentIds: number[]) {
  return decisionsQuery(db).where("d.responsible_department_id", "in", departmentIds).where("d.status", "=", "open");
}

export type DepartmentDecision = Awaited<ReturnType<typeof decisionsOf>>[number];

// ------------------------------------------------------------------------------------------------
// Writes

async function editableMeeting(
  trx: Transaction<Database>,
  principal: Principal,
  meetingId: number,
  need: "agenda" | "minutes",
) {
  const meeting = await meetingRow(trx, meetingId);
  if (!meeting) throw notFound();
  if (!canEditCouncil(principal, meeting.council_id)) throw forbidden();
  if (!meetingEditable(meeting.status)[need]) {
    throw new RefusedWrite(need === "agenda" ? "meetings.errors.frozen" : "meetings.errors.approved");
  }
  return meeting;
}

export async function createMeeting(
  db: Kysely<Database>,
  principal: Principal,
  councilId: number,
  input: MeetingDetailsInput,
): Promise<number> {
  if (!canEditCouncil(principal, councilId)) throw forbidden();
  return withActor(db, principal.id, async (trx) => {
    const council = await trx.selectFrom("council").select("id").where("id", "=", councilId).executeTakeFirst();
    if (!council) throw notFound();
    const members = await councilMembers(trx, councilId);
    const chair = members.find((m) => m.position === "chair");
    const meeting = await trx
      .insertInto("meeting")
      .values({
        council_id: councilId,
        number: input.number || null,
        meeting_date: input.meetingDate,
        place: json(localized(input.placeKk, input.placeRu)),
        chair_name: input.chairName || chair?.name || null,
        as_of: input.asOf,
        include_current_quarter: input.includeCurrentQuarter === "on",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (members.length) {
      await trx
        .insertInto("meeting_attendee")
        .values(
          members.map((m) => ({
            meeting_id: meeting.id,
            user_id: m.userId,
            full_name: m.name,
            position: json(m.title),
            kind: "member" as const,
          })),
        )
        .execute();
    }
    await notifyMeetingScheduled(trx, meeting.id);
    return meeting.id;
  });
}

export async function updateMeetingDetails(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  version: number,
  input: MeetingDetailsInput,
) {
  await withActor(db, principal.id, async (trx) => {
    const before = await editableMeeting(trx, principal, meetingId, "agenda");
    await claimVersion(trx, "meeting", meetingId, version);
    await trx
      .updateTable("meeting")
      .set({
        number: input.number || null,
        meeting_date: input.meetingDate,
        place: json(localized(input.placeKk, input.placeRu)),
        chair_name: input.chairName || null,
        as_of: input.asOf,
        include_current_quarter: input.includeCurrentQuarter === "on",
      })
      .where("id", "=", meetingId)
      .execute();
    await notifyMeetingScheduled(trx, meetingId, before.meeting_date);
  });
}

export async function addAttendee(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  input: { fullName: string; position: LocalizedText | null },
) {
  await withActor(db, principal.id, async (trx) => {
    await editableMeeting(trx, principal, meetingId, "minutes");
    const existing = await trx
      .selectFrom("meeting_attendee")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("full_name", "=", input.fullName)
      .executeTakeFirst();
    if (existing) throw new RefusedWrite("meetings.errors.attendeeTwice", {}, "fullName");
    await trx
      .insertInto("meeting_attendee")
      .values({ meeting_id: meetingId, full_name: input.fullName, position: json(input.position), kind: "invited" })
      .execute();
  });
}

export async function removeAttendee(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  attendeeId: number,
) {
  await withActor(db, principal.id, async (trx) => {
    await editableMeeting(trx, principal, meetingId, "minutes");
    const removed = await trx
      .deleteFrom("meeting_attendee")
      .where("id", "=", attendeeId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    // An attendee of another meeting (or none) is not this meeting's to remove.
    if (removed.numDeletedRows === 0n) throw new Response("Not found", { status: 404 });
  });
}

export async function addAgendaItem(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  input: {
    title: LocalizedText | null;
    speakerName: string | null;
    speakerPosition: LocalizedText | null;
    links: AgendaLink[];
  },
): Promise<number> {
  return withActor(db, principal.id, async (trx) => {
    const meeting = await editableMeeting(trx, principal, meetingId, "agenda");
    if (!input.title) throw new RefusedWrite("validation.required", {}, "titleKk");
    const options = await linkOptions(trx, meeting.council_id);
    const allowed = {
      section: new Set(options.sections.map((s) => s.id)),
      measure: new Set(options.measures.map((m) => m.id)),
      indicator: new Set(options.indicators.map((k) => k.id)),
    };
    if (input.links.some((link) => !allowed[link.kind].has(link.id))) {
      throw new RefusedWrite("meetings.errors.outsideScope", {}, "links");
    }
    const { position } = await trx
      .selectFrom("agenda_item")
      .select((eb) => eb.fn.coalesce(eb.fn.max("position"), sql<number>`0`).as("position"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const item = await trx
      .insertInto("agenda_item")
      .values({
        meeting_id: meetingId,
        position: Number(position) + 1,
        title: JSON.stringify(input.title),
        speaker_name: input.speakerName,
        speaker_position: json(input.speakerPosition),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const unique = [...new Map(input.links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
    await trx
      .insertInto("agenda_item_link")
      .values(
        unique.map((l) => ({
          agenda_item_id: item.id,
          section_id: l.kind === "section" ? l.id : null,
          measure_id: l.kind === "measure" ? l.id : null,
          indicator_id: l.kind === "indicator" ? l.id : null,
        })),
      )
      .execute();
    return item.id;
  });
}

export async function removeAgendaItem(db: Kysely<Database>, principal: Principal, meetingId: number, itemId: number) {
  await withActor(db, principal.id, async (trx) => {
    await editableMeeting(trx, principal, meetingId, "agenda");
    const item = await trx
      .selectFrom("agenda_item")
      .select("id")
      .where("id", "=", itemId)
      .where("meeting_id", "=", meetingId)
      .forUpdate()
      .executeTakeFirst();
    // An item of another meeting (or none) is not this meeting's to remove.
    if (!item) throw new Response("Not found", { status: 404 });
    await trx
      .updateTable("decision")
      .set({ agenda_item_id: null })
      .where("agenda_item_id", "=", itemId)
      .where("meeting_id", "=", meetingId)
      .execute();
    await trx.deleteFrom("agenda_item").where("id", "=", itemId).where("meeting_id", "=", meetingId).execute();
  });
}

/**
 * An agenda item changes places with its neighbour above or below. The item's version guards against a
 * second secretary's move in between; both rows are updated (and audited) in one transaction.
 */
export async function moveAgendaItem(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  input: { agendaItemId: number; version: number; direction: "up" | "down" },
) {
  await withActor(db, principal.id, async (trx) => {
    await editableMeeting(trx, principal, meetingId, "agenda");
    const items = await trx
      .selectFrom("agenda_item")
      .select(["id", "position"])
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .orderBy("id")
      .forUpdate()
      .execute();
    const index = items.findIndex((item) => item.id === input.agendaItemId);
    // An item of another meeting (or none) is not this meeting's to move.
    if (index < 0) throw new Response("Not found", { status: 404 });
    await claimVersion(trx, "agenda_item", input.agendaItemId, input.version);
    const other = items[input.direction === "up" ? index - 1 : index + 1];
    if (!other) throw new RefusedWrite("oneLanguage.agenda.cannotMove");
    const item = items[index]!;
    await trx.updateTable("agenda_item").set({ position: other.position }).where("id", "=", item.id).execute();
    await trx.updateTable("agenda_item").set({ position: item.position }).where("id", "=", other.id).execute();
  });
}

/**
 * The meeting was held: every figure its agenda shows is computed as of its date and frozen in the
 * same transaction, so that nothing written later — entries, corrections, reopened quarters — can
 * change what the meeting reviewed. A meeting whose day has not come cannot have been held.
 */
export async function holdMeeting(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  version: number,
  today: string,
) {
  await withActor(db, principal.id, async (trx) => {
    const meeting = await editableMeeting(trx, principal, meetingId, "agenda");
    if (meeting.meeting_date > today) {
      throw new RefusedWrite("meetings.errors.holdBeforeDate", { date: meeting.meeting_date });
    }
    await claimVersion(trx, "meeting", meetingId, version);
    const figures = await agendaFigures(trx, meetingId, {
      asOf: meeting.as_of,
      includeCurrentQuarter: meeting.include_current_quarter,
    });
    const frozenAt = new Date();
    if (figures.size) {
      await trx
        .insertInto("meeting_snapshot")
        .values(
          [...figures].map(([agendaItemId, value]) => ({
            meeting_id: meetingId,
            agenda_item_id: agendaItemId,
            as_of: meeting.as_of,
            frozen_at: frozenAt,
            figures: JSON.stringify(value),
          })),
        )
        .execute();
    }
    await trx.updateTable("meeting").set({ status: "held", frozen_at: frozenAt }).where("id", "=", meetingId).execute();
  });
}

export async function approveMinutes(db: Kysely<Database>, principal: Principal, meetingId: number, version: number) {
  await withActor(db, principal.id, async (trx) => {
    const meeting = await editableMeeting(trx, principal, meetingId, "minutes");
    if (meeting.status !== "held") throw new RefusedWrite("meetings.errors.notHeld");
    await claimVersion(trx, "meeting", meetingId, version);
    await trx.updateTable("meeting").set({ status: "minutes_approved" }).where("id", "=", meetingId).execute();
  });
}

export async function saveProtocolItem(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  input: {
    agendaItemId: number;
    version: number;
    heard: LocalizedText | null;
    spoke: LocalizedText | null;
    decided: LocalizedText | null;
  },
) {
  await withActor(db, principal.id, async (trx) => {
    await editableMeeting(trx, principal, meetingId, "minutes");
    const item = await trx
      .selectFrom("agenda_item")
      .select("id")
      .where("id", "=", input.agendaItemId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!item) throw notFound();
    await claimVersion(trx, "agenda_item", item.id, input.version);
    await trx
      .updateTable("agenda_item")
      .set({ heard: json(input.heard), spoke: json(input.spoke), decided: json(input.decided) })
      .where("id", "=", item.id)
      .execute();
  });
}

export async function addDecision(
  db: Kysely<Database>,
  principal: Principal,
  meetingId: number,
  input: {
    kind: "proposal" | "instruction";
    body: LocalizedText | null;
    departmentId: number | null;
    deadline: string | null;
    agendaItemId: number | null;
    measureIds: number[];
  },
): Promise<number> {
  return withActor(db, principal.id, async (trx) => {
    const meeting = await editableMeeting(trx, principal, meetingId, "minutes");
    if (!input.body) throw new RefusedWrite("validation.required", {}, "bodyKk");
    if (input.deadline !== null && input.deadline < meeting.meeting_date) {
      throw new RefusedWrite("meetings.errors.deadlineBeforeMeeting", {}, "deadline");
    }
    const options = await linkOptions(trx, meeting.council_id);
    const departments = new Set(options.measures.map((m) => m.departmentId));
    if (input.departmentId !== null && !departments.has(input.departmentId)) {
      throw new RefusedWrite("meetings.errors.outsideScope", {}, "departmentId");
    }
    const measures = new Set(options.measures.map((m) => m.id));
    if (input.measureIds.some((id) => !measures.has(id))) {
      throw new RefusedWrite("meetings.errors.outsideScope", {}, "measureIds");
    }
    if (input.agendaItemId !== null) {
      const item = await trx
        .selectFrom("agenda_item")
        .select("id")
        .where("id", "=", input.agendaItemId)
        .where("meeting_id", "=", meetingId)
        .executeTakeFirst();
      if (!item) throw new RefusedWrite("meetings.errors.invalid", {}, "agendaItemId");
    }
    const decision = await trx
      .insertInto("decision")
      .values({
        meeting_id: meetingId,
        agenda_item_id: input.agendaItemId,
        kind: input.kind,
        body: JSON.stringify(input.body),
        responsible_department_id: input.departmentId,
        deadline: input.deadline,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const unique = [...new Set(input.measureIds)];
    if (unique.length) {
      await trx
        .insertInto("decision_measure")
        .values(unique.map((measureId) => ({ decision_id: decision.id, measure_id: measureId })))
        .execute();
    }
    await notifyDecisionAssigned(trx, decision.id);
    return decision.id;
  });
}

async function decisionRow(trx: Transaction<Database>, decisionId: number) {
  const decision = await trx
    .selectFrom("decision as d")
    .innerJoin("meeting as m", "m.id", "d.meeting_id")
    .select(["d.id", "d.responsible_department_id", "m.council_id", "d.status"])
    .where("d.id", "=", decisionId)
    .executeTakeFirst();
  if (!decision) throw notFound();
  return decision;
}

/** Done or withdrawn is the council's word (or an admin's); reopening is too. */
export async function setDecisionStatus(
  db: Kysely<Database>,
  principal: Principal,
  input: { decisionId: number; version: number; status: DecisionStatus; today: string },
) {
  await withActor(db, principal.id, async (trx) => {
    const decision = await decisionRow(trx, input.decisionId);
    if (!canEditCouncil(principal, decision.council_id)) throw forbidden();
    await claimVersion(trx, "decision", decision.id, input.version);
    await trx
      .updateTable("decision")
      .set({ status: input.status, closed_on: input.status === "open" ? null : input.today })
      .where("id", "=", decision.id)
      .execute();
  });
}

/** Follow-up notes: by an editor of the responsible department, the council's members or an admin. */
export function mayFollowUp(
  principal: Principal,
  decision: { responsible_department_id: number | null; council_id: number },
): boolean {
  return (
    isAdmin(principal) ||
    canEditCouncil(principal, decision.council_id) ||
    (decision.responsible_department_id !== null &&
      editableDepartmentIds(principal).includes(decision.responsible_department_id))
  );
}

export async function addFollowUp(
  db: Kysely<Database>,
  principal: Principal,
  input: { decisionId: number; note: LocalizedText | null },
) {
  await withActor(db, principal.id, async (trx) => {
    const decision = await decisionRow(trx, input.decisionId);
    if (!mayFollowUp(principal, decision)) throw forbidden();
    if (!input.note) throw new RefusedWrite("validation.required", {}, "noteKk");
    await trx
      .insertInto("decision_follow_up")
      .values({ decision_id: decision.id, note: JSON.stringify(input.note), author_id: principal.id })
      .execute();
  });
}
