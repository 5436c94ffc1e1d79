import { z } from "zod";

// The form side of «a save happens once»: the hidden field a form render carries, and its shape.
// Kept apart from submission.server.ts so that the browser's copy of a form schema can name it.

export const SUBMISSION_KEY_FIELD = "submissionKey";

export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,200}$/, "validation.required");
