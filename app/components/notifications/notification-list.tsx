import { Badge, Group, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface NotificationItem {
  id: number;
  title: string;
  body: string | null;
  when: string;
  read: boolean;
}

/**
 * The user's notifications, newest first. Each opens what it is about through a small form that marks
 * it read on the way (a post, so it works without JavaScript and a link preview cannot mark it).
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.id}>
          <Paper
            withBorder
            p="sm"
            data-testid="notification"
            data-read={item.read ? "true" : "false"}
            bg={item.read ? undefined : "var(--mantine-color-blue-light)"}
          >
            <Form method="post">
              <input type="hidden" name="intent" value="open" />
              <input type="hidden" name="id" value={item.id} />
              <UnstyledButton type="submit" w="100%" style={{ textAlign: "start" }}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Text fw={item.read ? 400 : 600} c="blue.8" td="underline" style={{ overflowWrap: "anywhere" }}>
                    {item.title}
                  </Text>
                  {!item.read && (
                    <Badge size="sm" color="blue" style={{ flexShrink: 0 }}>
                      {t("notifications.unread")}
                    </Badge>
                  )}
                </Group>
                {item.body && (
                  <Text size="sm" mt={4} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
                    {item.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {item.when}
                </Text>
              </UnstyledButton>
            </Form>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
