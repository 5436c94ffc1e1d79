import { SectionExecutionChart } from "~/components/charts/section-execution-chart";
import { ragOf } from "~/domain/execution/execution";
import type { LinkView } from "~/domain/meetings/meeting-view.server";
import { formatExecution } from "~/i18n/figures";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";

// The whole number and title: the bars are drawn in HTML, so a long label wraps (above its bar on a
// phone) rather than being cut.
function label(link: LinkView): string {
  return [link.number, link.title?.text].filter(Boolean).join(" ");
}

/** Execution of every linked section and measure of an agenda item, as frozen (or live before the meeting). */
export function AgendaChart(props: { id: string; links: LinkView[]; locale: Locale; title: string; large?: boolean }) {
  const bars = props.links
    .filter((link) => link.figures)
    .map((link) => ({
      label: label(link),
      percent: link.figures!.execution === null ? null : link.figures!.execution * 100,
      percentText: formatExecution(translator(props.locale), props.locale, link.figures!.execution),
      rag: ragOf(link.figures!.execution, link.thresholds),
    }));
  if (bars.length === 0) return null;
  // An agenda item reviews one road map; its programme's amber threshold is the line drawn.
  const amber = props.links.find((link) => link.figures)!.thresholds.amber;
  return <SectionExecutionChart id={props.id} bars={bars} amber={amber} title={props.title} large={props.large} />;
}
