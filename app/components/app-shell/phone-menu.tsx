import { Box, Button, NavLink, Stack, Text, VisuallyHidden } from "@mantine/core";
import { Form, NavLink as RemixNavLink, useLocation } from "@remix-run/react";
import { IconDevices, IconKey, IconLogout, IconMenu2, IconX } from "@tabler/icons-react";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/language-switcher";
import type { NavigationItem, SignedInUser } from "./navigation";

/**
 * The menu below the desktop width: a `<details>` element, so that it opens and its links work before
 * any script has loaded (or with none at all). With scripts it also closes on a chosen link, on Escape
 * and on a click outside it.
 */
export function PhoneMenu({ items, user }: { items: NavigationItem[]; user: SignedInUser }) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [location]);

  useEffect(() => {
    const closeOutside = (event: MouseEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener("click", closeOutside);
    return () => document.removeEventListener("click", closeOutside);
  }, []);

  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector("summary")?.focus();
  };

  return (
    <Box component="details" ref={details} className="phone-menu" hiddenFrom="lg" onKeyDown={closeOnEscape}>
      <summary className="phone-menu-button">
        <IconMenu2 size={22} className="phone-menu-open" aria-hidden />
        <IconX size={22} className="phone-menu-close" aria-hidden />
        <VisuallyHidden>{t("nav.main")}</VisuallyHidden>
      </summary>
      <div className="phone-menu-panel">
        <nav aria-label={t("nav.main")}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RemixNavLink}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} />}
            />
          ))}
        </nav>
        <Stack gap={6} mt="md" pt="md" className="phone-menu-account">
          <Box hiddenFrom="sm">
            <LanguageSwitcher />
          </Box>
          <div>
            <Text size="sm" fw={600}>
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {user.roles.map((role) => t(`roles.${role}`)).join(", ")}
            </Text>
          </div>
          <NavLink
            component={RemixNavLink}
            to="/account"
            end
            label={t("sessions.menu")}
            leftSection={<IconDevices size={16} />}
          />
          <NavLink
            component={RemixNavLink}
            to="/account/password"
            label={t("account.menu")}
            leftSection={<IconKey size={16} />}
          />
          <Form method="post" action="/logout">
            <Button type="submit" variant="light" size="xs" leftSection={<IconLogout size={14} />}>
              {t("user.signOut")}
            </Button>
          </Form>
        </Stack>
      </div>
    </Box>
  );
}
