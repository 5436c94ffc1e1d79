import { z } from "zod";
import { isIsoDate } from "~/domain/periods/quarter";
import type { DepartmentChoice } from "./import-plan";
import type { ColumnOverrides, ColumnRole } from "./road-map-sheet";
import { idSchema } from "~/domain/ids";

// The preview's form, the same fields whether it is sent again to re-preview (GET) or to save (POST):
// the kept upload, per sheet the role of every column, per executor the admin's choice, the facts' date.
//   upload=12  sheet.0=Жол картасы  role.0.G=plan  year.0.G=2025  quarter.0.G=4
//   executor.3=мәдениет басқармасы  department.3=new|17  factsDate=2026-11-30

export const ROLE_KINDS = [
  "ignore",
  "number",
  "title",
  "completionForm",
  "unit",
  "responsible",
  "deadline",
  "fundingSource",
  "plannedFunding",
  "coverage",
  "narrative",
  "plan",
  "fact",
] as const satisfies ReadonlyArray<ColumnRole["kind"]>;

export interface ImportForm {
  uploadId: number;
  /** Sheet name → the admin's column roles; empty before the admin has seen the preview. */
  overrides: Record<string, ColumnOverrides>;
  departments: Record<string, DepartmentChoice>;
  factsDate: string | null;
}

const id = idSchema;
const year = z.coerce.number().int().min(2000).max(2100);

function roleOf(kind: string, yearText: string | undefined, quarterText: string | undefined): ColumnRole | null {
  if (!(ROLE_KINDS as readonly string[]).includes(kind)) return null;
  if (kind === "plan" || kind === "fact") {
    const parsedYear = year.safeParse(yearText);
    const quarter = quarterText ? Number(quarterText) : null;
    if (quarter !== null && ![1, 2, 3, 4].includes(quarter)) return null;
    if (!parsedYear.success) return kind === "fact" ? { kind, year: null, quarter: null } : null;
    return { kind, year: parsedYear.data, quarter };
  }
  return { kind } as ColumnRole;
}

/** The form's fields, or null when it names no kept upload (the page then asks for a file). */
export function parseImportForm(fields: Iterable<[string, FormDataEntryValue]>): ImportForm | null {
  const values = new Map<string, string>();
  for (const [name, value] of fields) if (typeof value === "string") values.set(name, value);
  const upload = id.safeParse(values.get("upload"));
  if (!upload.success) return null;
  const overrides: ImportForm["overrides"] = {};
  const departments: ImportForm["departments"] = {};
  for (const [name, value] of values) {
    const role = /^role\.(\d+)\.([A-Z]{1,3})$/.exec(name);
    if (role) {
      const sheet = values.get(`sheet.${role[1]}`);
      const parsed = roleOf(
        value,
        values.get(`year.${role[1]}.${role[2]}`),
        values.get(`quarter.${role[1]}.${role[2]}`),
      );
      if (sheet !== undefined && parsed) (overrides[sheet] ??= {})[role[2]!] = parsed;
      continue;
    }
    const executor = /^executor\.(\d+)$/.exec(name);
    if (executor) {
      const choice = values.get(`department.${executor[1]}`) ?? "";
      if (choice === "new") departments[value] = { kind: "new" };
      else if (id.safeParse(choice).success) departments[value] = { kind: "existing", departmentId: Number(choice) };
    }
  }
  const factsDate = values.get("factsDate") ?? "";
  return { uploadId: upload.data, overrides, departments, factsDate: isIsoDate(factsDate) ? factsDate : null };
}

/** A column role as the form's fields carry it. */
export function roleFields(role: ColumnRole): { kind: string; year: string; quarter: string } {
  if (role.kind === "plan" || role.kind === "fact") {
    return {
      kind: role.kind,
      year: role.year === null ? "" : String(role.year),
      quarter: role.quarter ? String(role.quarter) : "",
    };
  }
  return { kind: role.kind, year: "", quarter: "" };
}
