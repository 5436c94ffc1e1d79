import { z } from "zod";

// What a submit did, said once on the next page (a flash notice). The cookie carries a dictionary key
// from this list and an optional count, never text: what it shows is always translated, and a forged
// cookie can show nothing but one of these.

export const FLASH_KEYS = [
  "saved",
  "entriesSaved",
  "reportSubmitted",
  "followUpSaved",
  "reviewAccepted",
  "reviewReturned",
  "meetingSaved",
  "actualSaved",
  "adminSaved",
] as const;

export const flashSchema = z.object({
  key: z.enum(FLASH_KEYS),
  count: z.number().int().min(0).max(1_000_000).optional(),
});

export type Flash = z.infer<typeof flashSchema>;
