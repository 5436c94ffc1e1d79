import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import type { IntentErrors } from "./intent-errors";

/** Date, as-of date, number, chair and place (kk and ru) of a meeting not yet held. */
export function MeetingDetailsForm({ meeting, errors }: { meeting: MeetingView["meeting"]; errors: IntentErrors }) {
  const { t } = useTranslation();
  const error = (name: string) => errors.error("update-details", name);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("meetings.details")}
      </Title>
      <Form method="post">
        <input type="hidden" name="intent" value="update-details" />
        <input type="hidden" name="version" value={meeting.version} />
        <Stack gap="sm">
          {errors.formError("update-details")}
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              name="meetingDate"
              type="date"
              label={t("meetings.date")}
              required
              defaultValue={meeting.date}
              error={error("meetingDate")}
            />
            <TextInput
              name="asOf"
              type="date"
              label={t("meetings.asOf")}
              required
              defaultValue={meeting.asOf}
              error={error("asOf")}
            />
            <TextInput
              name="number"
              label={t("meetings.number")}
              defaultValue={meeting.number ?? ""}
              maxLength={40}
              error={error("number")}
            />
            <TextInput
              name="chairName"
              label={t("meetings.chair")}
              defaultValue={meeting.chairName ?? ""}
              maxLength={200}
              error={error("chairName")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="placeKk"
              lang="kk"
              label={t("meetings.placeKk")}
              defaultValue={meeting.placeRaw.kk ?? ""}
              maxLength={300}
            />
            <TextInput
              name="placeRu"
              lang="ru"
              label={t("meetings.placeRu")}
              defaultValue={meeting.placeRaw.ru ?? ""}
              maxLength={300}
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Checkbox
              name="includeCurrentQuarter"
              label={t("meetings.includeCurrentQuarter")}
              defaultChecked={meeting.includeCurrentQuarter}
            />
            <Button type="submit" variant="light">
              {t("meetings.saveDetails")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
