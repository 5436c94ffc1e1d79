import type { CSSProperties } from "react";
import type { Rag } from "~/domain/execution/execution";
import { RAG_FILL } from "~/components/rag";

export interface SectionBar {
  label: string;
  /** Percent, 0–100, or null when nothing was planned yet. */
  percent: number | null;
  percentText: string;
  rag: Rag | null;
}

const TICKS = [0, 20, 40, 60, 80, 100];
const length = (bar: SectionBar) => `${Math.min(100, Math.max(0, bar.percent ?? 0))}%`;

/**
 * Execution per section as horizontal bars, drawn in HTML and CSS rather than SVG: one drawing that
 * fits any width — on a phone the label goes above its bar and wraps instead of being cut — with
 * nothing to compute in the browser. The percentages are the ones the table beside it prints.
 */
export function SectionExecutionChart(props: {
  id: string;
  bars: SectionBar[];
  amber: number;
  title: string;
  large?: boolean;
}) {
  const plot = { "--amber": `${props.amber}%` } as CSSProperties;
  return (
    <div
      role="img"
      aria-label={props.title}
      id={props.id}
      className={props.large ? "bar-chart bar-chart-large" : "bar-chart"}
      style={plot}
    >
      <ol aria-hidden>
        {props.bars.map((bar, index) => (
          <li key={`${index}:${bar.label}`}>
            <span className="bar-chart-label">{bar.label}</span>
            <span className="bar-chart-plot">
              <span className="bar-chart-track">
                <span
                  className="bar-chart-bar"
                  style={{ width: length(bar), background: RAG_FILL[bar.rag ?? "none"] }}
                />
                <span className="bar-chart-value" style={{ left: length(bar) }}>
                  {bar.percentText}
                </span>
              </span>
            </span>
          </li>
        ))}
      </ol>
      <div className="bar-chart-axis" aria-hidden>
        <span className="bar-chart-label" />
        <span className="bar-chart-plot">
          <span className="bar-chart-ticks">
            {TICKS.map((tick) => (
              <span key={tick} style={{ left: `${tick}%` }}>
                {tick}
              </span>
            ))}
          </span>
        </span>
      </div>
    </div>
  );
}
