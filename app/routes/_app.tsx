import { AppShell, Box, Button, Group } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink as RemixNavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { navigationItems, type MenuAccess } from "~/components/app-shell/navigation";
import { PhoneMenu } from "~/components/app-shell/phone-menu";
import { UserMenu } from "~/components/app-shell/user-menu";
import { FlashNotice } from "~/components/flash-notice";
import { NotificationBell } from "~/components/notifications/bell";
import { LanguageSwitcher } from "~/components/language-switcher";
import { HeaderSearch } from "~/components/search/header-search";
import { Logo } from "~/components/logo";
import { isAdmin } from "~/domain/auth/access";
import { editableDepartmentIds, mayReviewSomewhere } from "~/domain/auth/permissions.server";
import { requireUserSession } from "~/domain/auth/session.server";
import { showsKpiMenu } from "~/domain/kpi/landing.server";
import { database } from "~/db.server";
import { readableCouncilIds } from "~/domain/meetings/rules";

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal, notifications } = await requireUserSession(request);
  const db = await database();
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
      kpi: await showsKpiMenu(db, principal),
      councils: readableCouncilIds(principal)?.length !== 0,
    } satisfies MenuAccess,
    unreadNotifications: notifications.unread,
  };
}

export default function AppLayout() {
  const { user, menu, unreadNotifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = navigationItems(menu, t);

  return (
    <AppShell header={{ height: 64 }} padding={{ base: "sm", sm: "lg" }}>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header px={{ base: "sm", sm: "lg" }} className="app-header">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <PhoneMenu items={navigation} user={user} />
            <Logo />
            {/* Where the labels would run into the search and language controls, the entries show their icons alone (app.css). */}
            <Group
              component="nav"
              aria-label={t("nav.main")}
              gap={2}
              wrap="nowrap"
              visibleFrom="lg"
              ml="sm"
              className="app-nav"
              data-long={navigation.length > 5 || undefined}
            >
              {navigation.map((item) => (
                <Button
                  key={item.to}
                  component={RemixNavLink}
                  to={item.to}
                  variant="subtle"
                  px="sm"
                  leftSection={<item.icon size={18} />}
                  aria-label={item.label}
                  title={item.label}
                >
                  <span className="app-nav-label">{item.label}</span>
                </Button>
              ))}
            </Group>
          </Group>
          {/* The header's search box goes first in this group; it takes the room left at every width. */}
          <Group gap="sm" wrap="nowrap" justify="flex-end" className="app-header-end">
            <HeaderSearch />
            <NotificationBell unread={unreadNotifications} />
            <Box visibleFrom="sm">
              <LanguageSwitcher />
            </Box>
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">
        <FlashNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
