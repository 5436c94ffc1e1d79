import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconDeviceDesktop } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export interface SessionRow {
  id: number;
  device: string | null;
  opened: string;
  lastSeen: string;
  current: boolean;
}

/** One's open sessions, newest use first, each with a button that ends it. */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="session-list">
      {sessions.map((session) => (
        <Paper key={session.id} withBorder p="md" data-testid="session">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={6} style={{ flex: "1 1 16rem" }}>
              <Group gap="xs" wrap="nowrap">
                <IconDeviceDesktop size={18} aria-hidden />
                <Text fw={600}>{session.device ?? t("sessions.unknownDevice")}</Text>
                {session.current && (
                  <Badge color="dark.6" variant="outline">
                    {t("sessions.thisDevice")}
                  </Badge>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={2}>
                <Text size="sm" c="dimmed">
                  {t("sessions.opened")}: {session.opened}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("sessions.lastSeen")}: {session.lastSeen}
                </Text>
              </SimpleGrid>
            </Stack>
            <Form method="post">
              <input type="hidden" name="intent" value="end-session" />
              <input type="hidden" name="sessionId" value={session.id} />
              <Button type="submit" variant="light" color="red" size="sm">
                {t("sessions.end")}
              </Button>
            </Form>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
