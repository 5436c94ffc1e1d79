import { Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { Share } from "~/domain/shares/share-of-base";
import { formatShare } from "~/i18n/figures";
import type { ShownText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export interface ShareLine {
  target: Share;
  plan: Share;
  fact: Share;
}

/** A share with its counts, as one line of text. */
export function ShareText({ share, testId }: { share: Share; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span className="tabular" data-testid={testId}>
      {formatShare(t, locale, share)}
    </span>
  );
}

/**
 * A share-of-base measure on its page: what the base is, the share planned, due and done with their
 * counts, and each territory's share when several hold one — the total is Σ counts / Σ bases.
 */
export function ShareFigures(props: {
  baseLabel: ShownText | null;
  total: ShareLine;
  territories: Array<ShareLine & { key: number; name: ShownText | null }>;
}) {
  const { t } = useTranslation();
  const cell = (label: string, share: Share, testId: string) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        <ShareText share={share} testId={testId} />
      </Text>
    </div>
  );
  return (
    <Paper withBorder p="md" component="section" data-testid="share-figures">
      <Title order={2} size="h4" mb={4}>
        {t("figures.shareMeasure")}
      </Title>
      {props.baseLabel && (
        <Text size="sm" mb="sm">
          {t("figures.base")}: <Localized value={props.baseLabel} />
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {cell(t("figures.factShare"), props.total.fact, "share-fact")}
        {cell(t("figures.planShare"), props.total.plan, "share-plan")}
        {cell(t("figures.targetShare"), props.total.target, "share-target")}
      </SimpleGrid>
      {props.territories.length > 1 && (
        <Table.ScrollContainer minWidth={520} mt="md">
          <Table striped verticalSpacing={4} fz="sm" data-testid="share-territories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("dashboard.territory")}</Table.Th>
                <Table.Th ta="right">{t("figures.factShare")}</Table.Th>
                <Table.Th ta="right">{t("figures.planShare")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.territories.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Localized value={row.name} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ShareText share={row.fact} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ShareText share={row.plan} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t("figures.shareMeasureHint")}
      </Text>
    </Paper>
  );
}
