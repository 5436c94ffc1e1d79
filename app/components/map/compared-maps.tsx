import { useTranslation } from "react-i18next";
import { scorecardLink } from "~/components/kpi/ranking-parts";
import type { ShownFigures } from "~/domain/execution/dashboard-view.server";
import type { Rag, Thresholds } from "~/domain/execution/execution";
import type { TerritoryMap } from "~/domain/geo/boundaries.server";
import type { ComparedMap } from "~/domain/geo/maps.server";
import type { KpiPeriod } from "~/domain/kpi/scoring";
import { formatExecution } from "~/i18n/figures";
import { formatPercent } from "~/i18n/format";
import { plainText, type PageText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { ChoroplethMap, type MapArea } from "./choropleth-map";

// The two maps of the app, each fed by the rows of the table beside it: the same figures, the same
// RAG, the same links. A shape without a row is grey: nothing to show, or not in the reader's view.

type Shape = ComparedMap["shapes"][number];

function area(shape: Shape, row: { rag: Rag | null; figure: string | null; href: string | null } | undefined): MapArea {
  const base = { id: shape.id, name: plainText(shape.name), d: shape.d, labelAt: shape.labelAt, small: shape.small };
  if (!row && !shape.inView) return { ...base, name: "", state: "outside", rag: null, figure: null, href: null };
  if (!row) return { ...base, state: "empty", rag: null, figure: null, href: null };
  return {
    ...base,
    state: row.rag ? "figures" : "empty",
    rag: row.rag,
    figure: row.rag ? row.figure : null,
    href: row.href,
  };
}

const unmappedNames = (map: ComparedMap, rowIds: Set<number>) =>
  map.unmapped.filter((t) => rowIds.has(t.id)).map((t) => plainText(t.name));

/** Execution by territory on the road map's dashboard; rows are the territory table's. */
export function ExecutionMap({
  map,
  rows,
  thresholds,
  link,
}: {
  map: ComparedMap;
  rows: Array<{ id: number; own: boolean; figures: ShownFigures }>;
  thresholds: Thresholds;
  link: (changes: Record<string, string | null>) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (
    <ChoroplethMap
      id="execution-map"
      title={t("geoMap.executionTitle")}
      width={map.width}
      height={map.height}
      thresholds={thresholds}
      unmapped={unmappedNames(map, new Set(byId.keys()))}
      areas={map.shapes.map((shape) => {
        const row = byId.get(shape.id);
        return area(
          shape,
          row && {
            rag: row.figures.rag,
            figure: formatExecution(t, locale, row.figures.execution),
            href: row.own ? null : link({ territory: String(row.id) }),
          },
        );
      })}
    />
  );
}

/** KPI score by territory on the ranking; rows are the ranking table's. */
export function ScoreMap({
  map,
  rows,
  thresholds,
  period,
}: {
  map: ComparedMap;
  rows: Array<{ territoryId: number; score: number | null; rag: Rag | null; name: PageText | null }>;
  thresholds: Thresholds;
  period: KpiPeriod | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(rows.map((row) => [row.territoryId, row]));
  return (
    <ChoroplethMap
      id="score-map"
      title={t("geoMap.scoreTitle")}
      width={map.width}
      height={map.height}
      thresholds={thresholds}
      unmapped={unmappedNames(map, new Set(byId.keys()))}
      areas={map.shapes.map((shape) => {
        const row = byId.get(shape.id);
        return area(
          shape,
          row && {
            rag: row.score === null ? null : row.rag,
            figure: formatPercent(locale, row.score),
            href: scorecardLink(row.territoryId, period),
          },
        );
      })}
    />
  );
}

/** A meeting's territory comparison (the slides): the frozen rows, no drill-down (the figures are the meeting's). */
export function MeetingMap({
  id,
  title,
  map,
  rows,
  thresholds,
}: {
  id: string;
  title: string;
  map: TerritoryMap;
  rows: Array<{ id: number; execution: number | null; rag: Rag | null }>;
  thresholds: Thresholds;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (
    <ChoroplethMap
      id={id}
      testId="meeting-map"
      title={title}
      width={map.width}
      height={map.height}
      thresholds={thresholds}
      unmapped={map.unmapped.filter((u) => byId.has(u.id)).map((u) => plainText(u.name))}
      areas={map.shapes.map((shape) => {
        const row = byId.get(shape.id);
        return area(
          { ...shape, inView: true },
          row && { rag: row.rag, figure: formatExecution(t, locale, row.execution), href: null },
        );
      })}
    />
  );
}
