import { Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { StatusLabel } from "~/components/status";
import type { LinkView } from "~/domain/meetings/meeting-view.server";
import type { ComparedFigure } from "~/domain/meetings/rules";
import { formatNumber } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { useLocale } from "~/i18n/use-locale";

/**
 * The figures of an agenda item: frozen when the meeting was held, and the live value beside every
 * figure that has changed since (marked, never by colour alone).
 */
export function FigureTable({ links, held, asOf }: { links: LinkView[]; held: boolean; asOf: string }) {
  const year = Number(asOf.slice(0, 4));
  const { t } = useTranslation();
  const locale = useLocale();
  const cell = (link: LinkView, key: ComparedFigure, format: (value: number | null) => string) => {
    const frozen = link.figures ? format(link.figures[key]) : "";
    const changed = held && link.changed.includes(key);
    return (
      <Table.Td ta="right" className="tabular" data-changed={changed || undefined}>
        {frozen}
        {changed && link.live && (
          <Text component="span" display="block" size="xs" fw={700} c="orange.9" title={t("meetings.changed")}>
            <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: "-1px" }} /> {t("meetings.live")}:{" "}
            {format(link.live[key])}
          </Text>
        )}
      </Table.Td>
    );
  };
  const percent = (value: number | null) => formatExecution(t, locale, value);
  const number = (value: number | null) => (value === null ? "—" : formatNumber(locale, value));
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("meetings.links")}</Table.Th>
            <Table.Th ta="right">{t("figures.dueToDate")}</Table.Th>
            <Table.Th ta="right">{t("figures.yearPlan", { year })}</Table.Th>
            <Table.Th ta="right">{t("meetings.plan")}</Table.Th>
            <Table.Th ta="right">{t("meetings.fact")}</Table.Th>
            <Table.Th ta="right">{t("meetings.peopleReached")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((link) => (
            <Table.Tr key={link.key}>
              <Table.Td>
                <Text size="sm">
                  {link.number && `${link.number}. `}
                  <Localized value={link.title} />
                </Text>
                {link.status && <StatusLabel status={link.status} />}
                {!link.figures && (
                  <Text size="xs" c="dimmed">
                    {t("meetings.noFigures")}
                  </Text>
                )}
              </Table.Td>
              {cell(link, "execution", percent)}
              {cell(link, "yearExecution", percent)}
              {cell(link, "yearPlan", number)}
              {cell(link, "yearFact", number)}
              {cell(link, "peopleReached", number)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
