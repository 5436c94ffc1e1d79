import { UPLOAD_MAX_BYTES } from "~/domain/import/upload-limit";

/** The largest form a request may carry. */
export const FORM_MAX_BYTES = 1024 * 1024;
/** A multipart form: its file (the upload route refuses a larger one with its own message) and the other fields. */
export const MULTIPART_MAX_BYTES = UPLOAD_MAX_BYTES + FORM_MAX_BYTES;
