import { Group, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Logo() {
  const { t } = useTranslation();
  return (
    <Group
      renderRoot={(props) => <Link to="/" {...props} />}
      gap="xs"
      wrap="nowrap"
      style={{ textDecoration: "none", color: "inherit" }}
    >
      <img src="/favicon.svg" alt="" width={32} height={32} />
      <div>
        <Text fw={700} size="lg" lh={1.1}>
          {t("app.name")}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xl" className="logo-tagline">
          {t("app.tagline")}
        </Text>
      </div>
    </Group>
  );
}
