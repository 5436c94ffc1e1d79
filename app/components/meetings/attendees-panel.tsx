import { Button, Divider, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { MeetingView } from "~/domain/meetings/meeting-view.server";
import type { IntentErrors } from "./intent-errors";

/** Who attended, each with their post in the reader's language; invited guests can be added and removed. */
export function AttendeesPanel({
  attendees,
  editable,
  errors,
}: {
  attendees: MeetingView["attendees"];
  editable: boolean;
  errors: IntentErrors;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("meetings.attendees")}
      </Title>
      <Stack gap={4}>
        {attendees.map((a) => (
          <Group key={a.id} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">
              <b>{a.name}</b>
              {a.position && (
                <>
                  {", "}
                  <Localized value={a.position} />
                </>
              )}{" "}
              <Text component="span" size="xs" c="dimmed">
                ({t(`meetings.${a.kind}`)})
              </Text>
            </Text>
            {editable && (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-attendee" />
                <input type="hidden" name="attendeeId" value={a.id} />
                <Button
                  type="submit"
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`${t("meetings.remove")}: ${a.name}`}
                >
                  {t("meetings.remove")}
                </Button>
              </Form>
            )}
          </Group>
        ))}
      </Stack>
      {editable && (
        <Form method="post" key={`attendees-${attendees.length}`}>
          <input type="hidden" name="intent" value="add-attendee" />
          <Divider my="sm" />
          {errors.formError("add-attendee")}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              name="fullName"
              label={t("meetings.fullName")}
              required
              maxLength={200}
              error={errors.error("add-attendee", "fullName")}
            />
            <TextInput name="positionKk" lang="kk" label={t("meetings.positionKk")} maxLength={300} />
            <TextInput name="positionRu" lang="ru" label={t("meetings.positionRu")} maxLength={300} />
          </SimpleGrid>
          <Button type="submit" variant="light" mt="xs">
            {t("meetings.addAttendee")}
          </Button>
        </Form>
      )}
    </Paper>
  );
}
