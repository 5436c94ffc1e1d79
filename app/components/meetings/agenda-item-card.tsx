import { Box, Button, Divider, Group, Paper, SimpleGrid, Text, Textarea, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import { plainText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { AgendaChart } from "./agenda-chart";
import { FigureTable } from "./figure-table";

type Item = MeetingView["agenda"][number];

/** One agenda item: its place in the order (movable before the meeting), its figures and its minutes. */
export function AgendaItemCard({
  item,
  first,
  last,
  held,
  asOf,
  editable,
}: {
  item: Item;
  first: boolean;
  last: boolean;
  held: boolean;
  asOf: string;
  editable: MeetingView["editable"];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = plainText(item.title);
  return (
    <Paper withBorder p="md" data-testid="agenda-item">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {item.position}. <Localized value={item.title} />
          </Title>
          {item.speakerName && (
            <Text size="sm" c="dimmed">
              {t("meetings.speaker")}: {item.speakerName}
              {item.speakerPosition && (
                <>
                  , <Localized value={item.speakerPosition} />
                </>
              )}
            </Text>
          )}
        </div>
        {editable.agenda && (
          <Group gap={4}>
            {/* Plain form posts: the order changes with JavaScript off too. */}
            {(["up", "down"] as const).map((direction) => (
              <Form method="post" key={direction}>
                <input type="hidden" name="intent" value="move-agenda-item" />
                <input type="hidden" name="agendaItemId" value={item.id} />
                <input type="hidden" name="version" value={item.version} />
                <input type="hidden" name="direction" value={direction} />
                <Button
                  type="submit"
                  size="xs"
                  variant="subtle"
                  disabled={direction === "up" ? first : last}
                  leftSection={direction === "up" ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />}
                  aria-label={t(
                    direction === "up" ? "oneLanguage.agenda.moveUpLabel" : "oneLanguage.agenda.moveDownLabel",
                    {
                      title,
                    },
                  )}
                >
                  {t(direction === "up" ? "oneLanguage.agenda.moveUp" : "oneLanguage.agenda.moveDown")}
                </Button>
              </Form>
            ))}
            <Form method="post">
              <input type="hidden" name="intent" value="remove-agenda-item" />
              <input type="hidden" name="agendaItemId" value={item.id} />
              <Button type="submit" size="xs" variant="subtle" color="red">
                {t("meetings.remove")}
              </Button>
            </Form>
          </Group>
        )}
      </Group>
      {/* At its drawn width: scaled up to a wide page its labels would outgrow the text around it. */}
      <Box maw={760}>
        <AgendaChart
          id={`agenda-${item.id}`}
          links={item.links}
          locale={locale}
          title={t("meetings.chartTitle", { title })}
        />
      </Box>
      <FigureTable links={item.links} held={held} asOf={asOf} />
      {held && editable.minutes && (
        <Form method="post">
          <input type="hidden" name="intent" value="save-protocol-item" />
          <input type="hidden" name="agendaItemId" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
          <Divider my="sm" label={t("meetings.protocolEdit")} labelPosition="left" />
          <Text size="xs" c="dimmed" mb={4}>
            {t("meetings.generatedHint")}
          </Text>
          {(["heard", "spoke", "decided"] as const).map((part) => (
            <SimpleGrid key={part} cols={{ base: 1, sm: 2 }} mb="xs">
              <Textarea
                name={`${part}Kk`}
                lang="kk"
                label={t(`meetings.${part}Kk`)}
                defaultValue={item.raw[part].kk ?? ""}
                placeholder={locale === "kk" ? item.protocol[part] : undefined}
                autosize
                minRows={2}
                maxLength={8000}
              />
              <Textarea
                name={`${part}Ru`}
                lang="ru"
                label={t(`meetings.${part}Ru`)}
                defaultValue={item.raw[part].ru ?? ""}
                placeholder={locale === "ru" ? item.protocol[part] : undefined}
                autosize
                minRows={2}
                maxLength={8000}
              />
            </SimpleGrid>
          ))}
          <Button type="submit" variant="light" size="xs">
            {t("meetings.saveProtocol")}
          </Button>
        </Form>
      )}
    </Paper>
  );
}
