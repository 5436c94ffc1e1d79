// Which files an entry takes as evidence, told by their content (evidence-content.server.ts reads the
// magic bytes), never by their names: a name only has to agree with what the content is.

export interface EvidenceKind {
  /** The media type the content was found to be, served as the file's Content-Type. */
  mediaType: string;
  /** Name endings that agree with the content. */
  extensions: string[];
  /** Shown in the browser (images, PDF); every other kind is only downloaded. */
  inline: boolean;
  /** A thumbnail is made of it. */
  image: boolean;
}

const OFFICE_X = "application/vnd.openxmlformats-officedocument";

/** By the media type file-type reports. */
export const EVIDENCE_KINDS: Record<string, EvidenceKind> = {
  "image/jpeg": { mediaType: "image/jpeg", extensions: ["jpg", "jpeg", "jfif"], inline: true, image: true },
  "image/png": { mediaType: "image/png", extensions: ["png"], inline: true, image: true },
  "image/webp": { mediaType: "image/webp", extensions: ["webp"], inline: true, image: true },
  "image/heic": { mediaType: "image/heic", extensions: ["heic", "heif"], inline: false, image: false },
  "image/tiff": { mediaType: "image/tiff", extensions: ["tif", "tiff"], inline: false, image: true },
  "application/pdf": { mediaType: "application/pdf", extensions: ["pdf"], inline: true, image: false },
  [`${OFFICE_X}.wordprocessingml.document`]: {
    mediaType: `${OFFICE_X}.wordprocessingml.document`,
    extensions: ["docx"],
    inline: false,
    image: false,
  },
  [`${OFFICE_X}.spreadsheetml.sheet`]: {
    mediaType: `${OFFICE_X}.spreadsheetml.sheet`,
    extensions: ["xlsx"],
    inline: false,
    image: false,
  },
  [`${OFFICE_X}.presentationml.presentation`]: {
    mediaType: `${OFFICE_X}.presentationml.presentation`,
    extensions: ["pptx"],
    inline: false,
    image: false,
  },
  "application/vnd.oasis.opendocument.text": {
    mediaType: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    inline: false,
    image: false,
  },
  "application/vnd.oasis.opendocument.spreadsheet": {
    mediaType: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: ["ods"],
    inline: false,
    image: false,
  },
  // Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 share one container format.
  "application/x-cfb": {
    mediaType: "application/x-cfb",
    extensions: ["doc", "xls", "ppt"],
    inline: false,
    image: false,
  },
};

export type EvidenceVerdict =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; reason: "wrongType" }
  | { ok: false; reason: "mismatch"; named: string; found: string };

const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? "").toLowerCase();

/** Whether a file whose content was found to be `detected` (null: nothing known) may be evidence under this name. */
export function evidenceVerdict(name: string, detected: string | null): EvidenceVerdict {
  const kind = detected ? EVIDENCE_KINDS[detected] : undefined;
  if (!kind) return { ok: false, reason: "wrongType" };
  const named = extensionOf(name);
  if (!kind.extensions.includes(named)) {
    return {
      ok: false,
      reason: "mismatch",
      named: named.toUpperCase() || "—",
      found: kind.extensions[0]!.toUpperCase(),
    };
  }
  return { ok: true, kind };
}

/** Whether a stored media type may be shown in the browser rather than downloaded. */
export const servedInline = (mediaType: string) => EVIDENCE_KINDS[mediaType]?.inline === true;

/** Where a file is downloaded (or, with `thumbnail`, its small picture). */
export const evidenceHref = (fileId: number, thumbnail = false) =>
  `/evidence/${fileId}${thumbnail ? "?thumbnail=1" : ""}`;

/** A stored file as a page lists it. */
export interface EvidenceFileView {
  id: number;
  name: string;
  mediaType: string;
  size: number;
  hasThumbnail: boolean;
}
