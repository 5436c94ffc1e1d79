import { AppShell, Burger, Button, Group, Menu, NavLink, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink as RemixNavLink, Outlet, useLoaderData } from "@remix-run/react";
import {
  IconChecklist,
  IconChevronDown,
  IconFileCheck,
  IconDevices,
  IconKey,
  IconLogout,
  IconMap2,
  IconSettings,
  IconTrophy,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { FlashNotice } from "~/components/flash-notice";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Logo } from "~/components/logo";
import { isAdmin } from "~/domain/auth/access";
import { editableDepartmentIds, mayReviewSomewhere } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";
import { showsKpiMenu } from "~/domain/kpi/landing.server";
import { database } from "~/db.server";
import { readableCouncilIds } from "~/domain/meetings/rules";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  return {
    user: {
      displayName: principal.displayName,
      roles: [...new Set(principal.assignments.map((assignment) => assignment.role))],
    },
    // Menu entries by role; each page checks access again on the server.
    menu: {
      myMeasures: editableDepartmentIds(principal).length > 0,
      reviews: mayReviewSomewhere(principal),
      admin: isAdmin(principal),
      kpi: await showsKpiMenu(await database(), principal),
      councils: readableCouncilIds(principal)?.length !== 0,
    },
  };
}

export default function AppLayout() {
  const { user, menu } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = [
    ...(menu.myMeasures ? [{ to: "/my", label: t("nav.myMeasures"), icon: IconChecklist }] : []),
    { to: "/roadmaps", label: t("nav.roadMaps"), icon: IconMap2 },
    ...(menu.reviews ? [{ to: "/reviews", label: t("nav.reviews"), icon: IconFileCheck }] : []),
    ...(menu.councils ? [{ to: "/councils", label: t("meetings.nav"), icon: IconUsersGroup }] : []),
    ...(menu.kpi ? [{ to: "/kpi", label: t("kpi.nav"), icon: IconTrophy }] : []),
    ...(menu.admin ? [{ to: "/admin", label: t("admin.nav.title"), icon: IconSettings }] : []),
  ];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: "lg", collapsed: { mobile: !opened, desktop: true } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header px={{ base: "sm", sm: "lg" }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t("nav.main")} />
            <Logo />
            <Group component="nav" aria-label={t("nav.main")} gap={2} wrap="nowrap" visibleFrom="lg">
              {navigation.map((item) => (
                <Button
                  key={item.to}
                  component={RemixNavLink}
                  to={item.to}
                  variant="subtle"
                  px="sm"
                  leftSection={<item.icon size={18} />}
                >
                  {item.label}
                </Button>
              ))}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
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
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.main")}>
        {navigation.map((item) => (
          <NavLink
            key={item.to}
            component={RemixNavLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} />}
            onClick={close}
          />
        ))}
        <Stack gap={4} mt="auto" pt="md" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.roles.map((role) => t(`roles.${role}`)).join(", ")}
          </Text>
          <Button
            component={RemixNavLink}
            to="/account"
            end
            variant="subtle"
            size="xs"
            leftSection={<IconDevices size={14} />}
            onClick={close}
          >
            {t("sessions.menu")}
          </Button>
          <Button
            component={RemixNavLink}
            to="/account/password"
            variant="subtle"
            size="xs"
            leftSection={<IconKey size={14} />}
            onClick={close}
          >
            {t("account.menu")}
          </Button>
          <Form method="post" action="/logout">
            <Button type="submit" variant="light" size="xs" leftSection={<IconLogout size={14} />}>
              {t("user.signOut")}
            </Button>
          </Form>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <FlashNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
