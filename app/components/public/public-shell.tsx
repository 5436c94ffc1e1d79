import { Anchor, Container, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Localized } from "~/components/localized";
import { formatDate } from "~/i18n/format";
import type { PageText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

/**
 * The frame of a public page: the programme, the as-of date, the language switch (a plain form, so it
 * works signed out and without scripts) and the only way into the app — «sign in». Nothing here links
 * into the signed-in pages.
 */
export function PublicShell({
  programme,
  asOf,
  children,
}: {
  programme: { title: PageText | null; owner: PageText | null; years: string };
  asOf: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Container size={1200} px={{ base: "sm", sm: "md" }} py="md" className="public-page">
      <Stack gap="lg">
        <header>
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Group gap="xs" wrap="nowrap">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700}>{t("app.name")}</Text>
              <Text size="sm" c="dimmed">
                · {t("publicPage.kind")}
              </Text>
            </Group>
            <Group gap="sm" className="no-print">
              <LanguageSwitcher />
              <Anchor href="/login" size="sm" data-testid="sign-in">
                {t("publicPage.signIn")}
              </Anchor>
            </Group>
          </Group>
          <Title order={1} size="h2" mt="sm">
            <Localized value={programme.title} />
          </Title>
          <Text c="dimmed" size="sm">
            {programme.owner && (
              <>
                <Localized value={programme.owner} />
                {" · "}
              </>
            )}
            {programme.years}
          </Text>
          <Text fw={600} mt={4} data-testid="as-of">
            {t("publicPage.asOf", { date: formatDate(locale, asOf) })}
          </Text>
        </header>
        <main>
          <Stack gap="lg">{children}</Stack>
        </main>
        <footer>
          <Text size="xs" c="dimmed">
            {t("publicPage.asOfNote", { date: formatDate(locale, asOf) })} {t("publicPage.footer")}
          </Text>
        </footer>
      </Stack>
    </Container>
  );
}
