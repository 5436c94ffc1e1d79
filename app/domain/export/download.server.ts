// A file sent to the browser to be saved: its type, a name in the reader's language (RFC 5987
// `filename*` carries Cyrillic; the plain `filename` is an ASCII fallback for old clients), and
// never kept by a shared cache — exports hold what only this user may see.

export const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
} as const;

export type FileFormat = keyof typeof CONTENT_TYPES;

export function contentDisposition(fileName: string, asciiFallback: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

export function fileResponse(
  body: Uint8Array | string,
  format: FileFormat,
  names: { fileName: string; asciiFileName: string },
): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(`${names.fileName}.${format}`, `${names.asciiFileName}.${format}`),
      "Cache-Control": "private, no-store",
    },
  });
}
