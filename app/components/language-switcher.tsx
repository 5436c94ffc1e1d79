import { Button, Group } from "@mantine/core";
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "~/i18n/locales";

const SHORT: Record<Locale, string> = { kk: "ҚАЗ", ru: "РУС", en: "ENG" };

/** A plain form, so the language can be changed before any script has loaded. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <Group gap={4} wrap="nowrap">
        {LOCALES.map((locale) => {
          const active = i18n.language === locale;
          return (
            <Button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              size="compact-sm"
              variant={active ? "filled" : "subtle"}
              aria-pressed={active}
              aria-label={t(`language.${locale}`)}
              title={t(`language.${locale}`)}
              lang={locale}
            >
              {SHORT[locale]}
            </Button>
          );
        })}
      </Group>
    </Form>
  );
}
