import { Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { Form, NavLink as RemixNavLink } from "@remix-run/react";
import { IconChevronDown, IconDevices, IconKey, IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SignedInUser } from "./navigation";

/** The signed-in user's name and roles, opening their account pages and sign-out (from a tablet's width up). */
export function UserMenu({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("user.menu")} visibleFrom="sm">
          <Group gap={6} wrap="nowrap">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} lh={1.2} style={{ whiteSpace: "nowrap" }}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user.roles.map((role) => t(`roles.${role}`)).join(", ")}
              </Text>
            </Stack>
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={RemixNavLink} to="/account" end leftSection={<IconDevices size={16} />}>
          {t("sessions.menu")}
        </Menu.Item>
        <Menu.Item component={RemixNavLink} to="/account/password" leftSection={<IconKey size={16} />}>
          {t("account.menu")}
        </Menu.Item>
        <Form method="post" action="/logout">
          <Menu.Item component="button" type="submit" leftSection={<IconLogout size={16} />}>
            {t("user.signOut")}
          </Menu.Item>
        </Form>
      </Menu.Dropdown>
    </Menu>
  );
}
