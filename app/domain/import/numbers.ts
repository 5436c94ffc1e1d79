import type { CellValue } from "./cells";

// Quantities as people type them in a sheet: «1 500» (any kind of space), «2,5», «5 000+», «122 тыс.»,
// «1,2 млн», «35%»; a dash or an empty cell is no quantity at all.

export type Quantity =
  | { kind: "none" }
  /** `approximate`: written with «+», «~», «более» / «кемінде», so the number is a lower bound or a guess. */
  | { kind: "number"; value: number; approximate: boolean }
  | { kind: "invalid"; text: string };

const NONE: Quantity = { kind: "none" };
const NOTHING = /^[-—–‐−/х]*$/i;
const SPACES_IN_NUMBER = /(\d)[\s\u00a0\u2007\u202f]+(?=\d)/g;
const APPROXIMATE_BEFORE = /^(?:~|≈|около|более|свыше|не менее|кемінде|шамамен|астам)\s*/;
const APPROXIMATE_AFTER = /\s*(?:\+|астам|и более|и выше)$/;
const SCALE: Array<[RegExp, number]> = [
  [/\s*(?:млрд\.?|миллиард[а-яәғқңөұүһі]*)$/, 1e9],
  [/\s*(?:млн\.?|миллион[а-яәғқңөұүһі]*)$/, 1e6],
  [/\s*(?:тыс\.?|мың|тысяч[а-яәғқңөұүһі]*)$/, 1e3],
];
const UNIT_AFTER = /\s*(?:%|теңге|тенге|тг\.?|₸|адам|чел\.?|человек|дана|шт\.?|бірлік|ед\.?)$/;
const PLAIN_NUMBER = /^[-−]?\d+(?:[.,]\d+)?$/;

export function readQuantity(value: CellValue): Quantity {
  if (value === null) return NONE;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, approximate: false } : NONE;
  if (typeof value !== "string") return { kind: "invalid", text: String(value) };
  const written = value.trim();
  if (NOTHING.test(written)) return NONE;
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
  if (!PLAIN_NUMBER.test(text)) return { kind: "invalid", text: written };
  const number = Number(text.replace(",", ".").replace("−", "-"));
  // Scaling leaves binary noise (1,2 × 10⁶ = 1199999.9999…); round it off.
  const scaled = scale === 1 ? number : Math.round(number * scale * 1e6) / 1e6;
  return { kind: "number", value: scaled, approximate };
}
