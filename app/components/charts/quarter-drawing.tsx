import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";
import { axisWidth } from "./axis-width";
import { QUARTER_COLORS, QUARTER_SIZE } from "./quarter-chart";

const PERCENT_TICKS = [0, 25, 50, 75, 100];

export interface QuarterDrawingPoint {
  label: string;
  /** Percentages, or null where there is nothing to show. */
  quarterExecution: number | null;
  cumulativeExecution: number | null;
  plannedProgress: number | null;
  actualProgress: number | null;
}

export interface QuarterDrawingProps {
  id: string;
  points: QuarterDrawingPoint[];
  nowLabel: string | null;
  nowText: string;
  large: boolean;
}

/** The drawing itself: a fixed size and id, so that the server's SVG is the browser's. */
export function QuarterDrawing({ id, points, nowLabel, nowText, large }: QuarterDrawingProps) {
  const fontSize = 12 + (large ? 3 : 0);
  // A fixed tick interval (about five labels): recharts' automatic one measures text, which the server cannot.
  const interval = Math.max(0, Math.ceil(points.length / 5) - 1);
  return (
    <ComposedChart id={id} {...QUARTER_SIZE} data={points} margin={{ top: 16, right: 8, bottom: 4, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" fontSize={fontSize} interval={interval} />
      <YAxis
        domain={[0, 100]}
        ticks={PERCENT_TICKS}
        unit="%"
        fontSize={fontSize}
        width={axisWidth(
          PERCENT_TICKS.map((tick) => `${tick}%`),
          fontSize,
        )}
      />
      <Bar dataKey="quarterExecution" fill={QUARTER_COLORS.quarter} isAnimationActive={false} />
      <Line
        dataKey="cumulativeExecution"
        stroke={QUARTER_COLORS.cumulative}
        strokeWidth={2.5}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="plannedProgress"
        stroke={QUARTER_COLORS.planned}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="actualProgress"
        stroke={QUARTER_COLORS.actual}
        strokeWidth={2.5}
        dot={false}
        isAnimationActive={false}
      />
      {nowLabel && (
        <ReferenceLine
          x={nowLabel}
          stroke="#212529"
          strokeDasharray="2 3"
          label={{ value: nowText, position: "insideTopRight", fontSize, fill: "#212529" }}
        />
      )}
    </ComposedChart>
  );
}
