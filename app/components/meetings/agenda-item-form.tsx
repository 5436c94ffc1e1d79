import { Button, Checkbox, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/field-error";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import type { IntentErrors } from "./intent-errors";

/** A new agenda item: its title and the speaker's post in kk and ru, and what it reviews. */
export function AgendaItemForm({
  options,
  count,
  errors,
}: {
  options: NonNullable<MeetingView["options"]>;
  count: number;
  errors: IntentErrors;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t("meetings.addAgendaItem")}
      </Title>
      <Form method="post" key={`agenda-${count}`}>
        <input type="hidden" name="intent" value="add-agenda-item" />
        <Stack gap="sm">
          {errors.formError("add-agenda-item")}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="titleKk"
              lang="kk"
              label={t("meetings.titleKk")}
              maxLength={500}
              error={errors.error("add-agenda-item", "titleKk")}
            />
            <TextInput name="titleRu" lang="ru" label={t("meetings.titleRu")} maxLength={500} />
          </SimpleGrid>
          <TextInput name="speakerName" label={t("meetings.speaker")} maxLength={200} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput name="speakerPositionKk" lang="kk" label={t("meetings.speakerPositionKk")} maxLength={300} />
            <TextInput name="speakerPositionRu" lang="ru" label={t("meetings.speakerPositionRu")} maxLength={300} />
          </SimpleGrid>
          <div role="group" aria-labelledby="links-label">
            <Text id="links-label" size="sm" fw={500}>
              {t("meetings.links")}
            </Text>
            <ScrollArea.Autosize mah={260} type="auto">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
                {options.sections.map((o) => (
                  <Checkbox
                    key={o.value}
                    name="links"
                    value={o.value}
                    label={`${t("meetings.linkSection")} ${o.label}`}
                  />
                ))}
                {options.measures.map((o) => (
                  <Checkbox
                    key={o.value}
                    name="links"
                    value={o.value}
                    label={`${t("meetings.linkMeasure")} ${o.label}`}
                  />
                ))}
                {options.indicators.map((o) => (
                  <Checkbox
                    key={o.value}
                    name="links"
                    value={o.value}
                    label={`${t("meetings.linkIndicator")} ${o.label}`}
                  />
                ))}
              </SimpleGrid>
            </ScrollArea.Autosize>
            <FormErrors errors={errors.fieldErrors("add-agenda-item", "links")} />
          </div>
          <Group>
            <Button type="submit">{t("meetings.addAgendaItem")}</Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
