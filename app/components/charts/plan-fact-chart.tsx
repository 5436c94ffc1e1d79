import { Group } from "@mantine/core";
import { ChartKey } from "./chart-key";
import { drawnOnServer } from "./drawn-on-server";

export interface PlanFactPoint {
  label: string;
  plan: number;
  fact: number;
  /** Cumulative execution in percent, or null before anything was planned. */
  cumulative: number | null;
}

export const PLAN_FACT_COLORS = { plan: "#a2dbed", fact: "#0081a8", cumulative: "#c2410c" };
// One drawing for every screen: CSS scales it to its box and enlarges its text on a phone (app.css).
export const PLAN_FACT_SIZE = { width: 600, height: 340 };

const Drawing = drawnOnServer(
  () =>
    Promise.all([import("./recharts-in-browser"), import("./plan-fact-drawing")]).then(([recharts, module]) => {
      recharts.drawLikeTheServer();
      return module.PlanFactDrawing;
    }),
  PLAN_FACT_SIZE.width / PLAN_FACT_SIZE.height,
);

/** Plan and fact per quarter as bars, the cumulative execution as a line on its own 0–100 % axis. */
export function PlanFactChart(props: {
  id: string;
  points: PlanFactPoint[];
  title: string;
  labels: { plan: string; fact: string; cumulative: string };
  amber: number;
}) {
  return (
    <div role="img" aria-label={props.title} className="chart-frame">
      <Drawing id={props.id} points={props.points} labels={props.labels} amber={props.amber} />
      <Group gap="lg" justify="center" mt={4} aria-hidden>
        <ChartKey color={PLAN_FACT_COLORS.plan} label={props.labels.plan} />
        <ChartKey color={PLAN_FACT_COLORS.fact} label={props.labels.fact} />
        <ChartKey color={PLAN_FACT_COLORS.cumulative} label={props.labels.cumulative} line />
      </Group>
    </div>
  );
}
