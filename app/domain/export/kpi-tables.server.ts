import { periodLabel } from "~/components/kpi/period-label";
import type { rankingView, RankingRow } from "~/domain/kpi/views.server";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import type { ExportColumn, ExportTable } from "./table";

// The KPI ranking of a parent's territories and its heatmap, as the ranking page shows them (the view
// the page's loader computes, for the same period), as exported tables.

export const KPI_TABLES = ["kpiRanking", "kpiHeatmap"] as const;
export type KpiTable = (typeof KPI_TABLES)[number];

type RankingView = Awaited<ReturnType<typeof rankingView>>;

export function kpiTable(view: RankingView, table: KpiTable, locale: Locale, today: string): ExportTable<RankingRow> {
  const t = translator(locale);
  const name = t(`export.names.${table}`);
  const titleLines = [
    `${name}: ${t("kpi.rankingOf", { territory: view.parent.name?.text ?? "" })}`,
    `${t("kpi.period")}: ${view.period ? periodLabel(t, view.period) : "—"}`,
    t("export.exportedOn", { date: formatDate(locale, today) }),
  ];
  const territory: ExportColumn<RankingRow> = {
    header: t("export.columns.territory"),
    kind: "text",
    value: (row) => row.name?.text ?? "",
    width: 30,
  };
  const columns: ExportColumn<RankingRow>[] =
    table === "kpiRanking"
      ? [
          { header: t("export.columns.rank"), kind: "number", value: (row) => row.rank, width: 8 },
          territory,
          { header: t("export.columns.score"), kind: "percent", value: (row) => row.score },
          { header: t("export.columns.rankChange"), kind: "number", value: (row) => row.rankChange },
          { header: t("export.columns.scoreChange"), kind: "percent", value: (row) => row.scoreChange },
          { header: t("export.columns.rag"), kind: "text", value: (row) => t(`rag.${row.rag ?? "none"}`), width: 16 },
          { header: t("export.columns.reported"), kind: "number", value: (row) => row.reported },
          { header: t("export.columns.indicators"), kind: "number", value: (row) => row.total },
        ]
      : [
          territory,
          ...view.indicators.flatMap((indicator): ExportColumn<RankingRow>[] => {
            const title = indicator.title?.text ?? "";
            return [
              {
                header: t("export.columns.achievement", { indicator: title }),
                kind: "percent",
                value: (row) => row.cells[indicator.id]?.achievement ?? null,
                width: 18,
              },
              {
                header: t("export.columns.actual", { indicator: title }),
                kind: "number",
                value: (row) => row.cells[indicator.id]?.actual ?? null,
                width: 18,
              },
            ];
          }),
        ];
  return { name, titleLines, columns, rows: view.rows };
}
