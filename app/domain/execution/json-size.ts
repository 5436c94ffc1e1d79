// How much a kept value takes, for the caches' byte budgets (ADR 22 measured a road map's figures at
// within 5 % of their JSON length on the heap). Counted by walking the value rather than by building its
// JSON, which for a 5 000-measure road map's figures is a megabyte string made and thrown away after every
// cold view: its cost showed as 6 % of a cold overview's CPU, with the collections it caused besides.

/** Characters of a number as JSON would write it, without writing it: digits for integers, 18 for fractions. */
function numberLength(value: number): number {
  if (!Number.isFinite(value)) return 4;
  if (!Number.isInteger(value)) return 18;
  const digits = value === 0 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  return digits + (value < 0 ? 1 : 0);
}

/**
 * About as many characters as `JSON.stringify(value)` has: exact for strings without escapes, booleans,
 * null and integers; a fraction counts as 18 characters. Maps, sets and typed arrays count as the arrays
 * they hold (JSON would drop them as `{}`); a Date counts as its ISO text.
 */
export function jsonSize(value: unknown): number {
  switch (typeof value) {
    case "string":
      return value.length + 2;
    case "number":
      return numberLength(value);
    case "boolean":
      return value ? 4 : 5;
    case "bigint":
      return value.toString().length;
    case "object": {
      if (value === null) return 4;
      if (value instanceof Date) return 26;
      if (ArrayBuffer.isView(value)) return value.byteLength;
      if (Array.isArray(value)) {
        let size = 2 + Math.max(0, value.length - 1);
        for (const item of value) size += jsonSize(item);
        return size;
      }
      // As the arrays of their entries: `[[key,value],…]`, `[item,…]`.
      if (value instanceof Map) {
        let size = 1;
        for (const [key, item] of value) size += jsonSize(key) + jsonSize(item) + 4;
        return Math.max(size, 2);
      }
      if (value instanceof Set) {
        let size = 1;
        for (const item of value) size += jsonSize(item) + 1;
        return Math.max(size, 2);
      }
      // `{"key":value,…}`: quotes and colon per key, a comma between entries.
      let size = 1;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || typeof item === "function") continue;
        size += key.length + 4 + jsonSize(item);
      }
      return Math.max(size, 2);
    }
    default:
      return 0;
  }
}
