import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { axisWidth } from "./axis-width";
import { SCORE_TREND_SIZE, type ScorePoint } from "./score-trend-chart";

const TICKS = [0, 20, 40, 60, 80, 100, 120];

export interface ScoreTrendDrawingProps {
  id: string;
  points: ScorePoint[];
}

/** The drawing itself: a fixed size and id, so that the server's SVG is the browser's. */
export function ScoreTrendDrawing({ id, points }: ScoreTrendDrawingProps) {
  const fontSize = 12;
  return (
    <LineChart id={id} {...SCORE_TREND_SIZE} data={points} margin={{ top: 28, right: 32, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" fontSize={fontSize} interval={0} padding={{ left: 56, right: 56 }} />
      <YAxis domain={[0, 120]} ticks={TICKS} fontSize={fontSize} width={axisWidth(TICKS.map(String), fontSize)} />
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
  );
}
