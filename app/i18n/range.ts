/** A span of years as people write it: «2020» for one year, «2023–2027» (en dash) for several. */
export function yearRange(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}
