import type { TFunction } from "i18next";
import type { ExecutionFigures } from "~/domain/execution/execution.server";
import type { MeasureLine } from "~/domain/execution/dashboard.server";
import { STATUSES } from "~/domain/execution/dashboard-filters";
import { translator } from "~/i18n/i18n";
import type { LocalizedText } from "~/i18n/locales";
import type { DashboardExport } from "./dashboard-export.server";
import type { ExportColumn, ExportTable } from "./table";

// The dashboard's tables as exported tables: the breakdowns by section, department and territory, the
// behind/overdue list and the measure list — every row, not one page.

export const DASHBOARD_TABLES = ["sections", "departments", "territories", "attention", "measures"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

interface NamedRow {
  name: string;
  figures: ExecutionFigures;
}

function figureColumns(t: TFunction, year: number): ExportColumn<NamedRow>[] {
  return [
    { header: `${t("figures.dueToDate")}, %`, kind: "percent", value: (row) => row.figures.execution, width: 16 },
    { header: t("export.columns.plan"), kind: "number", value: (row) => row.figures.plan },
    { header: t("export.columns.fact"), kind: "number", value: (row) => row.figures.fact },
    {
      header: `${t("figures.yearPlan", { year })}, %`,
      kind: "percent",
      value: (row) => row.figures.yearExecution,
      width: 16,
    },
    { header: t("export.columns.yearPlan", { year }), kind: "number", value: (row) => row.figures.yearPlan },
    { header: t("export.columns.yearFact", { year }), kind: "number", value: (row) => row.figures.yearFact },
    { header: t("export.columns.peopleReached"), kind: "number", value: (row) => row.figures.peopleReached },
    { header: t("export.columns.counted"), kind: "number", value: (row) => row.figures.counted },
    ...STATUSES.map((status): ExportColumn<NamedRow> => ({
      header: t(`status.${status}`),
      kind: "number",
      value: (row) => row.figures.statusCounts[status],
    })),
  ];
}

function measureColumns(t: TFunction, text: (value: LocalizedText | null) => string, sliced: boolean) {
  const columns: ExportColumn<MeasureLine>[] = [
    { header: t("export.columns.number"), kind: "text", value: (line) => line.number, width: 9 },
    { header: t("export.columns.measure"), kind: "text", value: (line) => text(line.title), width: 50 },
    { header: t("export.columns.department"), kind: "text", value: (line) => text(line.department), width: 30 },
    ...(sliced
      ? [
          {
            header: t("export.columns.territory"),
            kind: "text",
            value: (line) => text(line.territory),
            width: 24,
          } satisfies ExportColumn<MeasureLine>,
        ]
      : []),
    { header: t("export.columns.deadline"), kind: "date", value: (line) => line.deadline },
    { header: t("export.columns.plan"), kind: "number", value: (line) => line.plan },
    { header: t("export.columns.fact"), kind: "number", value: (line) => line.fact },
    { header: `${t("figures.dueToDate")}, %`, kind: "percent", value: (line) => line.execution, width: 16 },
    { header: t("export.columns.status"), kind: "text", value: (line) => t(`status.${line.status}`), width: 16 },
  ];
  return columns;
}

/**
 * One of the dashboard's tables, in the reader's language, with the dashboard's title lines, handed to
 * `write` (a table's rows have their own type; the writer is generic over it).
 */
export function dashboardTable<R>(
  exported: DashboardExport,
  table: DashboardTable,
  write: <Row>(table: ExportTable<Row>) => R,
): R {
  const { dashboard, lines, text, locale } = exported;
  const t = translator(locale);
  const year = Number(exported.asOf.slice(0, 4));
  const name = t(`export.names.${table}`);
  const named = (heading: string, rows: NamedRow[]): ExportTable<NamedRow> => ({
    name,
    titleLines: exported.titleLines(name),
    columns: [{ header: heading, kind: "text", value: (row) => row.name, width: 44 }, ...figureColumns(t, year)],
    rows,
  });
  const label = (number: string | null, value: LocalizedText) => (number ? `${number}. ${text(value)}` : text(value));
  const sliced = lines.some((line) => line.territoryId !== null);
  const measures = (rows: MeasureLine[]): ExportTable<MeasureLine> => ({
    name,
    titleLines: exported.titleLines(name),
    columns: measureColumns(t, text, sliced),
    rows,
  });

  switch (table) {
    case "sections":
      return write(
        named(
          t("export.columns.section"),
          dashboard.sections.flatMap((section) => [
            { name: label(section.number, section.name), figures: section.figures },
            ...section.subsections.map((sub) => ({ name: label(sub.number, sub.name), figures: sub.figures })),
          ]),
        ),
      );
    case "departments":
      return write(
        named(
          t("export.columns.department"),
          dashboard.departments.map((row) => ({ name: text(row.name), figures: row.figures })),
        ),
      );
    case "territories":
      return write(
        named(
          t("export.columns.territory"),
          dashboard.territories.map((row) => ({
            name: row.id === dashboard.territory.id ? t("export.ownLevel", { name: text(row.name) }) : text(row.name),
            figures: row.figures,
          })),
        ),
      );
    case "attention":
      // The dashboard's order: the furthest behind first.
      return write(
        measures(
          lines
            .filter((line) => line.status === "behind" || line.status === "overdue")
            .sort((a, b) => (a.execution ?? 0) - (b.execution ?? 0) || a.measureId - b.measureId),
        ),
      );
    case "measures":
      return write(measures(lines));
  }
}
