import { Button, Group, Popover, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

// The «Download» button of a page: what can be downloaded from it, each in its formats. The files
// come from the export resource routes, which check access themselves and follow the page's filters
// (its query string).

type Format = "xlsx" | "csv" | "docx";

export interface ExportItem {
  /** A key of the `export` messages. */
  label: ParseKeys;
  files: Array<{ format: Format; href: string }>;
}

/** The page's query string without what only the page uses (its page number, projector size). */
function exportQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  params.delete("large");
  const query = params.toString();
  return query ? `?${query}` : "";
}

const tables = (base: string, names: string[], query: string): ExportItem[] =>
  names.map((name) => ({
    label: `export.names.${name}` as ParseKeys,
    files: (["xlsx", "csv"] as const).map((format) => ({ format, href: `${base}/tables/${name}.${format}${query}` })),
  }));

export function dashboardExports(roadMapId: number, search: string): ExportItem[] {
  const query = exportQuery(search);
  const base = `/roadmaps/${roadMapId}`;
  return [
    {
      label: "export.report",
      files: (["xlsx", "docx"] as const).map((format) => ({ format, href: `${base}/report.${format}${query}` })),
    },
    ...tables(base, ["sections", "departments", "territories", "attention", "measures"], query),
  ];
}

export function kpiExports(territoryId: number, period: string | null): ExportItem[] {
  return tables(`/kpi/${territoryId}`, ["kpiRanking", "kpiHeatmap"], period ? `?period=${period}` : "");
}

export function measureExports(measureId: number): ExportItem[] {
  return tables(`/measures/${measureId}`, ["entries", "history"], "");
}

export function ExportMenu({ items }: { items: ExportItem[] }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} data-testid="export-menu">
          {t("export.menu")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} miw={280}>
          <Text size="xs" c="dimmed">
            {t("export.menuHint")}
          </Text>
          {items.map((item) => (
            <Group key={item.label} justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm">{t(item.label)}</Text>
              <Group gap={4} wrap="nowrap">
                {item.files.map((file) => (
                  <Button
                    key={file.format}
                    component="a"
                    href={file.href}
                    download
                    size="compact-xs"
                    variant="light"
                    aria-label={`${t(item.label)} — ${file.format.toUpperCase()}`}
                  >
                    {file.format.toUpperCase()}
                  </Button>
                ))}
              </Group>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
