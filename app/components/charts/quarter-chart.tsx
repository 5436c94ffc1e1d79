import { Box, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChartKey } from "./chart-key";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";

export interface QuarterChartPoint {
  label: string;
  /** Shares 0–1, or null where there is nothing to show. */
  quarterExecution: number | null;
  cumulativeExecution: number | null;
  plannedProgress: number | null;
  actualProgress: number | null;
}

const percent = (share: number | null) => (share === null ? null : share * 100);

const COLORS = { quarter: "#a2dbed", cumulative: "#00759c", planned: "#868e96", actual: "#c2410c" };
const LAYOUTS = {
  wide: { width: 760, height: 300, fontSize: 12 },
  narrow: { width: 380, height: 260, fontSize: 11 },
};

/**
 * The road map quarter by quarter: bars for the execution within each quarter, lines for the cumulative
 * execution, the progress the plan calls for and the progress made, and a marker at the current
 * quarter — where the road map should be by now. Fixed sizes and ids: identical on server and browser.
 */
export function QuarterChart({
  id,
  points,
  nowLabel,
  large,
}: {
  id: string;
  points: QuarterChartPoint[];
  nowLabel: string | null;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const drawing = {
    id,
    nowLabel,
    large,
    nowText: t("dashboard.now"),
    points: points.map((point) => ({
      label: point.label,
      quarterExecution: percent(point.quarterExecution),
      cumulativeExecution: percent(point.cumulativeExecution),
      plannedProgress: percent(point.plannedProgress),
      actualProgress: percent(point.actualProgress),
    })),
  };
  return (
    <div role="img" aria-label={t("dashboard.quarterChartTitle")}>
      <Box visibleFrom="sm">
        <Drawing {...drawing} layout="wide" />
      </Box>
      <Box hiddenFrom="sm">
        <Drawing {...drawing} layout="narrow" />
      </Box>
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <ChartKey color={COLORS.quarter} label={t("dashboard.quarterExecution")} />
        <ChartKey color={COLORS.cumulative} label={t("dashboard.cumulativeExecution")} line />
        <ChartKey color={COLORS.planned} label={t("dashboard.plannedProgress")} line dashed />
        <ChartKey color={COLORS.actual} label={t("dashboard.actualProgress")} line />
      </Group>
    </div>
  );
}

function Drawing({
  id,
  points,
  nowLabel,
  nowText,
  large = false,
  layout,
}: {
  id: string;
  points: QuarterChartPoint[];
  nowLabel: string | null;
  nowText: string;
  large?: boolean;
  layout: keyof typeof LAYOUTS;
}) {
  const { width, height } = LAYOUTS[layout];
  const fontSize = LAYOUTS[layout].fontSize + (large ? 3 : 0);
  // A fixed tick interval: recharts' automatic one measures text, which the server cannot.
  const interval = Math.max(0, Math.ceil(points.length / (layout === "wide" ? 10 : 5)) - 1);
  return (
    <div className="chart" aria-hidden>
      <ComposedChart
        id={`${id}-${layout}`}
        width={width}
        height={height}
        data={points}
        margin={{ top: 16, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={fontSize} interval={interval} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" fontSize={fontSize} width={44} />
        <Bar dataKey="quarterExecution" fill={COLORS.quarter} isAnimationActive={false} />
        <Line
          dataKey="cumulativeExecution"
          stroke={COLORS.cumulative}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="plannedProgress"
          stroke={COLORS.planned}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line dataKey="actualProgress" stroke={COLORS.actual} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        {nowLabel && (
          <ReferenceLine
            x={nowLabel}
            stroke="#212529"
            strokeDasharray="2 3"
            label={{ value: nowText, position: "insideTopRight", fontSize, fill: "#212529" }}
          />
        )}
      </ComposedChart>
    </div>
  );
}
