import { z } from "zod";
import { submissionKeySchema } from "~/domain/editing/submission-key";
import { decimal, isWebLink, NARRATIVE_MAX } from "~/domain/progress/entry-schema";

// One schema for the KPI actual form, used by the browser (Conform) and by the action.

const id = z.coerce.number({ error: "validation.required" }).int().positive();
const optionalText = z.string().trim().max(NARRATIVE_MAX, "validation.tooLong").optional();

export const actualSchema = z.object({
  intent: z.literal("actual"),
  submissionKey: submissionKeySchema,
  indicatorId: id,
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  actual: decimal(
    z
      .number({ error: "validation.required" })
      .min(0, "validation.notNegative")
      .max(1_000_000_000_000, "validation.tooLarge"),
  ),
  commentKk: optionalText,
  commentRu: optionalText,
  sourceUrl: z
    .string()
    .trim()
    .optional()
    .refine((link) => link === undefined || isWebLink(link), "validation.url"),
  actualId: id.optional(),
  version: id.optional(),
});

export type ActualInput = z.infer<typeof actualSchema>;

/** A period in a URL: «2025» (a year) or «2025-Q3» (a quarter). */
export const periodParam = z
  .string()
  .regex(/^\d{4}(-Q[1-4])?$/)
  .transform((value) => ({
    year: Number(value.slice(0, 4)),
    quarter: value.length > 4 ? Number(value.slice(6)) : null,
  }));
