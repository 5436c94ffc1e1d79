import { Button, Group, Stack, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLocation } from "@remix-run/react";
import { IconBuilding, IconKey, IconMap2, IconSitemap, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { requireAdminRequest } from "~/domain/admin/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminRequest(request);
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = [
    {
      to: "/admin/programmes",
      label: t("admin.nav.programmes"),
      icon: IconMap2,
      also: ["/admin/roadmaps", "/admin/measures"],
    },
    { to: "/admin/departments", label: t("admin.nav.departments"), icon: IconBuilding },
    { to: "/admin/territories", label: t("admin.nav.territories"), icon: IconSitemap },
    { to: "/admin/users", label: t("admin.nav.users"), icon: IconUsers },
    { to: "/admin/api-tokens", label: t("apiTokens.nav"), icon: IconKey },
  ];
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h3">
          <NavLink to="/admin" end style={{ color: "inherit", textDecoration: "none" }}>
            {t("admin.nav.title")}
          </NavLink>
        </Title>
      </Group>
      <Group component="nav" aria-label={t("admin.nav.title")} gap={6}>
        {sections.map((section) => (
          <Button
            key={section.to}
            component={NavLink}
            to={section.to}
            variant={[section.to, ...(section.also ?? [])].some((to) => pathname.startsWith(to)) ? "filled" : "light"}
            size="compact-md"
            leftSection={<section.icon size={16} />}
          >
            {section.label}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
