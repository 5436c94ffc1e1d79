import { z } from "zod";
import { emailAddress } from "~/domain/admin/admin-schema";

/** A user's request to change their own address, with their password (a borrowed session must not redirect password resets). */
export const changeEmailSchema = z.object({
  intent: z.literal("change-email"),
  email: emailAddress,
  currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(200),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
