import { UPLOAD_MAX_BYTES } from "./upload-limit";

// What a file is, judged from its bytes and never from its name: people rename files, and a
// «.xlsx» that is really an old .xls or a Word document must get the message that helps them.

export type FileKind =
  | { kind: "xlsx" }
  | { kind: "csv"; text: string }
  | { kind: "refused"; code: "tooLarge" | "empty" | "notSpreadsheet" | "xls" | "word" | "encrypted" };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Whether the bytes hold `name` in ASCII (a zip's entry names) or UTF-16LE (an OLE file's stream names). */
function holds(bytes: Uint8Array, name: string, encoding: "latin1" | "utf16le"): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(name, encoding)) >= 0;
}

/** Control characters other than tab, CR and LF: a text file has (almost) none. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Russian Excel saves «CSV (разделители — запятые)» in Windows-1251.
    text = new TextDecoder("windows-1251").decode(bytes);
  }
  const sample = text.slice(0, 64 * 1024);
  const control = sample.match(CONTROL)?.length ?? 0;
  return control * 100 > sample.length ? null : text.replace(/^\ufeff/, "");
}

export function fileKindOf(bytes: Uint8Array): FileKind {
  if (bytes.byteLength > UPLOAD_MAX_BYTES) return { kind: "refused", code: "tooLarge" };
  if (bytes.byteLength === 0) return { kind: "refused", code: "empty" };
  if (startsWith(bytes, ZIP)) {
    if (holds(bytes, "xl/workbook.xml", "latin1")) return { kind: "xlsx" };
    if (holds(bytes, "word/", "latin1")) return { kind: "refused", code: "word" };
    return { kind: "refused", code: "notSpreadsheet" };
  }
  if (startsWith(bytes, OLE)) {
    // A password-protected .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage.
    if (holds(bytes, "EncryptionInfo", "utf16le")) return { kind: "refused", code: "encrypted" };
    if (holds(bytes, "WordDocument", "utf16le")) return { kind: "refused", code: "word" };
    if (holds(bytes, "Workbook", "utf16le") || holds(bytes, "Book", "utf16le")) return { kind: "refused", code: "xls" };
    return { kind: "refused", code: "notSpreadsheet" };
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { kind: "refused", code: "word" }; // {\rtf
  const text = decodeText(bytes);
  if (text === null) return { kind: "refused", code: "notSpreadsheet" };
  if (text.trim() === "") return { kind: "refused", code: "empty" };
  return { kind: "csv", text };
}
