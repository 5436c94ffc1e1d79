import { drawnOnServer } from "./drawn-on-server";

export interface ScorePoint {
  label: string;
  /** Percent, or null when the period has no score. */
  percent: number | null;
  percentText: string;
}

// One drawing for every screen: CSS scales it to its box and enlarges its text on a phone (app.css).
export const SCORE_TREND_SIZE = { width: 600, height: 260 };

const Drawing = drawnOnServer(
  () =>
    Promise.all([import("./recharts-in-browser"), import("./score-trend-drawing")]).then(([recharts, module]) => {
      recharts.drawLikeTheServer();
      return module.ScoreTrendDrawing;
    }),
  SCORE_TREND_SIZE.width / SCORE_TREND_SIZE.height,
);

/** A territory's KPI score over periods. */
export function ScoreTrendChart(props: { id: string; points: ScorePoint[]; title: string }) {
  return (
    <div role="img" aria-label={props.title} className="chart-frame" style={{ maxWidth: 760 }}>
      <Drawing id={props.id} points={props.points} />
    </div>
  );
}
