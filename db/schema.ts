import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { MultiPolygon, Polygon } from "geojson";

// Table types of the schema in db/migrations. Numerics and bigints are parsed to numbers and dates
// to 'YYYY-MM-DD' strings by the client (db/client.ts), so they are typed that way here.
// tests/integration/schema.test.ts checks these columns against the migrated database.

export type Locale = "kk" | "ru" | "en";
export type LocalizedText = Partial<Record<Locale, string>>;

type Id = Generated<number>;
/** A `date` column: an ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (now()) unless one is given. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Versioned = {
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type Role = "admin" | "editor" | "council" | "akim" | "viewer";
export type TerritoryKind = "country" | "oblast" | "city_rep" | "district" | "city_obl" | "rural";
export type ProgrammeStatus = "draft" | "under_approval" | "approved" | "in_force" | "completed" | "archived";
export type MeasureUnit =
  "event" | "meeting" | "object" | "person" | "document" | "percent" | "tenge" | "item" | "centre" | "project";
export type DeadlineRecurrence = "annual" | "semiannual" | "quarterly" | "permanent";
export type ImportKind = "road_map" | "quarter_sheet";
export type ControlState = "on_control" | "removed";
export type ReportStatus = "submitted" | "accepted" | "returned";
export type PeriodStatus = "open" | "closed";
export type KpiDirection = "higher_is_better" | "lower_is_better";
export type KpiSource = "entered" | "measure_fact" | "road_map_execution";
export type MeetingStatus = "planned" | "held" | "minutes_approved";
export type DecisionKind = "proposal" | "instruction";
export type DecisionStatus = "open" | "done" | "withdrawn";
export type CouncilPosition = "chair" | "secretary" | "member";

export interface TerritoryTable extends Versioned {
  id: Id;
  parent_id: number | null;
  kind: TerritoryKind;
  kato_code: string | null;
  name: Json<LocalizedText>;
  /** Ids from the root down to the territory itself; set by a trigger. */
  path: ColumnType<number[], never, never>;
}

/** A boundary an admin uploaded for a territory; the newest version is drawn. */
export interface TerritoryBoundaryTable {
  id: Id;
  territory_id: number;
  version: number;
  geometry: Json<Polygon | MultiPolygon>;
  file_name: string;
  vertex_count: number;
  uploaded_by: number;
  created_at: DefaultTimestamp;
}

export interface DepartmentTable extends Versioned {
  id: Id;
  territory_id: number;
  name: Json<LocalizedText>;
  head_name: NullableJson<LocalizedText>;
  head_title: NullableJson<LocalizedText>;
}

export interface AppUserTable extends Versioned {
  id: Id;
  login: string;
  /** The person's name, as they write it; documents are signed with it. */
  display_name: string;
  /** The person's post (e.g. the council's secretary), in the languages it was written in. */
  title: NullableJson<LocalizedText>;
  /** Where notifications and password resets are mailed; compared without case, unique. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  password_hash: string;
  locale: Generated<Locale>;
  is_active: Generated<boolean>;
  /** When the password was last set by its user or reset by an administrator; null = never since creation. */
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CouncilTable extends Versioned {
  id: Id;
  territory_id: number;
  title: Json<LocalizedText>;
  organisation: NullableJson<LocalizedText>;
}

export interface CouncilScopeTable {
  id: Id;
  council_id: number;
  road_map_id: number;
  section_id: number | null;
}

export interface RoleAssignmentTable extends Versioned {
  id: Id;
  user_id: number;
  role: Role;
  department_id: number | null;
  council_id: number | null;
  territory_id: number | null;
  council_position: CouncilPosition | null;
}

export interface ProgrammeTable extends Versioned {
  id: Id;
  title: Json<LocalizedText>;
  owner: NullableJson<LocalizedText>;
  description: NullableJson<LocalizedText>;
  start_year: number;
  end_year: number;
  status: Generated<ProgrammeStatus>;
  rag_green: Generated<number>;
  rag_amber: Generated<number>;
  /** The programme's public transparency page is open to everyone (routes/p.*). */
  public_page: Generated<boolean>;
  /** Which blocks the public page shows: execution by section, by territory, the list of measures. */
  public_sections: Generated<boolean>;
  public_territories: Generated<boolean>;
  public_measures: Generated<boolean>;
}

export interface ProgrammeStatusChangeTable {
  id: Id;
  programme_id: number;
  from_status: ProgrammeStatus | null;
  to_status: ProgrammeStatus;
  changed_on: IsoDate;
  changed_by: number | null;
  note: NullableJson<LocalizedText>;
  created_at: DefaultTimestamp;
}

export interface RoadMapTable extends Versioned {
  id: Id;
  programme_id: number;
  territory_id: number;
  title: Json<LocalizedText>;
  approved_on: IsoDate | null;
}

export interface SectionTable extends Versioned {
  id: Id;
  road_map_id: number;
  parent_id: number | null;
  number: string | null;
  title: Json<LocalizedText>;
  position: Generated<number>;
}

export interface MeasureTable extends Versioned {
  id: Id;
  road_map_id: number;
  section_id: number;
  number: string;
  title: Json<LocalizedText>;
  completion_form: NullableJson<LocalizedText>;
  unit: MeasureUnit;
  responsible_department_id: number;
  territory_id: number;
  deadline: IsoDate;
  funding_source: NullableJson<LocalizedText>;
  planned_funding: number | null;
  weight: Generated<number>;
  control_state: Generated<ControlState>;
  removed_on: IsoDate | null;
  removed_reason: NullableJson<LocalizedText>;
  /** The deadline as the road map wrote it, when it was not a plain date; `deadline` is the date it stands for. */
  deadline_text: NullableJson<LocalizedText>;
  deadline_recurrence: DeadlineRecurrence | null;
  /** Plan and fact are counts of a base (documents of a fund); the percentage is computed from them. */
  share_of_base: Generated<boolean>;
  /** What the base is («the main fund, documents»), for a share-of-base measure. */
  base_label: NullableJson<LocalizedText>;
  /** The narratives of its progress entries may be shown on the programme's public page. */
  narrative_public: Generated<boolean>;
}

export interface MeasureCoExecutorTable {
  measure_id: number;
  department_id: number;
}

export interface MeasureDeadlineChangeTable {
  id: Id;
  measure_id: number;
  previous_deadline: IsoDate;
  new_deadline: IsoDate;
  /** The day the new deadline came into force. */
  changed_on: IsoDate;
  reason: Json<LocalizedText>;
  changed_by: number | null;
  changed_at: DefaultTimestamp;
}

export interface MeasureControlChangeTable {
  id: Id;
  measure_id: number;
  control_state: ControlState;
  changed_on: IsoDate;
  reason: Json<LocalizedText>;
  changed_by: number | null;
  changed_at: DefaultTimestamp;
}

export interface MeasureWeightChangeTable {
  id: Id;
  measure_id: number;
  previous_weight: number;
  new_weight: number;
  /** The day the new weight came into force. */
  changed_on: IsoDate;
  changed_by: number | null;
  changed_at: DefaultTimestamp;
}

/**
 * The deadline, weight and control state of a measure in force over [valid_from, valid_until); derived
 * from the measure and its change logs by the database (measure_terms_rebuild), never written by the app.
 */
export interface MeasureTermTable {
  measure_id: ColumnType<number, never, never>;
  /** '-infinity' on a measure's first span. */
  valid_from: ColumnType<IsoDate, never, never>;
  /** 'infinity' on a measure's last span. */
  valid_until: ColumnType<IsoDate, never, never>;
  deadline: ColumnType<IsoDate, never, never>;
  weight: ColumnType<number, never, never>;
  removed: ColumnType<boolean, never, never>;
}

export interface MeasurePlanTable extends Versioned {
  id: Id;
  measure_id: number;
  territory_id: number;
  year: number;
  quarter: number;
  planned: number;
  ends_on: ColumnType<IsoDate, never, never>;
  /** The base the planned count is a share of (this territory's fund), for a share-of-base measure. */
  base: number | null;
}

export interface ProgressEntryTable extends Versioned {
  id: Id;
  measure_id: number;
  territory_id: number;
  entry_date: IsoDate;
  value: number;
  people_reached: number | null;
  narrative: NullableJson<LocalizedText>;
  evidence_links: ColumnType<string[], string | undefined, string>;
  behind_reason: NullableJson<LocalizedText>;
  author_id: number;
  /** The entry's quarter; generated from entry_date. */
  year: ColumnType<number, never, never>;
  quarter: ColumnType<number, never, never>;
  /** The import that brought the entry in; null for entries typed in the app. */
  import_batch_id: number | null;
  /** The form render's or sheet row's key: the same row saves once, and a repeated upload updates its own entry. */
  source_key: string | null;
  /** The base when the fact was recorded, if it differs from the plan's (a share-of-base measure). */
  base: number | null;
}

/** A file attached to a progress entry as evidence; its bytes are in the file store under storage_key. */
export interface EvidenceFileTable {
  id: Id;
  entry_id: number;
  measure_id: number;
  storage_key: string;
  has_thumbnail: Generated<boolean>;
  file_name: string;
  /** The type its content was found to be (never the name's). */
  media_type: string;
  byte_size: number;
  sha256: string;
  uploaded_by: number;
  created_at: DefaultTimestamp;
}

/** An evidence file uploaded with a form that came back with a question: stored, not yet attached. */
export interface EvidencePendingTable {
  id: Id;
  uploaded_by: number;
  storage_key: string;
  has_thumbnail: Generated<boolean>;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  created_at: DefaultTimestamp;
}

export interface ImportBatchTable {
  id: Id;
  kind: ImportKind;
  road_map_id: number;
  department_id: number | null;
  file_name: string;
  file_sha256: string;
  summary: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export type UploadPurpose = "road_map_import" | "quarter_sheet";

/** A file between its preview and its saving; removed after a day. */
export interface UploadedFileTable {
  id: Id;
  purpose: UploadPurpose;
  file_name: string;
  content: Uint8Array;
  sha256: string;
  uploaded_by: number;
  created_at: DefaultTimestamp;
}

/** A form render's key, used once: a repeated post of the same form saves nothing. */
export interface FormSubmissionTable {
  key: string;
  user_id: number;
  outcome: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: DefaultTimestamp;
}

/** A signed-in browser; the cookie holds the token, this row only its SHA-256 (hex). */
export interface UserSessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  user_agent: string | null;
}

/** Failed sign-ins under one key («login:…» or «address:…»), forgotten a day after the last. */
export interface SignInFailureTable {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
}

export type AccountTokenPurpose = "password_reset" | "email_change";

/** A single-use token mailed to a user (a password reset, an address to confirm); only its SHA-256 is kept. */
export interface AccountTokenTable {
  id: Generated<number>;
  purpose: AccountTokenPurpose;
  user_id: number;
  token_hash: string;
  /** The new address an e-mail change waits to confirm; null for a password reset. */
  email: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DepartmentReportTable extends Versioned {
  id: Id;
  road_map_id: number;
  department_id: number;
  year: number;
  quarter: number;
  status: ReportStatus;
  submitted_at: Timestamp;
  submitted_by: number;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  review_comment: string | null;
}

export interface ReportingPeriodTable extends Versioned {
  id: Id;
  road_map_id: number | null;
  territory_id: number | null;
  year: number;
  quarter: number | null;
  status: Generated<PeriodStatus>;
  changed_by: number | null;
  reason: string | null;
}

export interface KpiIndicatorTable extends Versioned {
  id: Id;
  code: string | null;
  title: Json<LocalizedText>;
  description: NullableJson<LocalizedText>;
  unit: MeasureUnit;
  direction: KpiDirection;
  category: string;
  rag_green: Generated<number>;
  rag_amber: Generated<number>;
  source: Generated<KpiSource>;
  road_map_id: number | null;
  /** Target and actual are counts of a base; achievement compares the shares. */
  share_of_base: Generated<boolean>;
}

export interface KpiIndicatorMeasureTable {
  indicator_id: number;
  measure_id: number;
}

export interface KpiTargetTable extends Versioned {
  id: Id;
  indicator_id: number;
  territory_id: number;
  year: number;
  quarter: number | null;
  target: number;
  weight: Generated<number>;
  /** The base the target count is a share of, for a share-of-base indicator. */
  base: number | null;
}

export interface KpiActualTable extends Versioned {
  id: Id;
  indicator_id: number;
  territory_id: number;
  year: number;
  quarter: number | null;
  actual: number;
  comment: NullableJson<LocalizedText>;
  source_url: string | null;
  entered_by: number;
  /** The base the actual count is a share of; the target's when absent. */
  base: number | null;
}

export interface MeetingTable extends Versioned {
  id: Id;
  council_id: number;
  number: string | null;
  meeting_date: IsoDate;
  place: NullableJson<LocalizedText>;
  chair_name: string | null;
  status: Generated<MeetingStatus>;
  as_of: IsoDate;
  include_current_quarter: Generated<boolean>;
  frozen_at: Timestamp | null;
}

export interface MeetingAttendeeTable {
  id: Id;
  meeting_id: number;
  user_id: number | null;
  full_name: string;
  position: NullableJson<LocalizedText>;
  kind: "member" | "invited";
}

export interface AgendaItemTable extends Versioned {
  id: Id;
  meeting_id: number;
  position: number;
  title: Json<LocalizedText>;
  speaker_name: string | null;
  speaker_position: NullableJson<LocalizedText>;
  heard: NullableJson<LocalizedText>;
  spoke: NullableJson<LocalizedText>;
  decided: NullableJson<LocalizedText>;
}

export interface AgendaItemLinkTable {
  id: Id;
  agenda_item_id: number;
  section_id: number | null;
  measure_id: number | null;
  indicator_id: number | null;
}

export interface MeetingSnapshotTable {
  id: Id;
  meeting_id: number;
  agenda_item_id: number | null;
  as_of: IsoDate;
  frozen_at: DefaultTimestamp;
  figures: Json<Record<string, unknown>>;
}

export interface DecisionTable extends Versioned {
  id: Id;
  meeting_id: number;
  agenda_item_id: number | null;
  kind: DecisionKind;
  body: Json<LocalizedText>;
  responsible_department_id: number | null;
  deadline: IsoDate | null;
  status: Generated<DecisionStatus>;
  closed_on: IsoDate | null;
}

export interface DecisionMeasureTable {
  decision_id: number;
  measure_id: number;
}

export interface DecisionFollowUpTable {
  id: Id;
  decision_id: number;
  note: Json<LocalizedText>;
  author_id: number;
  created_at: DefaultTimestamp;
}

/** Moves with every change of a road map's figures: computed figures are reused until it does. */
export interface RoadMapRevisionTable {
  road_map_id: number;
  revision: ColumnType<number, number | undefined, number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: DefaultTimestamp;
  actor_id: number | null;
  action: "insert" | "update" | "delete";
  table_name: string;
  row_id: number | null;
  parent_table: string | null;
  parent_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** A read-API token: one role with its scope, like a role assignment; only the secret's SHA-256 is kept. */
export interface ApiTokenTable extends Versioned {
  id: Id;
  name: string;
  /** «ory_» and the secret's first six characters, to tell tokens apart in lists. */
  token_prefix: string;
  token_hash: string;
  role: Role;
  department_id: number | null;
  council_id: number | null;
  territory_id: number | null;
  council_position: CouncilPosition | null;
  expires_at: Timestamp;
  created_by: number;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

/** One call of the read API; token_id is null when no valid token was shown. */
export interface ApiCallTable {
  id: Generated<number>;
  token_id: number | null;
  method: string;
  path: string;
  status: number;
  called_at: DefaultTimestamp;
}

export interface ApiRateWindowTable {
  token_id: number;
  window_start: Timestamp;
  calls: number;
}

/** One event for one user: its words are rendered from kind and params when read (docs/decisions/0029). */
export interface NotificationTable {
  id: ColumnType<number, never, never>;
  user_id: number;
  kind: string;
  subject: string;
  occurrence: string;
  params: ColumnType<Record<string, string | number>, string | undefined, string>;
  link: string;
  created_at: DefaultTimestamp;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type NotificationMailStatus = "pending" | "sent" | "failed" | "dropped";

/** The outbox: a notification's mail, claimed by one sender at a time. */
export interface NotificationMailTable {
  id: ColumnType<number, never, never>;
  notification_id: number;
  status: Generated<NotificationMailStatus>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  claimed_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: string | null;
  created_at: DefaultTimestamp;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A kind of notification the user wants (or not) by e-mail; no row = by e-mail. */
export interface NotificationPreferenceTable {
  id: Id;
  user_id: number;
  kind: string;
  email: boolean;
  updated_at: DefaultTimestamp;
}

export interface Database {
  territory: TerritoryTable;
  territory_boundary: TerritoryBoundaryTable;
  department: DepartmentTable;
  app_user: AppUserTable;
  council: CouncilTable;
  council_scope: CouncilScopeTable;
  role_assignment: RoleAssignmentTable;
  programme: ProgrammeTable;
  programme_status_change: ProgrammeStatusChangeTable;
  road_map: RoadMapTable;
  section: SectionTable;
  measure: MeasureTable;
  measure_co_executor: MeasureCoExecutorTable;
  measure_deadline_change: MeasureDeadlineChangeTable;
  measure_control_change: MeasureControlChangeTable;
  measure_weight_change: MeasureWeightChangeTable;
  measure_term: MeasureTermTable;
  measure_plan: MeasurePlanTable;
  progress_entry: ProgressEntryTable;
  evidence_file: EvidenceFileTable;
  evidence_pending: EvidencePendingTable;
  department_report: DepartmentReportTable;
  reporting_period: ReportingPeriodTable;
  kpi_indicator: KpiIndicatorTable;
  kpi_indicator_measure: KpiIndicatorMeasureTable;
  kpi_target: KpiTargetTable;
  kpi_actual: KpiActualTable;
  meeting: MeetingTable;
  meeting_attendee: MeetingAttendeeTable;
  agenda_item: AgendaItemTable;
  agenda_item_link: AgendaItemLinkTable;
  meeting_snapshot: MeetingSnapshotTable;
  decision: DecisionTable;
  decision_measure: DecisionMeasureTable;
  decision_follow_up: DecisionFollowUpTable;
  audit_log: AuditLogTable;
  road_map_revision: RoadMapRevisionTable;
  import_batch: ImportBatchTable;
  form_submission: FormSubmissionTable;
  uploaded_file: UploadedFileTable;
  user_session: UserSessionTable;
  sign_in_failure: SignInFailureTable;
  account_token: AccountTokenTable;
  api_token: ApiTokenTable;
  api_call: ApiCallTable;
  api_rate_window: ApiRateWindowTable;
  notification: NotificationTable;
  notification_mail: NotificationMailTable;
  notification_preference: NotificationPreferenceTable;
}

export type Territory = Selectable<TerritoryTable>;
export type Measure = Selectable<MeasureTable>;
export type NewMeasure = Insertable<MeasureTable>;
export type MeasureUpdate = Updateable<MeasureTable>;
export type ProgressEntry = Selectable<ProgressEntryTable>;
export type AppUser = Selectable<AppUserTable>;
