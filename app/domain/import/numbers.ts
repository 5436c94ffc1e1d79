import { cellText, type CellValue } from "./cells";
import { squash } from "./text";

// Quantities as people type them in a sheet: «1 500» (any kind of space), «2,5», «5 000+», «122 тыс.»,
// «1,2 млн», «35%»; a dash, «х» or «не требуется» is no quantity at all.
//
// Separators: in kk and ru a decimal is written with a comma, so a comma is decimal unless it repeats
// («1,500,000») or a dot follows it («1,500.5»). A dot is decimal too («2.5», as typed on an English
// keyboard), except when it repeats («1.500.000»), a comma follows it («1.500,5»), or it stands before
// exactly three digits of a number that does not start with 0 («1.500»): that is a thousands separator,
// read as 1 500 and flagged, because a plan of «1.500» people means fifteen hundred far more often than
// one and a half.

export type Quantity =
  | { kind: "none" }
  /** `approximate`: written with «+», «~», «более» / «кемінде», so the number is a lower bound or a guess. */
  | {
      kind: "number";
      value: number;
      approximate: boolean;
      /** A dot read as a thousands separator («1.500» → 1500): flagged, as it could be a decimal. */
      thousandsDot?: true;
    }
  | { kind: "invalid"; text: string };

const NONE: Quantity = { kind: "none" };
const NOTHING =
  /^(?:[-—–‐−/хx*]*|нет|жоқ|н\/д|не требуется|не требует[а-я ]*|талап етілмейді|талап етпейді|қажет емес|не предусмотрен[а-я]*|қарастырылмаған|без финансирования|қаржыландырусыз)$/i;
const SPACES_IN_NUMBER = /(\d)[\s\u00a0\u2007\u202f]+(?=\d)/g;
const APPROXIMATE_BEFORE = /^(?:~|≈|около|более|свыше|не менее|кемінде|шамамен|астам)\s*/;
const APPROXIMATE_AFTER = /\s*(?:\+|астам|и более|и выше)$/;
const SCALE: Array<[RegExp, number]> = [
  [/\s*(?:млрд\.?|миллиард[а-яәғқңөұүһі]*)$/, 1e9],
  [/\s*(?:млн\.?|миллион[а-яәғқңөұүһі]*)$/, 1e6],
  [/\s*(?:тыс\.?|мың|тысяч[а-яәғқңөұүһі]*)$/, 1e3],
];
const OWN_SCALE = /\d[\s\u00a0]*(?:млрд|миллиард|млн|миллион|тыс|мың|тысяч)/i;
const UNIT_AFTER = /\s*(?:%|теңге|тенге|тг\.?|₸|адам|чел\.?|человек|дана|шт\.?|бірлік|ед\.?)$/;
const DIGITS_AND_SEPARATORS = /^[-−]?\d[\d.,]*$/;

/** «1.500,25» → 1500.25 by the rules above; null when the separators make no number. */
function numberOf(text: string): { value: number; thousandsDot: boolean } | null {
  if (!DIGITS_AND_SEPARATORS.test(text) || /[.,]$/.test(text)) return null;
  const sign = /^[-−]/.test(text) ? -1 : 1;
  const digits = text.replace(/^[-−]/, "");
  const separators = digits.replace(/\d/g, "");
  const last = separators[separators.length - 1];
  let decimal: string | null = null;
  let thousandsDot = false;
  if (separators.length === 0) decimal = null;
  else if (new Set(separators).size === 2) decimal = last as string;
  else if (separators.length === 1 && last === ",") decimal = ",";
  else if (separators.length === 1) {
    thousandsDot = /^[1-9]\d{0,2}\.\d{3}$/.test(digits);
    decimal = thousandsDot ? null : ".";
  }
  const point = decimal === null ? -1 : digits.lastIndexOf(decimal);
  const whole = point < 0 ? digits : digits.slice(0, point);
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).some((group) => group.length !== 3)) return null;
  if (point >= 0 && /[.,]/.test(digits.slice(point + 1))) return null;
  const value = Number(`${groups.join("")}${point < 0 ? "" : `.${digits.slice(point + 1)}`}`);
  return Number.isFinite(value) ? { value: sign * value, thousandsDot } : null;
}

export function readQuantity(value: CellValue): Quantity {
  if (value === null) return NONE;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, approximate: false } : NONE;
  if (typeof value !== "string") return { kind: "invalid", text: cellText(value) };
  const written = value.trim();
  if (NOTHING.test(squash(written))) return NONE;
  let text = written.toLowerCase().replace(SPACES_IN_NUMBER, "$1").replace(/\s+/g, " ");
  let approximate = false;
  const stripped = (pattern: RegExp) => {
    const next = text.replace(pattern, "");
    const changed = next !== text;
    text = next;
    return changed;
  };
  if (stripped(APPROXIMATE_BEFORE)) approximate = true;
  stripped(UNIT_AFTER);
  if (stripped(APPROXIMATE_AFTER)) approximate = true;
  stripped(UNIT_AFTER);
  let scale = 1;
  for (const [pattern, factor] of SCALE) {
    if (stripped(pattern)) {
      scale = factor;
      break;
    }
  }
  stripped(UNIT_AFTER);
  if (stripped(APPROXIMATE_AFTER)) approximate = true;
  const number = numberOf(text);
  if (number === null) return { kind: "invalid", text: written };
  return {
    kind: "number",
    value: scaleBy(number.value, scale),
    approximate,
    ...(number.thousandsDot && { thousandsDot: true }),
  };
}

/** Whether a cell names its own scale («0,5 млн», «122 тыс.»): a column's «мың теңге» does not apply again. */
export function hasOwnScale(value: CellValue): boolean {
  return typeof value === "string" && OWN_SCALE.test(value);
}

/** Scaling leaves binary noise (1,2 × 10⁶ = 1199999.9999…); round it off. */
export function scaleBy(value: number, scale: number): number {
  return scale === 1 ? value : Math.round(value * scale * 1e6) / 1e6;
}
