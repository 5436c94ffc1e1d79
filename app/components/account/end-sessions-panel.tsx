import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Form, useSearchParams } from "@remix-run/react";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** On an administrator's user page: how many sessions the user has open, and a button that ends them all. */
export function EndSessionsPanel({ openSessions }: { openSessions: number }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const ended = searchParams.get("ended");
  return (
    <Paper withBorder p="md" data-testid="user-sessions">
      <Title order={3} size="h4" mb="sm">
        {t("sessions.admin.title")}
      </Title>
      <Stack gap="sm">
        {ended !== null && /^\d+$/.test(ended) && (
          <Alert color="green" icon={<IconCheck />} role="status">
            {t("sessions.admin.ended", { n: Number(ended) })}
          </Alert>
        )}
        <Text size="sm">{t("sessions.admin.open", { n: openSessions })}</Text>
        <Text size="sm" c="dimmed">
          {t("sessions.admin.hint")}
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="end-sessions" />
          <Group>
            <Button type="submit" variant="light" color="red" disabled={openSessions === 0}>
              {t("sessions.admin.end")}
            </Button>
          </Group>
        </Form>
      </Stack>
    </Paper>
  );
}
