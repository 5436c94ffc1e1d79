import { Anchor, Badge, Button, Card, Group, Text } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { EvidenceFiles } from "~/components/progress/evidence-files";
import type { MeasurePageData } from "~/domain/progress/measure-page.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

/** One progress entry as read: date, figure, narrative, evidence links and files, who wrote it; edit and delete. */
export function EntryCard({ entry, data }: { entry: MeasurePageData["entries"][number]; data: MeasurePageData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { measure } = data;
  const number = (value: number) => formatNumber(locale, value, 3);
  return (
    <Card withBorder id={`entry-${entry.id}`} data-testid="entry">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={700}>{formatDate(locale, entry.entryDate)}</Text>
            <Text>
              — {number(entry.value)} {t(`units.${measure.unit}`)}
            </Text>
            {entry.peopleReached !== null && (
              <Badge variant="light" style={{ textTransform: "none" }}>
                {t("overview.peopleCount", { people: number(entry.peopleReached) })}
              </Badge>
            )}
            {data.territories.length > 1 && (
              <Text size="sm" c="dimmed">
                <Localized value={entry.territoryName} />
              </Text>
            )}
          </Group>
          {entry.narrativeShown && (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              <Localized value={entry.narrativeShown} />
            </Text>
          )}
          {entry.behindReasonShown && (
            <Text size="sm" mt={4} c="orange.9">
              {t("entry.reason")}: <Localized value={entry.behindReasonShown} />
            </Text>
          )}
          {entry.evidenceLinks.length > 0 && (
            <Group gap="xs" mt={4}>
              <Text size="sm" c="dimmed">
                {t("entry.evidence")}:
              </Text>
              {entry.evidenceLinks.map((link) => (
                <Anchor
                  key={link}
                  href={link}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  size="sm"
                  style={{ wordBreak: "break-all" }}
                >
                  {link}
                </Anchor>
              ))}
            </Group>
          )}
          <EvidenceFiles files={entry.evidenceFiles} />
          <Text size="xs" c="dimmed" mt={4}>
            {t("entry.author", { name: entry.author })}
          </Text>
        </div>
        {data.canWrite && !entry.locked && (
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to={`?edit=${entry.id}#entry-${entry.id}`} variant="light" size="xs">
              {t("entry.edit")}
            </Button>
            <Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(t("entry.deleteConfirm"))) event.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="delete-entry" />
              <input type="hidden" name="entryId" value={entry.id} />
              <input type="hidden" name="version" value={entry.version} />
              <Button type="submit" variant="subtle" color="red" size="xs">
                {t("entry.delete")}
              </Button>
            </Form>
          </Group>
        )}
        {entry.locked && <IconLock size={16} aria-label={t("measurePage.closedQuarter")} />}
      </Group>
    </Card>
  );
}
