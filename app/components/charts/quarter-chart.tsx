import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChartKey } from "./chart-key";
import { drawnOnServer } from "./drawn-on-server";

export interface QuarterChartPoint {
  label: string;
  /** Shares 0–1, or null where there is nothing to show. */
  quarterExecution: number | null;
  cumulativeExecution: number | null;
  plannedProgress: number | null;
  actualProgress: number | null;
}

const percent = (share: number | null) => (share === null ? null : share * 100);

export const QUARTER_COLORS = { quarter: "#a2dbed", cumulative: "#00759c", planned: "#868e96", actual: "#c2410c" };
// One drawing for every screen: CSS scales it to its box and enlarges its text on a phone (app.css).
export const QUARTER_SIZE = { width: 600, height: 360 };

const Drawing = drawnOnServer(
  () =>
    Promise.all([import("./recharts-in-browser"), import("./quarter-drawing")]).then(([recharts, module]) => {
      recharts.drawLikeTheServer();
      return module.QuarterDrawing;
    }),
  QUARTER_SIZE.width / QUARTER_SIZE.height,
);

/**
 * The road map quarter by quarter: bars for the execution within each quarter, lines for the cumulative
 * execution, the progress the plan calls for and the progress made, and a marker at the current
 * quarter — where the road map should be by now.
 */
export function QuarterChart({
  id,
  points,
  nowLabel,
  large = false,
}: {
  id: string;
  points: QuarterChartPoint[];
  nowLabel: string | null;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div role="img" aria-label={t("dashboard.quarterChartTitle")} className="chart-frame">
      <Drawing
        id={id}
        nowLabel={nowLabel}
        nowText={t("dashboard.now")}
        large={large}
        points={points.map((point) => ({
          label: point.label,
          quarterExecution: percent(point.quarterExecution),
          cumulativeExecution: percent(point.cumulativeExecution),
          plannedProgress: percent(point.plannedProgress),
          actualProgress: percent(point.actualProgress),
        }))}
      />
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <ChartKey color={QUARTER_COLORS.quarter} label={t("dashboard.quarterExecution")} />
        <ChartKey color={QUARTER_COLORS.cumulative} label={t("dashboard.cumulativeExecution")} line />
        <ChartKey color={QUARTER_COLORS.planned} label={t("dashboard.plannedProgress")} line dashed />
        <ChartKey color={QUARTER_COLORS.actual} label={t("dashboard.actualProgress")} line />
      </Group>
    </div>
  );
}
