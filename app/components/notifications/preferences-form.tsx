import { Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/field-error";
import type { NotificationKind } from "~/domain/notifications/kinds";

/** A checkbox per kind of notification: ticked = also by e-mail. In-app notifications always come. */
export function PreferencesForm({
  preferences,
  email,
  errors,
}: {
  preferences: Array<{ kind: NotificationKind; email: boolean }>;
  email: string | null;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }}>
      <Form method="post">
        <input type="hidden" name="intent" value="save-preferences" />
        <Stack gap="sm">
          <Text size="sm">{t("notifications.settingsHint")}</Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }} data-testid="mail-address">
            {email ? t("notifications.emailTo", { email }) : t("notifications.noEmail")}
          </Text>
          <FormErrors id="preferences-errors" errors={errors} />
          <Stack component="fieldset" gap="xs" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm" mb="xs">
              {t("notifications.byEmail")}
            </Text>
            {preferences.map((preference) => (
              <Checkbox
                key={preference.kind}
                name="email"
                value={preference.kind}
                defaultChecked={preference.email}
                label={t(`notifications.kindNames.${preference.kind}`)}
              />
            ))}
          </Stack>
          <Group>
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("notifications.save")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
