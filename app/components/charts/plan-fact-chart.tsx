import { Group, Text } from "@mantine/core";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";

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

const WIDTH = 760;
const HEIGHT = 300;

/**
 * Plan and fact per quarter as bars, the cumulative execution as a line on its own 0–100 % axis.
 * Fixed size and id: the server's SVG is the browser's, and CSS scales it.
 */
export function PlanFactChart({
  id,
  points,
  title,
  labels,
  amber,
}: {
  id: string;
  points: PlanFactPoint[];
  title: string;
  labels: { plan: string; fact: string; cumulative: string };
  amber: number;
}) {
  return (
    <div className="chart" role="img" aria-label={title}>
      <ComposedChart
        id={id}
        width={WIDTH}
        height={HEIGHT}
        data={points}
        margin={{ top: 12, right: 12, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {/* A fixed tick interval: recharts' automatic one measures text, which the server cannot. */}
        <XAxis dataKey="label" fontSize={12} interval={Math.max(0, Math.ceil(points.length / 10) - 1)} />
        <YAxis yAxisId="amount" fontSize={12} allowDecimals={false} width={48} />
        <YAxis
          yAxisId="percent"
          orientation="right"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          fontSize={12}
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
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <Key color={PLAN} label={labels.plan} />
        <Key color={FACT} label={labels.fact} />
        <Key color={CUMULATIVE} label={labels.cumulative} line />
      </Group>
    </div>
  );
}

function Key({ color, label, line = false }: { color: string; label: string; line?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ display: "inline-block", width: 14, height: line ? 3 : 12, background: color, borderRadius: 2 }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
