import { z } from "zod";
import { COUNCIL_POSITIONS, ROLES } from "~/domain/admin/admin-schema";
import { isIsoDate } from "~/domain/periods/quarter";

// The admin's forms for read-API tokens, used by the browser (Conform) and by the action. A token
// carries one role with its scope, exactly as a role assignment does (admin-schema's roleSchema).

/** A token lives at most this many days: an integration that still runs a year later asks for a new one. */
export const TOKEN_MAX_DAYS = 366;
export const TOKEN_NAME_MAX = 120;

const id = z.coerce.number({ error: "validation.required" }).int().positive();
const optionalId = z.preprocess((value) => (value === "" ? undefined : value), id.optional());

/** The last day a token may be valid when created on `today`. */
export function latestExpiry(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + TOKEN_MAX_DAYS);
  return date.toISOString().slice(0, 10);
}

export function createTokenSchema(today: string) {
  return z
    .object({
      intent: z.literal("create-token"),
      name: z
        .string({ error: "validation.required" })
        .trim()
        .min(1, "validation.required")
        .max(TOKEN_NAME_MAX, "validation.tooLong"),
      role: z.enum(ROLES, { error: "validation.required" }),
      departmentId: optionalId,
      councilId: optionalId,
      councilPosition: z.preprocess(
        (value) => (value === "" ? undefined : value),
        z.enum(COUNCIL_POSITIONS).optional(),
      ),
      territoryId: optionalId,
      expiresOn: z
        .string({ error: "validation.required" })
        .refine(isIsoDate, "validation.date")
        .refine((date) => date > today, "apiTokens.validation.expiryPast")
        .refine((date) => date <= latestExpiry(today), "apiTokens.validation.expiryTooFar"),
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
}
export type CreateTokenInput = z.infer<ReturnType<typeof createTokenSchema>>;

export const revokeTokenSchema = z.object({ intent: z.literal("revoke-token"), tokenId: id, version: id });
export type RevokeTokenInput = z.infer<typeof revokeTokenSchema>;
