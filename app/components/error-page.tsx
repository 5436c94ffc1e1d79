import { Anchor, Container, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function ErrorPage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl" role="alert">
        <Title order={1} size="h3" mb="sm">
          {t("errors.title")}
        </Title>
        <Text mb="md">{message}</Text>
        <Anchor href="/">{t("errors.backHome")}</Anchor>
      </Paper>
    </Container>
  );
}
