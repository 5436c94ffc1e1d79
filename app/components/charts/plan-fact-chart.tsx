import { Box, Group } from "@mantine/core";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";
import { ChartKey } from "./chart-key";

const PLAN = "#a2dbed";
const FACT = "#0081a8";
const CUMULATIVE = "#c2410c";

export interface PlanFactPoint {
  label: string;
  plan: number;
  fact: number;
  /** Cumulative execution in percent, or null before anything was planned. */
  cumulative: number | null;
}

const LAYOUTS = {
  wide: { width: 760, height: 300, fontSize: 12, ticks: 10 },
  narrow: { width: 380, height: 260, fontSize: 11, ticks: 5 },
};

/**
 * Plan and fact per quarter as bars, the cumulative execution as a line on its own 0–100 % axis.
 * Fixed sizes and ids, one drawing for wide screens and one for phones: the server's SVG is the
 * browser's, and CSS scales it.
 */
export function PlanFactChart(props: {
  id: string;
  points: PlanFactPoint[];
  title: string;
  labels: { plan: string; fact: string; cumulative: string };
  amber: number;
}) {
  return (
    <div role="img" aria-label={props.title}>
      <Box visibleFrom="sm">
        <Drawing {...props} layout="wide" />
      </Box>
      <Box hiddenFrom="sm">
        <Drawing {...props} layout="narrow" />
      </Box>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <ChartKey color={PLAN} label={props.labels.plan} />
        <ChartKey color={FACT} label={props.labels.fact} />
        <ChartKey color={CUMULATIVE} label={props.labels.cumulative} line />
      </Group>
    </div>
  );
}

function Drawing({
  id,
  points,
  labels,
  amber,
  layout,
}: {
  id: string;
  points: PlanFactPoint[];
  labels: { plan: string; fact: string; cumulative: string };
  amber: number;
  layout: keyof typeof LAYOUTS;
}) {
  const { width, height, fontSize, ticks } = LAYOUTS[layout];
  return (
    <div className="chart" aria-hidden>
      <ComposedChart
        id={`${id}-${layout}`}
        width={width}
        height={height}
        data={points}
        margin={{ top: 12, right: 12, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {/* A fixed tick interval: recharts' automatic one measures text, which the server cannot. */}
        <XAxis dataKey="label" fontSize={fontSize} interval={Math.max(0, Math.ceil(points.length / ticks) - 1)} />
        <YAxis yAxisId="amount" fontSize={fontSize} allowDecimals={false} width={48} />
        <YAxis
          yAxisId="percent"
          orientation="right"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          fontSize={fontSize}
          width={40}
          unit="%"
        />
        <ReferenceLine yAxisId="percent" y={amber} stroke="#d08700" strokeDasharray="4 4" />
        <Bar yAxisId="amount" dataKey="plan" name={labels.plan} fill={PLAN} isAnimationActive={false} />
        <Bar yAxisId="amount" dataKey="fact" name={labels.fact} fill={FACT} isAnimationActive={false} />
        <Line
          yAxisId="percent"
          dataKey="cumulative"
          name={labels.cumulative}
          stroke={CUMULATIVE}
          strokeWidth={2.5}
          dot={{ r: layout === "wide" ? 3 : 2 }}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
