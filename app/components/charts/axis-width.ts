// The server cannot measure text, so an axis's width is worked out from its tick labels' characters,
// in advances of DejaVu Sans (the widest of the sans-serif fonts a browser here may fall back to).
// On a phone app.css sets chart text to PHONE_CHART_FONT units whatever the drawing's own size: the
// axis is made wide enough for both.
export const PHONE_CHART_FONT = 18;
const TICK_AND_GAP = 6 + 2 + 4;
const ADVANCE: Record<string, number> = { "%": 0.95, " ": 0.32, ",": 0.32, ".": 0.32, "−": 0.84, "-": 0.36 };
const DIGIT = 0.64;

/** Width (drawing units) of a Y axis whose longest label must show whole at the given font size. */
export function axisWidth(labels: string[], fontSize: number): number {
  const size = Math.max(fontSize, PHONE_CHART_FONT);
  const em = (label: string) => [...label].reduce((sum, char) => sum + (ADVANCE[char] ?? DIGIT), 0);
  return Math.ceil(Math.max(0, ...labels.map(em)) * size) + TICK_AND_GAP;
}
