import { Box } from "@mantine/core";
import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";

export interface ScorePoint {
  label: string;
  /** Percent, or null when the period has no score. */
  percent: number | null;
  percentText: string;
}

const LAYOUTS = {
  wide: { width: 720, height: 260, fontSize: 13 },
  narrow: { width: 360, height: 220, fontSize: 11 },
};

/** A territory's KPI score over periods. Fixed sizes and ids: the server's SVG equals the browser's. */
export function ScoreTrendChart(props: { id: string; points: ScorePoint[]; title: string }) {
  return (
    <div role="img" aria-label={props.title} style={{ maxWidth: 760 }}>
      <Box visibleFrom="sm">
        <Drawing {...props} layout="wide" />
      </Box>
      <Box hiddenFrom="sm">
        <Drawing {...props} layout="narrow" />
      </Box>
    </div>
  );
}

function Drawing({ id, points, layout }: { id: string; points: ScorePoint[]; layout: keyof typeof LAYOUTS }) {
  const { width, height, fontSize } = LAYOUTS[layout];
  return (
    <div className="chart" aria-hidden>
      <LineChart
        id={`${id}-${layout}`}
        width={width}
        height={height}
        data={points}
        margin={{ top: 28, right: 24, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" fontSize={fontSize} interval={0} padding={{ left: 48, right: 48 }} />
        <YAxis domain={[0, 120]} ticks={[0, 20, 40, 60, 80, 100, 120]} fontSize={fontSize} width={40} />
        <ReferenceLine y={100} stroke="#0c8a63" strokeDasharray="4 4" />
        <ReferenceLine y={80} stroke="#d08700" strokeDasharray="4 4" />
        <Line
          type="linear"
          dataKey="percent"
          stroke="#1c7ed6"
          strokeWidth={3}
          dot={{ r: 5 }}
          isAnimationActive={false}
          connectNulls
        >
          <LabelList dataKey="percentText" position="top" fontSize={fontSize} fontWeight={600} fill="#212529" />
        </Line>
      </LineChart>
    </div>
  );
}
