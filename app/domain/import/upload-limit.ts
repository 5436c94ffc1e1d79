// Pure, so that the reader of road-map sheets (also run by the CLI) can refuse a file over the limit
// without pulling in the server's upload code.

/** The largest file a user may upload or the reader will read. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
