import type { DeadlineRecurrence, LocalizedText, MeasureUnit } from "~db/schema";
import { quarterOf } from "~/domain/periods/quarter";
import { departmentMatcher, joinSplitNames, languageOf, normaliseName, type KnownDepartment } from "./department-names";
import type { ColumnRole, ParsedMeasure, ParsedSection, ReadResult, SheetIssue } from "./road-map-sheet";
import { yearRange } from "~/i18n/range";

// What saving a read road-map file would do to a road map: which sections and measures are added,
// changed (which fields, old → new) or left alone, which executors are which departments, and what
// stops the save. Pure: the preview shows it, the save carries it out from the same computation made
// again under lock, and the tests check it without a database.

export interface ExistingSection {
  id: number;
  version: number;
  number: string | null;
  title: LocalizedText;
  parentId: number | null;
  position: number;
}

export interface ExistingPlan {
  id: number;
  version: number;
  year: number;
  quarter: number;
  planned: number;
}

export interface ExistingMeasure {
  id: number;
  version: number;
  number: string;
  sectionId: number;
  title: LocalizedText;
  completionForm: LocalizedText | null;
  unit: MeasureUnit;
  responsibleDepartmentId: number;
  coExecutorIds: number[];
  deadline: string;
  deadlineText: LocalizedText | null;
  deadlineRecurrence: DeadlineRecurrence | null;
  fundingSource: LocalizedText | null;
  plannedFunding: number | null;
  /** Plans of the road map's own territory (shares of other territories are never touched). */
  plans: ExistingPlan[];
}

export interface ExistingEntry {
  id: number;
  version: number;
  sourceKey: string;
  value: number;
  entryDate: string;
  peopleReached: number | null;
  narrative: LocalizedText | null;
}

export interface RoadMapState {
  roadMapId: number;
  territoryId: number;
  startYear: number;
  endYear: number;
  revision: number;
  sections: ExistingSection[];
  measures: ExistingMeasure[];
  departments: KnownDepartment[];
  /** Entries earlier imports made, by source key. */
  importedEntries: ExistingEntry[];
  /** Closed quarters as «YYYY-Q». */
  closedQuarters: string[];
}

export type DepartmentChoice = { kind: "new" } | { kind: "existing"; departmentId: number };

export interface ImportChoices {
  /** Per executor (its normalised name): create it as a new department, or take an existing one. */
  departments: Record<string, DepartmentChoice>;
  /** The day imported facts are dated on. */
  factsDate: string;
}

export type ChangeMark = "added" | "changed" | "unchanged";

/** An executor as the plan refers to it: a department that exists, or one the save creates. */
export type DepartmentRef = { kind: "existing"; id: number } | { kind: "new"; key: string };

export interface PlannedExecutor {
  key: string;
  /** The name as first written in the file. */
  name: string;
  /** The language it is written in: a new department is named in it. */
  language: "kk" | "ru";
  /** Where it was first written. */
  cell: string | null;
  measureCount: number;
  /** The department the app found for the name itself. */
  match: { departmentId: number; how: "exact" | "tolerant" } | null;
  /** What the save does with it: the admin's choice, else the match; null = not decided (an error). */
  resolved: DepartmentRef | null;
}

export interface PlannedSection {
  key: string;
  number: string | null;
  title: LocalizedText;
  parentKey: string | null;
  status: ChangeMark;
  existingId: number | null;
  version: number | null;
  changes: Array<"title" | "parent">;
  row: number | null;
}

export type MeasureField =
  | "section"
  | "title"
  | "completionForm"
  | "unit"
  | "responsible"
  | "coExecutors"
  | "deadline"
  | "deadlineText"
  | "recurrence"
  | "fundingSource"
  | "plannedFunding"
  | "plans"
  | "facts";

/** A value as the preview shows it, before or after. */
export type ShownValue =
  | { kind: "text"; value: LocalizedText | null }
  | { kind: "date"; value: string | null }
  | { kind: "number"; value: number | null }
  | { kind: "unit"; value: MeasureUnit }
  | { kind: "recurrence"; value: DeadlineRecurrence | null }
  | { kind: "section"; value: string | null }
  | { kind: "departments"; value: DepartmentRef[] }
  | { kind: "quantities"; value: Array<{ year: number | null; quarter: number | null; value: number }> };

export interface FieldChange {
  field: MeasureField;
  before: ShownValue;
  after: ShownValue;
}

export interface PlannedPlan {
  year: number;
  quarter: number;
  planned: number;
}

export interface PlannedFact {
  sourceKey: string;
  year: number | null;
  quarter: number | null;
  value: number;
  peopleReached: number | null;
  narrative: LocalizedText | null;
  status: ChangeMark;
  existing: ExistingEntry | null;
}

export interface MeasureValues {
  sectionKey: string;
  title: LocalizedText;
  completionForm: LocalizedText | null;
  unit: MeasureUnit;
  responsible: DepartmentRef | null;
  coExecutors: DepartmentRef[];
  deadline: string;
  deadlineText: LocalizedText | null;
  recurrence: DeadlineRecurrence | null;
  fundingSource: LocalizedText | null;
  plannedFunding: number | null;
}

export interface PlannedMeasure {
  number: string;
  row: number;
  status: ChangeMark;
  existing: ExistingMeasure | null;
  values: MeasureValues;
  /** The years whose own-territory plans the file replaces, and the plans it gives for them. */
  planYears: number[];
  plans: PlannedPlan[];
  plansChanged: boolean;
  facts: PlannedFact[];
  changes: FieldChange[];
}

export interface ImportSummary {
  sections: Record<ChangeMark, number>;
  measures: Record<ChangeMark, number> & { notInFile: number };
  facts: Record<ChangeMark, number>;
  newDepartments: number;
  errors: number;
  warnings: number;
}

export interface ImportPlan {
  revision: number;
  /** The day imported facts are dated on. */
  factsDate: string;
  sections: PlannedSection[];
  measures: PlannedMeasure[];
  /** Measures of the road map the file does not mention: left as they are, never deleted. */
  notInFile: Array<{ id: number; number: string; title: LocalizedText }>;
  executors: PlannedExecutor[];
  issues: SheetIssue[];
  summary: ImportSummary;
}

/** The section measures listed before any section row are put in; found again by its title. */
export const UNSECTIONED_TITLE: LocalizedText = { kk: "Бөлімге кірмеген іс-шаралар", ru: "Мероприятия вне разделов" };

const MEASURE_NUMBER = /^[\p{L}\p{N}]+([.-][\p{L}\p{N}]+)*$/u;
/** numeric(18, 3): what a plan or a fact may hold. */
const QUANTITY_LIMIT = 1e15;
const FUNDING_LIMIT = 1e16;
const INTEGER_LIMIT = 2_147_483_647;

export const sourceKeyOf = (roadMapId: number, number: string, year: number | null, quarter: number | null) =>
  `roadmap:${roadMapId}:${number}:${year ?? "-"}:${quarter ?? "-"}`;

const problem = (
  severity: SheetIssue["severity"],
  cell: string | null,
  code: string,
  params?: Record<string, string | number>,
): SheetIssue => ({ cell, severity, code: `roadMapImport.problem.${code}`, params, message: "" });

/** Localized text with blank values dropped; null when nothing is left. */
function cleanText(value: LocalizedText | null | undefined): LocalizedText | null {
  if (!value) return null;
  const kept: LocalizedText = {};
  for (const locale of ["kk", "ru", "en"] as const) {
    const text = value[locale]?.trim();
    if (text) kept[locale] = text;
  }
  return Object.keys(kept).length ? kept : null;
}

/** The file's wording over the stored one, language by language: a kk-only file keeps the ru title. */
function mergeText(stored: LocalizedText | null, fromFile: LocalizedText | null): LocalizedText | null {
  const file = cleanText(fromFile);
  if (!file) return cleanText(stored);
  return cleanText({ ...(stored ?? {}), ...file });
}

const sameText = (a: LocalizedText | null, b: LocalizedText | null) =>
  JSON.stringify(cleanText(a) ?? {}, ["en", "kk", "ru"]) === JSON.stringify(cleanText(b) ?? {}, ["en", "kk", "ru"]);

const sameRefs = (a: DepartmentRef[], b: DepartmentRef[]) =>
  a.length === b.length && a.every((ref, index) => sameRef(ref, b[index]!));
const sameRef = (a: DepartmentRef | null, b: DepartmentRef | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.kind === b.kind &&
    (a.kind === "existing" ? a.id === (b as typeof a).id : a.key === (b as typeof a).key));

function columnRoles(read: ReadResult): ColumnRole[] {
  return read.sheets.flatMap((sheet) => sheet.columns.map((column) => column.role));
}

/** The cell of a measure's row in the first sheet that has a column of this role. */
function cellFinder(read: ReadResult) {
  return (row: number, matches: (role: ColumnRole) => boolean): string | null => {
    for (const sheet of read.sheets) {
      const column = sheet.columns.find((c) => matches(c.role));
      if (column) return `${column.letter}${row}`;
    }
    return null;
  };
}

/** The section key a parsed section or a measure's section is known by within one plan. */
const sectionKeyOf = (section: Pick<ParsedSection, "number" | "title">) =>
  section.number !== null ? `n:${section.number}` : `t:${normaliseName(Object.values(section.title)[0] ?? "")}`;

function matchExistingSection(state: RoadMapState, parsed: Pick<ParsedSection, "number" | "title">) {
  if (parsed.number !== null) return state.sections.find((s) => s.number === parsed.number) ?? null;
  const names = new Set(
    Object.values(parsed.title)
      .filter((name): name is string => Boolean(name))
      .map(normaliseName),
  );
  return (
    state.sections.find(
      (s) => s.number === null && Object.values(s.title).some((name) => name && names.has(normaliseName(name))),
    ) ?? null
  );
}

export function planImport(state: RoadMapState, read: ReadResult, choices: ImportChoices): ImportPlan {
  const issues: SheetIssue[] = [...read.fileIssues, ...read.merged.issues];
  const roles = columnRoles(read);
  const cellOf = cellFinder(read);
  const lastDay = `${state.endYear}-12-31`;
  const sheetLocale = read.sheets[0]?.locale ?? "kk";
  const inProgramme = (year: number) => year >= state.startYear && year <= state.endYear;

  // Plan and fact columns outside the programme's years.
  for (const sheet of read.sheets) {
    for (const column of sheet.columns) {
      const { role } = column;
      if ((role.kind === "plan" || role.kind === "fact") && role.year !== null && !inProgramme(role.year)) {
        issues.push(
          problem("error", `${column.letter}${sheet.headerRows?.[0] ?? 1}`, "yearOutside", {
            year: role.year,
            years: yearRange(state.startYear, state.endYear),
          }),
        );
      }
    }
  }
  const planYears = [
    ...new Set(roles.flatMap((role) => (role.kind === "plan" && inProgramme(role.year) ? [role.year] : []))),
  ].sort();

  // Sections: by number, unnumbered ones by title; nested one level at most.
  const sections: PlannedSection[] = [];
  const sectionByKey = new Map<string, PlannedSection>();
  const existingKeyOf = new Map<number, string>();
  for (const existing of state.sections) {
    existingKeyOf.set(existing.id, existing.number !== null ? `n:${existing.number}` : `id:${existing.id}`);
  }
  const parsedSectionKeys: string[] = [];
  for (const parsed of read.merged.sections) {
    const existing = matchExistingSection(state, parsed);
    const key = existing ? existingKeyOf.get(existing.id)! : sectionKeyOf(parsed);
    parsedSectionKeys.push(key);
    if (sectionByKey.has(key)) continue;
    let parentKey: string | null = null;
    if (parsed.parent !== null) {
      const parent = read.merged.sections.find((s) => s.number === parsed.parent);
      if (parent && parent.parent === null) {
        const parentExisting = matchExistingSection(state, parent);
        parentKey = parentExisting ? existingKeyOf.get(parentExisting.id)! : sectionKeyOf(parent);
      } else {
        issues.push(problem("warning", `A${parsed.row}`, "sectionTooDeep", { number: parsed.number ?? "" }));
      }
    }
    const title = mergeText(existing?.title ?? null, parsed.title);
    if (!title) {
      issues.push(problem("error", `A${parsed.row}`, "sectionTitleMissing"));
      continue;
    }
    if (parsed.number !== null && parsed.number.length > 20) {
      issues.push(problem("error", `A${parsed.row}`, "numberInvalid", { number: parsed.number }));
    }
    const changes: PlannedSection["changes"] = [];
    if (existing) {
      if (!sameText(existing.title, title)) changes.push("title");
      const existingParentKey = existing.parentId === null ? null : (existingKeyOf.get(existing.parentId) ?? null);
      if (existingParentKey !== parentKey) changes.push("parent");
    }
    const planned: PlannedSection = {
      key,
      number: parsed.number,
      title,
      parentKey,
      status: !existing ? "added" : changes.length ? "changed" : "unchanged",
      existingId: existing?.id ?? null,
      version: existing?.version ?? null,
      changes,
      row: parsed.row,
    };
    sections.push(planned);
    sectionByKey.set(key, planned);
  }
  // A section may only nest under a top-level one: a parent that is itself nested is refused.
  for (const section of sections) {
    const parent = section.parentKey ? sectionByKey.get(section.parentKey) : undefined;
    if (section.parentKey && !parent) {
      const stored = state.sections.find((s) => existingKeyOf.get(s.id) === section.parentKey);
      if (!stored || stored.parentId !== null) section.parentKey = null;
    }
  }
  const unsectionedKey = (() => {
    const existing = matchExistingSection(state, { number: null, title: UNSECTIONED_TITLE });
    return existing ? existingKeyOf.get(existing.id)! : sectionKeyOf({ number: null, title: UNSECTIONED_TITLE });
  })();
  const sectionOfStored = (sectionId: number) => existingKeyOf.get(sectionId) ?? null;

  // Executors: every name written, matched to a department or decided by the admin.
  const match = departmentMatcher(state.departments);
  const departmentsOf = new Map(
    read.merged.measures.map((m) => [m, joinSplitNames(m.departments, (name) => match(name) !== null)]),
  );
  const executors = new Map<string, PlannedExecutor>();
  const knownIds = new Set(state.departments.map((d) => d.id));
  const responsibleCell = (row: number) => cellOf(row, (role) => role.kind === "responsible");
  for (const measure of read.merged.measures) {
    for (const name of departmentsOf.get(measure)!) {
      const key = normaliseName(name);
      if (!key) continue;
      const known = executors.get(key);
      if (known) {
        known.measureCount += 1;
        continue;
      }
      const found = match(name);
      const choice = choices.departments[key];
      let resolved: DepartmentRef | null = null;
      if (choice?.kind === "new") resolved = { kind: "new", key };
      else if (choice?.kind === "existing" && knownIds.has(choice.departmentId))
        resolved = { kind: "existing", id: choice.departmentId };
      else if (found) resolved = { kind: "existing", id: found.departmentId };
      executors.set(key, {
        key,
        name: name.trim(),
        language: languageOf(name, sheetLocale),
        cell: responsibleCell(measure.row),
        measureCount: 1,
        match: found,
        resolved,
      });
    }
  }
  for (const executor of executors.values()) {
    if (!executor.resolved) issues.push(problem("error", executor.cell, "executorUndecided", { name: executor.name }));
  }
  const refOf = (name: string): DepartmentRef | null => executors.get(normaliseName(name))?.resolved ?? null;

  // Facts' date.
  const factsQuarter = quarterOf(choices.factsDate);
  const closed = new Set(state.closedQuarters);
  const anyFacts = read.merged.measures.some((m) => m.facts.length > 0);
  if (anyFacts && !inProgramme(factsQuarter.year)) {
    issues.push(
      problem("error", null, "factsDateOutside", {
        date: choices.factsDate,
        years: yearRange(state.startYear, state.endYear),
      }),
    );
  }
  const factsDateClosed = closed.has(`${factsQuarter.year}-${factsQuarter.quarter}`);

  // Measures, by number.
  const existingByNumber = new Map(state.measures.map((m) => [m.number, m]));
  const entriesByKey = new Map(state.importedEntries.map((e) => [e.sourceKey, e]));
  const seen = new Set<string>();
  const measures: PlannedMeasure[] = [];
  let needsUnsectioned = false;
  let factsDateRefused = false;
  for (const parsed of read.merged.measures) {
    const numberCell = cellOf(parsed.row, (role) => role.kind === "number") ?? `A${parsed.row}`;
    if (!MEASURE_NUMBER.test(parsed.number) || parsed.number.length > 20) {
      issues.push(problem("error", numberCell, "numberInvalid", { number: parsed.number }));
      continue;
    }
    if (seen.has(parsed.number)) {
      issues.push(problem("error", numberCell, "numberRepeated", { number: parsed.number }));
      continue;
    }
    seen.add(parsed.number);
    const existing = existingByNumber.get(parsed.number) ?? null;
    const planned = planMeasure(parsed, existing);
    if (planned) measures.push(planned);
  }

  function planMeasure(parsed: ParsedMeasure, existing: ExistingMeasure | null): PlannedMeasure | null {
    const row = parsed.row;
    const title = mergeText(existing?.title ?? null, parsed.title);
    if (!title) {
      issues.push(
        problem(
          "error",
          cellOf(row, (r) => r.kind === "title"),
          "titleMissing",
          { number: parsed.number },
        ),
      );
      return null;
    }
    let sectionKey: string;
    if (parsed.sectionIndex !== null && parsedSectionKeys[parsed.sectionIndex] !== undefined) {
      sectionKey = parsedSectionKeys[parsed.sectionIndex]!;
    } else if (existing) {
      sectionKey = sectionOfStored(existing.sectionId) ?? unsectionedKey;
    } else {
      sectionKey = unsectionedKey;
      needsUnsectioned = true;
    }

    // Executors: the first is responsible, the rest co-execute; no executor column keeps the stored ones.
    const written = departmentsOf.get(parsed)!;
    const refs = written.map(refOf);
    let responsible: DepartmentRef | null = existing
      ? { kind: "existing", id: existing.responsibleDepartmentId }
      : null;
    let coExecutors: DepartmentRef[] = (existing?.coExecutorIds ?? []).map((id) => ({ kind: "existing", id }));
    if (written.length > 0) {
      responsible = refs[0] ?? null;
      coExecutors = [];
      for (const ref of refs.slice(1)) {
        if (ref && !sameRef(ref, responsible) && !coExecutors.some((other) => sameRef(other, ref))) {
          coExecutors.push(ref);
        }
      }
    } else if (!existing) {
      issues.push(problem("error", responsibleCell(row) ?? `A${row}`, "executorMissing", { number: parsed.number }));
    }

    // Deadline: a date where the words give one; otherwise the programme's last day, with the words kept.
    let deadline = existing?.deadline ?? lastDay;
    let deadlineText = existing?.deadlineText ?? null;
    let recurrence = existing?.deadlineRecurrence ?? null;
    const { date, text } = parsed.deadline;
    if (date !== null || text !== null || parsed.deadline.recurrence !== null) {
      recurrence = parsed.deadline.recurrence;
      deadline = date !== null && recurrence === null ? date : lastDay;
      deadlineText = text ? mergeText(existing?.deadlineText ?? null, { [languageOf(text, sheetLocale)]: text }) : null;
      if (date !== null && !inProgramme(Number(date.slice(0, 4)))) {
        issues.push(
          problem(
            "warning",
            cellOf(row, (r) => r.kind === "deadline"),
            "deadlineOutside",
            {
              date,
              years: yearRange(state.startYear, state.endYear),
            },
          ),
        );
      }
    }

    const unit = existing && parsed.unitGuessed ? existing.unit : parsed.unit;
    const completionForm = mergeText(existing?.completionForm ?? null, parsed.completionForm);
    const fundingSource = mergeText(existing?.fundingSource ?? null, parsed.fundingSource);
    let plannedFunding = existing?.plannedFunding ?? null;
    if (parsed.plannedFunding !== null) {
      if (parsed.plannedFunding < 0 || parsed.plannedFunding >= FUNDING_LIMIT) {
        issues.push(
          problem(
            "error",
            cellOf(row, (r) => r.kind === "plannedFunding"),
            "numberOutOfRange",
            {
              value: parsed.plannedFunding,
            },
          ),
        );
      } else {
        plannedFunding = Math.round(parsed.plannedFunding * 100) / 100;
      }
    }

    // Plans: for the years the file gives, its quarters, or a year's figure held in Q4.
    const plans: PlannedPlan[] = [];
    for (const year of planYears) {
      const given = parsed.plans.filter((p) => p.year === year);
      const quarterly = given.filter((p) => p.quarter !== null);
      const chosen = quarterly.length ? quarterly : given.filter((p) => p.quarter === null);
      const byQuarter = new Map<number, number>();
      for (const plan of chosen) {
        const cell = cellOf(row, (r) => r.kind === "plan" && r.year === year && r.quarter === plan.quarter);
        if (!(plan.value >= 0 && plan.value < QUANTITY_LIMIT)) {
          issues.push(problem("error", cell, "numberOutOfRange", { value: plan.value }));
          continue;
        }
        byQuarter.set(plan.quarter ?? 4, Math.round(plan.value * 1000) / 1000);
      }
      for (const [quarter, value] of [...byQuarter].sort((a, b) => a[0] - b[0])) {
        plans.push({ year, quarter, planned: value });
      }
    }
    const storedPlans = (existing?.plans ?? []).filter((p) => planYears.includes(p.year));
    const plansChanged =
      storedPlans.length !== plans.length ||
      plans.some((plan) => {
        const stored = storedPlans.find((p) => p.year === plan.year && p.quarter === plan.quarter);
        return !stored || stored.planned !== plan.planned;
      });

    // Facts: one imported entry per measure, year and quarter of the file.
    const facts: PlannedFact[] = [];
    const peopleReached =
      parsed.coverage !== null && Number.isInteger(parsed.coverage) && parsed.coverage >= 0
        ? parsed.coverage <= INTEGER_LIMIT
          ? parsed.coverage
          : null
        : null;
    if (parsed.coverage !== null && peopleReached === null) {
      issues.push(
        problem(
          "warning",
          cellOf(row, (r) => r.kind === "coverage"),
          "coverageNotCount",
          {
            value: parsed.coverage,
          },
        ),
      );
    }
    parsed.facts.forEach((fact, index) => {
      const cell = cellOf(row, (r) => r.kind === "fact" && r.year === fact.year && r.quarter === fact.quarter);
      if (!(fact.value >= 0 && fact.value < QUANTITY_LIMIT)) {
        issues.push(problem("error", cell, "numberOutOfRange", { value: fact.value }));
        return;
      }
      const sourceKey = sourceKeyOf(state.roadMapId, parsed.number, fact.year, fact.quarter);
      const stored = entriesByKey.get(sourceKey) ?? null;
      const last = index === parsed.facts.length - 1;
      const value = Math.round(fact.value * 1000) / 1000;
      const people = last ? (peopleReached ?? stored?.peopleReached ?? null) : (stored?.peopleReached ?? null);
      const narrative = last ? mergeText(stored?.narrative ?? null, parsed.narrative) : (stored?.narrative ?? null);
      const changed =
        stored !== null &&
        (stored.value !== value || stored.peopleReached !== people || !sameText(stored.narrative, narrative));
      const status: ChangeMark = !stored ? "added" : changed ? "changed" : "unchanged";
      if (status !== "unchanged") {
        if (factsDateClosed) factsDateRefused = true;
        if (stored && closed.has(quarterKeyOf(stored.entryDate))) {
          issues.push(problem("error", cell, "entryInClosedQuarter", { date: stored.entryDate }));
        }
      }
      facts.push({
        sourceKey,
        year: fact.year,
        quarter: fact.quarter,
        value,
        peopleReached: people,
        narrative,
        status,
        existing: stored,
      });
    });

    const values: MeasureValues = {
      sectionKey,
      title,
      completionForm,
      unit,
      responsible,
      coExecutors,
      deadline,
      deadlineText,
      recurrence,
      fundingSource,
      plannedFunding,
    };
    const changes = existing
      ? changesOf(existing, values, sectionOfStored(existing.sectionId), storedPlans, plans, plansChanged, facts)
      : [];
    const factsMoved = facts.some((fact) => fact.status !== "unchanged");
    return {
      number: parsed.number,
      row,
      status: !existing ? "added" : changes.length || factsMoved ? "changed" : "unchanged",
      existing,
      values,
      planYears,
      plans,
      plansChanged,
      facts,
      changes,
    };
  }

  if (factsDateRefused) {
    issues.push(
      problem("error", null, "factsDateClosed", {
        date: choices.factsDate,
        year: factsQuarter.year,
        quarter: factsQuarter.quarter,
      }),
    );
  }
  if (needsUnsectioned && !sectionByKey.has(unsectionedKey)) {
    const existing = matchExistingSection(state, { number: null, title: UNSECTIONED_TITLE });
    const section: PlannedSection = {
      key: unsectionedKey,
      number: null,
      title: existing?.title ?? UNSECTIONED_TITLE,
      parentKey: null,
      status: existing ? "unchanged" : "added",
      existingId: existing?.id ?? null,
      version: existing?.version ?? null,
      changes: [],
      row: null,
    };
    sections.unshift(section);
    sectionByKey.set(unsectionedKey, section);
    issues.push(problem("warning", null, "measuresWithoutSection"));
  }

  const notInFile = state.measures
    .filter((m) => !seen.has(m.number))
    .map((m) => ({ id: m.id, number: m.number, title: m.title }));
  const count = <T extends { status: ChangeMark }>(rows: T[]): Record<ChangeMark, number> => ({
    added: rows.filter((r) => r.status === "added").length,
    changed: rows.filter((r) => r.status === "changed").length,
    unchanged: rows.filter((r) => r.status === "unchanged").length,
  });
  const executorList = [...executors.values()];
  return {
    revision: state.revision,
    factsDate: choices.factsDate,
    sections,
    measures,
    notInFile,
    executors: executorList,
    issues,
    summary: {
      sections: count(sections),
      measures: { ...count(measures), notInFile: notInFile.length },
      facts: count(measures.flatMap((m) => m.facts)),
      newDepartments: executorList.filter((e) => e.resolved?.kind === "new").length,
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
    },
  };
}

const quarterKeyOf = (isoDate: string) => {
  const { year, quarter } = quarterOf(isoDate);
  return `${year}-${quarter}`;
};

function changesOf(
  existing: ExistingMeasure,
  values: MeasureValues,
  storedSectionKey: string | null,
  storedPlans: ExistingPlan[],
  plans: PlannedPlan[],
  plansChanged: boolean,
  facts: PlannedFact[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: MeasureField, before: LocalizedText | null, after: LocalizedText | null) => {
    if (!sameText(before, after)) {
      changes.push({ field, before: { kind: "text", value: before }, after: { kind: "text", value: after } });
    }
  };
  if (storedSectionKey !== values.sectionKey) {
    changes.push({
      field: "section",
      before: { kind: "section", value: storedSectionKey },
      after: { kind: "section", value: values.sectionKey },
    });
  }
  text("title", existing.title, values.title);
  text("completionForm", existing.completionForm, values.completionForm);
  if (existing.unit !== values.unit) {
    changes.push({
      field: "unit",
      before: { kind: "unit", value: existing.unit },
      after: { kind: "unit", value: values.unit },
    });
  }
  const storedResponsible: DepartmentRef = { kind: "existing", id: existing.responsibleDepartmentId };
  if (!sameRef(storedResponsible, values.responsible)) {
    changes.push({
      field: "responsible",
      before: { kind: "departments", value: [storedResponsible] },
      after: { kind: "departments", value: values.responsible ? [values.responsible] : [] },
    });
  }
  const storedCo: DepartmentRef[] = [...existing.coExecutorIds]
    .sort((a, b) => a - b)
    .map((id) => ({ kind: "existing", id }));
  const sortedCo = [...values.coExecutors].sort((a, b) =>
    a.kind === "existing" && b.kind === "existing" ? a.id - b.id : a.kind === "existing" ? -1 : 1,
  );
  if (!sameRefs(storedCo, sortedCo)) {
    changes.push({
      field: "coExecutors",
      before: { kind: "departments", value: storedCo },
      after: { kind: "departments", value: values.coExecutors },
    });
  }
  if (existing.deadline !== values.deadline) {
    changes.push({
      field: "deadline",
      before: { kind: "date", value: existing.deadline },
      after: { kind: "date", value: values.deadline },
    });
  }
  text("deadlineText", existing.deadlineText, values.deadlineText);
  if (existing.deadlineRecurrence !== values.recurrence) {
    changes.push({
      field: "recurrence",
      before: { kind: "recurrence", value: existing.deadlineRecurrence },
      after: { kind: "recurrence", value: values.recurrence },
    });
  }
  text("fundingSource", existing.fundingSource, values.fundingSource);
  if (existing.plannedFunding !== values.plannedFunding) {
    changes.push({
      field: "plannedFunding",
      before: { kind: "number", value: existing.plannedFunding },
      after: { kind: "number", value: values.plannedFunding },
    });
  }
  if (plansChanged) {
    const shown = (rows: Array<{ year: number; quarter: number; planned: number }>) =>
      rows
        .map((r) => ({ year: r.year, quarter: r.quarter, value: r.planned }))
        .sort((a, b) => a.year - b.year || a.quarter - b.quarter);
    changes.push({
      field: "plans",
      before: { kind: "quantities", value: shown(storedPlans) },
      after: { kind: "quantities", value: shown(plans) },
    });
  }
  const movedFacts = facts.filter((fact) => fact.status !== "unchanged");
  if (movedFacts.length) {
    changes.push({
      field: "facts",
      before: {
        kind: "quantities",
        value: movedFacts.flatMap((f) =>
          f.existing ? [{ year: f.year, quarter: f.quarter, value: f.existing.value }] : [],
        ),
      },
      after: {
        kind: "quantities",
        value: movedFacts.map((f) => ({ year: f.year, quarter: f.quarter, value: f.value })),
      },
    });
  }
  return changes;
}
