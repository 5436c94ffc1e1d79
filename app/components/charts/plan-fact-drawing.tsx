import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";
import { axisWidth } from "./axis-width";
import { PLAN_FACT_COLORS, PLAN_FACT_SIZE, type PlanFactPoint } from "./plan-fact-chart";

const PERCENT_TICKS = [0, 25, 50, 75, 100];

export interface PlanFactDrawingProps {
  id: string;
  points: PlanFactPoint[];
  labels: { plan: string; fact: string; cumulative: string };
  amber: number;
}

/** The drawing itself: a fixed size and id, so that the server's SVG is the browser's. */
export function PlanFactDrawing({ id, points, labels, amber }: PlanFactDrawingProps) {
  const fontSize = 12;
  // recharts picks the amount axis's ticks; its top one stays below twice the largest value.
  const largest = Math.max(0, ...points.flatMap((point) => [point.plan, point.fact]));
  return (
    <ComposedChart id={id} {...PLAN_FACT_SIZE} data={points} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      {/* A fixed tick interval: recharts' automatic one measures text, which the server cannot. */}
      <XAxis dataKey="label" fontSize={fontSize} interval={Math.max(0, Math.ceil(points.length / 5) - 1)} />
      <YAxis
        yAxisId="amount"
        fontSize={fontSize}
        allowDecimals={false}
        width={axisWidth([String(Math.ceil(2 * largest))], fontSize)}
      />
      <YAxis
        yAxisId="percent"
        orientation="right"
        domain={[0, 100]}
        ticks={PERCENT_TICKS}
        fontSize={fontSize}
        width={axisWidth(
          PERCENT_TICKS.map((tick) => `${tick}%`),
          fontSize,
        )}
        unit="%"
      />
      <ReferenceLine yAxisId="percent" y={amber} stroke="#d08700" strokeDasharray="4 4" />
      <Bar yAxisId="amount" dataKey="plan" name={labels.plan} fill={PLAN_FACT_COLORS.plan} isAnimationActive={false} />
      <Bar yAxisId="amount" dataKey="fact" name={labels.fact} fill={PLAN_FACT_COLORS.fact} isAnimationActive={false} />
      <Line
        yAxisId="percent"
        dataKey="cumulative"
        name={labels.cumulative}
        stroke={PLAN_FACT_COLORS.cumulative}
        strokeWidth={2.5}
        dot={{ r: 3 }}
        connectNulls
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
