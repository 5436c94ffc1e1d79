import { Box } from "@mantine/core";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import type { Rag } from "~/domain/execution/execution";
import { RAG_FILL } from "~/components/rag";

export interface SectionBar {
  label: string;
  /** Percent, 0–100, or null when nothing was planned yet. */
  percent: number | null;
  percentText: string;
  rag: Rag | null;
}

// Two drawings of the same chart: a wide one, and a narrow one that stays legible on a phone.
const LAYOUTS = {
  wide: { width: 760, row: 52, labelWidth: 230, fontSize: 14 },
  narrow: { width: 380, row: 44, labelWidth: 120, fontSize: 12 },
};

/**
 * Execution per section as horizontal bars. Drawn at a fixed size with a fixed id, so the server's
 * SVG and the browser's are identical; CSS scales it to its box.
 */
export function SectionExecutionChart(props: {
  id: string;
  bars: SectionBar[];
  amber: number;
  title: string;
  large?: boolean;
}) {
  return (
    <div role="img" aria-label={props.title}>
      <Box visibleFrom="sm">
        <Drawing {...props} layout="wide" />
      </Box>
      <Box hiddenFrom="sm">
        <Drawing {...props} layout="narrow" />
      </Box>
    </div>
  );
}

function Drawing({
  id,
  bars,
  amber,
  layout,
  large = false,
}: {
  id: string;
  bars: SectionBar[];
  amber: number;
  layout: keyof typeof LAYOUTS;
  large?: boolean;
}) {
  const { width, row, labelWidth } = LAYOUTS[layout];
  const fontSize = LAYOUTS[layout].fontSize + (large ? 3 : 0);
  const height = 48 + row * Math.max(bars.length, 1);
  const data = bars.map((bar) => ({ ...bar, value: bar.percent ?? 0 }));
  return (
    <div className="chart" aria-hidden>
      <BarChart
        id={`${id}-${layout}`}
        width={width}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: layout === "wide" ? 72 : 52, bottom: 8, left: 4 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} fontSize={fontSize - 1} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize }} interval={0} />
        <ReferenceLine x={amber} stroke="#d08700" strokeDasharray="4 4" />
        <Bar dataKey="value" isAnimationActive={false} barSize={layout === "wide" ? 26 : 20} radius={[0, 4, 4, 0]}>
          {data.map((bar) => (
            <Cell key={bar.label} fill={RAG_FILL[bar.rag ?? "none"]} />
          ))}
          <LabelList dataKey="percentText" position="right" fontSize={fontSize} fontWeight={600} fill="#212529" />
        </Bar>
      </BarChart>
    </div>
  );
}
