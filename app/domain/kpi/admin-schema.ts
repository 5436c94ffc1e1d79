import { z } from "zod";
import { decimal } from "~/domain/progress/entry-schema";

// Schemas of the admin's KPI forms (indicators, targets, copying a target set), shared by the
// browser (Conform) and the actions.

export const UNITS = [
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
export const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export const SOURCES = ["entered", "measure_fact", "road_map_execution"] as const;

const id = z.coerce.number({ error: "validation.required" }).int().positive();
const title = z.string().trim().max(500, "validation.tooLong").optional();
const percent = decimal(
  z.number({ error: "validation.required" }).gt(0, "validation.notNegative").max(120, "validation.tooLarge"),
);
const year = z.coerce.number({ error: "validation.required" }).int().min(2000).max(2100);
const quarter = z.coerce.number().int().min(1).max(4).optional();

export const indicatorSchema = z
  .object({
    intent: z.literal("indicator"),
    indicatorId: id.optional(),
    version: id.optional(),
    titleKk: title,
    titleRu: title,
    titleEn: title,
    unit: z.enum(UNITS),
    direction: z.enum(DIRECTIONS),
    category: z
      .string({ error: "validation.required" })
      .trim()
      .regex(/^[a-z_]{2,40}$/, "kpi.admin.categoryFormat"),
    ragGreen: percent,
    ragAmber: percent,
    source: z.enum(SOURCES),
    roadMapId: id.optional(),
    /** Measure numbers of the road map, as printed («1.1, 1.3»). */
    measureNumbers: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(/[\s,;]+/).filter(Boolean)),
  })
  .refine((value) => value.titleKk || value.titleRu || value.titleEn, {
    message: "kpi.admin.titleRequired",
    path: ["titleKk"],
  })
  .refine((value) => value.ragAmber <= value.ragGreen, { message: "kpi.admin.thresholdOrder", path: ["ragAmber"] })
  .refine((value) => value.source === "entered" || value.roadMapId !== undefined, {
    message: "kpi.admin.roadMapRequired",
    path: ["roadMapId"],
  })
  .refine((value) => value.source !== "measure_fact" || value.measureNumbers.length > 0, {
    message: "kpi.admin.measuresRequired",
    path: ["measureNumbers"],
  });

export type IndicatorInput = z.infer<typeof indicatorSchema>;

export const targetSchema = z.object({
  intent: z.literal("target"),
  indicatorId: id,
  /** One territory, or every territory of the parent at once. */
  territoryId: z.union([z.literal("all"), id]),
  year,
  quarter,
  target: decimal(
    z.number({ error: "validation.required" }).min(0, "validation.notNegative").max(1e15, "validation.tooLarge"),
  ),
  weight: decimal(
    z.number({ error: "validation.required" }).gt(0, "validation.notNegative").max(99999, "validation.tooLarge"),
  ),
});

export type TargetInput = z.infer<typeof targetSchema>;

export const copySchema = z
  .object({
    intent: z.literal("copy"),
    fromYear: year,
    fromQuarter: quarter,
    toYear: year,
    toQuarter: quarter,
  })
  .refine((value) => value.fromYear !== value.toYear || value.fromQuarter !== value.toQuarter, {
    message: "kpi.admin.samePeriod",
    path: ["toYear"],
  });

export type CopyInput = z.infer<typeof copySchema>;
