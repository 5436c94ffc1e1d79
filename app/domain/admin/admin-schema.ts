import { z } from "zod";
import type { LocalizedText } from "~db/schema";
import { isIsoDate } from "~/domain/periods/quarter";
import { decimal } from "~/domain/progress/entry-schema";
import { PROGRAMME_STATUSES } from "./programme-status";

// One schema per administration form, used by the browser (Conform) and by the action.
// Messages are dictionary keys; the form shows them in the reader's language.

export const TITLE_MAX = 1000;
export const TEXT_MAX = 4000;
export const PASSWORD_MIN = 10;

export const MEASURE_UNITS = [
  "event",
  "meeting",
  "object",
  "person",
  "document",
  "percent",
  "tenge",
  "item",
  "centre",
  "project",
] as const;
export const TERRITORY_KINDS = ["country", "oblast", "city_rep", "district", "city_obl", "rural"] as const;
export const ROLES = ["admin", "editor", "council", "akim", "viewer"] as const;
export const COUNCIL_POSITIONS = ["chair", "secretary", "member"] as const;
export const LOCALE_VALUES = ["kk", "ru", "en"] as const;

const id = z.coerce.number({ error: "validation.required" }).int().positive();
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), id.optional());
const text = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();

const isoDate = z.string({ error: "validation.required" }).refine(isIsoDate, "validation.date");
const optionalDate = z.preprocess((value) => (value === "" ? undefined : value), isoDate.optional());

const year = decimal(
  z
    .number({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.integer") })
    .int("validation.integer")
    .min(2000, "admin.validation.year")
    .max(2100, "admin.validation.year"),
);

const amount = (max: number) =>
  decimal(
    z
      .number({ error: "validation.number" })
      .min(0, "validation.notNegative")
      .max(max, "validation.tooLarge")
      .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, "validation.decimals")
      .optional(),
  );

const ids = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(id).max(50),
);

/** A text held per language: `${name}Kk`, `${name}Ru`, `${name}En`. */
function localizedFields<N extends string>(name: N, max = TITLE_MAX) {
  return {
    [`${name}Kk`]: text(max),
    [`${name}Ru`]: text(max),
    [`${name}En`]: text(max),
  } as Record<`${N}Kk` | `${N}Ru` | `${N}En`, ReturnType<typeof text>>;
}

/** At least one language of a required text: the error lands on its Kazakh field. */
function requireOneLanguage(name: string) {
  return (value: Record<string, unknown>, context: z.RefinementCtx) => {
    if (!value[`${name}Kk`] && !value[`${name}Ru`] && !value[`${name}En`]) {
      context.addIssue({ code: "custom", path: [`${name}Kk`], message: "admin.validation.oneLanguage" });
    }
  };
}

/** The stored JSON of a text held per language, or null when every language is blank. */
export function localizedValue(kk?: string, ru?: string, en?: string): string | null {
  const value: LocalizedText = {};
  if (kk) value.kk = kk;
  if (ru) value.ru = ru;
  if (en) value.en = en;
  return Object.keys(value).length ? JSON.stringify(value) : null;
}

const versioned = { version: optionalId };

// Programmes ---------------------------------------------------------------------------------------

export const programmeSchema = z
  .object({
    intent: z.literal("save-programme"),
    programmeId: optionalId,
    ...versioned,
    ...localizedFields("title"),
    ...localizedFields("owner"),
    ...localizedFields("description", TEXT_MAX),
    startYear: year,
    endYear: year,
    ragGreen: decimal(
      z
        .number({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.number") })
        .gt(0, "admin.validation.rag")
        .max(100, "admin.validation.rag"),
    ),
    ragAmber: decimal(
      z
        .number({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.number") })
        .gt(0, "admin.validation.rag")
        .max(100, "admin.validation.rag"),
    ),
  })
  .superRefine(requireOneLanguage("title"))
  .superRefine((value, context) => {
    if (value.endYear < value.startYear || value.endYear > value.startYear + 30) {
      context.addIssue({ code: "custom", path: ["endYear"], message: "admin.validation.years" });
    }
    if (value.ragAmber > value.ragGreen) {
      context.addIssue({ code: "custom", path: ["ragAmber"], message: "admin.validation.ragOrder" });
    }
  });
export type ProgrammeInput = z.infer<typeof programmeSchema>;

export const programmeStatusSchema = z.object({
  intent: z.literal("change-status"),
  version: id,
  toStatus: z.enum(PROGRAMME_STATUSES, { error: "validation.required" }),
  changedOn: isoDate,
  noteKk: text(TEXT_MAX),
  noteRu: text(TEXT_MAX),
});
export type ProgrammeStatusInput = z.infer<typeof programmeStatusSchema>;

// Road maps and sections ---------------------------------------------------------------------------

export const roadMapSchema = z
  .object({
    intent: z.literal("save-road-map"),
    roadMapId: optionalId,
    ...versioned,
    territoryId: id,
    ...localizedFields("title"),
    approvedOn: optionalDate,
  })
  .superRefine(requireOneLanguage("title"));
export type RoadMapInput = z.infer<typeof roadMapSchema>;

export const sectionSchema = z
  .object({
    intent: z.literal("save-section"),
    sectionId: optionalId,
    ...versioned,
    parentId: optionalId,
    number: z
      .string()
      .trim()
      .max(20, "admin.validation.number")
      .regex(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, "admin.validation.number")
      .optional(),
    ...localizedFields("title"),
  })
  .superRefine(requireOneLanguage("title"));
export type SectionInput = z.infer<typeof sectionSchema>;

export const moveSectionSchema = z.object({
  intent: z.literal("move-section"),
  sectionId: id,
  version: id,
  direction: z.enum(["up", "down"]),
});

export const deleteSectionSchema = z.object({ intent: z.literal("delete-section"), sectionId: id, version: id });

// Measures -----------------------------------------------------------------------------------------

export const measureSchema = z
  .object({
    intent: z.literal("save-measure"),
    measureId: optionalId,
    ...versioned,
    sectionId: id,
    number: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(20, "admin.validation.number")
      .regex(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, "admin.validation.number"),
    ...localizedFields("title"),
    ...localizedFields("completionForm"),
    unit: z.enum(MEASURE_UNITS, { error: "validation.required" }),
    responsibleDepartmentId: id,
    coExecutorIds: ids,
    territoryId: id,
    deadline: isoDate,
    deadlineReasonKk: text(TEXT_MAX),
    deadlineReasonRu: text(TEXT_MAX),
    ...localizedFields("fundingSource"),
    plannedFunding: amount(1e15),
    weight: decimal(
      z
        .number({ error: "validation.number" })
        .gt(0, "admin.validation.weight")
        .max(1000, "validation.tooLarge")
        .optional(),
    ),
    /** Plan and fact are counts of a base (a fund's documents); the base is given on each plan row. */
    shareOfBase: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
    ...localizedFields("baseLabel"),
  })
  .superRefine(requireOneLanguage("title"))
  .superRefine((value, context) => {
    if (value.coExecutorIds.includes(value.responsibleDepartmentId)) {
      context.addIssue({
        code: "custom",
        path: ["coExecutorIds"],
        message: "admin.validation.coExecutorIsResponsible",
      });
    }
  });
export type MeasureInput = z.infer<typeof measureSchema>;

export const controlSchema = z
  .object({
    intent: z.enum(["remove-from-control", "return-to-control"]),
    version: id,
    changedOn: isoDate,
    reasonKk: text(TEXT_MAX),
    reasonRu: text(TEXT_MAX),
  })
  .superRefine((value, context) => {
    if (!value.reasonKk && !value.reasonRu) {
      context.addIssue({ code: "custom", path: ["reasonKk"], message: "admin.validation.reasonRequired" });
    }
  });
export type ControlInput = z.infer<typeof controlSchema>;

export interface PlanLimits {
  startYear: number;
  endYear: number;
}

const planValue = amount(1e12);

/** Every planned quarter of a measure in one submit: rows of (territory, year), saved together or not at all. */
export function plansSchema(limits: PlanLimits, options: { shareOfBase?: boolean } = {}) {
  const row = z.object({
    territoryId: id,
    year: z.coerce
      .number({ error: "validation.required" })
      .int()
      .min(limits.startYear, "admin.validation.yearOutside")
      .max(limits.endYear, "admin.validation.yearOutside"),
    mode: z.enum(["quarters", "even", "q4"]),
    total: planValue,
    q1: planValue,
    q2: planValue,
    q3: planValue,
    q4: planValue,
    /** The base the row's counts are a share of (a share-of-base measure): this territory's fund that year. */
    base: planValue.refine((value) => value === undefined || value > 0, "figures.baseInvalid"),
  });
  return z
    .object({
      intent: z.literal("save-plans"),
      /** The plans the user saw: «id:version» pairs, so that a plan changed meanwhile is noticed. */
      seen: z.string().max(20_000).optional(),
      rows: z.array(row).max(200).default([]),
    })
    .superRefine((value, context) => {
      const keys = new Set<string>();
      value.rows.forEach((planRow, index) => {
        const quarters = [planRow.q1, planRow.q2, planRow.q3, planRow.q4].filter((q) => q !== undefined);
        if (planRow.mode === "quarters" && planRow.total !== undefined) {
          const sum = quarters.reduce((a, b) => a + b, 0);
          if (quarters.length === 0) {
            context.addIssue({
              code: "custom",
              path: ["rows", index, "mode"],
              message: "admin.validation.chooseSplit",
            });
          } else if (Math.abs(sum - planRow.total) > 1e-6) {
            context.addIssue({
              code: "custom",
              path: ["rows", index, "total"],
              message: "admin.validation.quartersSum",
            });
          }
        }
        if (planRow.mode !== "quarters" && planRow.total === undefined && quarters.length > 0) {
          context.addIssue({
            code: "custom",
            path: ["rows", index, "mode"],
            message: "admin.validation.chooseQuarters",
          });
        }
        const blank =
          planRow.mode === "quarters"
            ? [planRow.q1, planRow.q2, planRow.q3, planRow.q4].every((q) => q === undefined)
            : planRow.total === undefined;
        if (blank) return;
        if (options.shareOfBase && planRow.base === undefined) {
          context.addIssue({ code: "custom", path: ["rows", index, "base"], message: "figures.baseNeeded" });
        }
        const key = `${planRow.territoryId}:${planRow.year}`;
        if (keys.has(key)) {
          context.addIssue({
            code: "custom",
            path: ["rows", index, "year"],
            message: "admin.validation.duplicateYear",
          });
        }
        keys.add(key);
      });
    });
}
export type PlansInput = z.infer<ReturnType<typeof plansSchema>>;

/** «12:3,15:1» → [[12, 3], [15, 1]]; anything malformed is dropped (then the plan counts as unseen). */
export function parseSeenPlans(seen: string | undefined): Map<number, number> {
  const pairs = (seen ?? "").split(",").flatMap((pair) => {
    const match = /^(\d+):(\d+)$/.exec(pair.trim());
    return match ? [[Number(match[1]), Number(match[2])] as [number, number]] : [];
  });
  return new Map(pairs);
}

// Departments and territories ----------------------------------------------------------------------

export const departmentSchema = z
  .object({
    intent: z.literal("save-department"),
    departmentId: optionalId,
    ...versioned,
    territoryId: id,
    ...localizedFields("name"),
    ...localizedFields("headName"),
    ...localizedFields("headTitle"),
  })
  .superRefine(requireOneLanguage("name"));
export type DepartmentInput = z.infer<typeof departmentSchema>;

export const territorySchema = z
  .object({
    intent: z.literal("save-territory"),
    territoryId: optionalId,
    ...versioned,
    parentId: optionalId,
    kind: z.enum(TERRITORY_KINDS, { error: "validation.required" }),
    katoCode: z
      .string()
      .trim()
      .regex(/^[0-9]{9}$/, "admin.validation.kato")
      .optional(),
    ...localizedFields("name"),
  })
  .superRefine(requireOneLanguage("name"))
  .superRefine((value, context) => {
    if ((value.kind === "country") !== (value.parentId === undefined)) {
      context.addIssue({ code: "custom", path: ["parentId"], message: "admin.validation.parent" });
    }
  });
export type TerritoryInput = z.infer<typeof territorySchema>;

// Users and passwords ------------------------------------------------------------------------------

const password = z
  .string({ error: "validation.required" })
  .min(PASSWORD_MIN, "admin.validation.passwordShort")
  .max(200, "admin.validation.passwordLong");

function confirmed<T extends { password: string; confirm: string }>(value: T, context: z.RefinementCtx) {
  if (value.password !== value.confirm) {
    context.addIssue({ code: "custom", path: ["confirm"], message: "admin.validation.passwordMismatch" });
  }
}

/** An e-mail address as a person types it; the check of the database (`%_@_%`, 254) is narrower than this. */
export const emailAddress = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("email.invalid"));
const optionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  emailAddress.optional(),
);

/** A new password typed twice: the reset page's form. */
export const newPasswordSchema = z
  .object({ password, confirm: z.string({ error: "validation.required" }) })
  .superRefine(confirmed);
export type NewPasswordInput = z.infer<typeof newPasswordSchema>;

export const createUserSchema = z
  .object({
    intent: z.literal("create-user"),
    login: z
      .string({ error: "validation.required" })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "admin.validation.login"),
    displayName: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(200, "validation.tooLong"),
    // The post, as on the user's page: kk, ru and en, all optional.
    ...localizedFields("title", 300),
    locale: z.enum(LOCALE_VALUES),
    email: optionalEmail,
    password,
    confirm: z.string({ error: "validation.required" }),
  })
  .superRefine(confirmed);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userSchema = z.object({
  intent: z.literal("save-user"),
  version: id,
  displayName: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(200, "validation.tooLong"),
  // The person's post, apart from the name: the minutes are signed by the name, the post is shown beside it.
  ...localizedFields("title", 300),
  locale: z.enum(LOCALE_VALUES),
  email: optionalEmail,
  isActive: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
});
export type UserInput = z.infer<typeof userSchema>;

export const roleSchema = z
  .object({
    intent: z.literal("add-role"),
    role: z.enum(ROLES, { error: "validation.required" }),
    departmentId: optionalId,
    councilId: optionalId,
    councilPosition: z.preprocess((value) => (value === "" ? undefined : value), z.enum(COUNCIL_POSITIONS).optional()),
    territoryId: optionalId,
  })
  .superRefine((value, context) => {
    const need = (field: "departmentId" | "councilId" | "territoryId" | "councilPosition") => {
      if (value[field] === undefined)
        context.addIssue({ code: "custom", path: [field], message: "admin.validation.scope" });
    };
    if (value.role === "editor") need("departmentId");
    if (value.role === "council") {
      need("councilId");
      need("councilPosition");
    }
    if (value.role === "akim") need("territoryId");
  });
export type RoleInput = z.infer<typeof roleSchema>;

export const removeRoleSchema = z.object({ intent: z.literal("remove-role"), assignmentId: id, version: id });

export const resetPasswordSchema = z
  .object({
    intent: z.literal("reset-password"),
    version: id,
    password,
    confirm: z.string({ error: "validation.required" }),
  })
  .superRefine(confirmed);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(200),
    password,
    confirm: z.string({ error: "validation.required" }),
  })
  .superRefine(confirmed);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
