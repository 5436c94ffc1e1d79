import { z } from "zod";

// The admin's forms for the public page: the programme's switch and blocks, a measure's narrative mark.
// Used by the browser (Conform) and by the action; messages are dictionary keys.

const version = z.coerce.number({ error: "validation.required" }).int().positive();
const checked = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const PUBLIC_BLOCKS = ["sections", "territories", "measures"] as const;
export type PublicBlock = (typeof PUBLIC_BLOCKS)[number];

export const publicationSchema = z
  .object({
    version,
    published: checked,
    sections: checked,
    territories: checked,
    measures: checked,
  })
  // A published page with nothing on it would only show a date.
  .refine((value) => !value.published || value.sections || value.territories || value.measures, {
    message: "publicPage.validation.noBlock",
    path: ["published"],
  });
export type PublicationInput = z.infer<typeof publicationSchema>;

export const narrativeMarkSchema = z.object({ version, narrativePublic: checked });
export type NarrativeMarkInput = z.infer<typeof narrativeMarkSchema>;
