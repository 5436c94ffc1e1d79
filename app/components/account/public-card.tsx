import { Box, Center, Group, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Logo } from "~/components/logo";

/** The frame of the pages one opens signed out (forgotten password, links from mails), as the sign-in page's. */
export function PublicCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" px="md" py="lg">
      <Group justify="space-between" maw={960} mx="auto" mb="xl">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" p={{ base: "lg", sm: "xl" }} w="100%" maw={460}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" size="sm" mt={4} mb="lg">
              {intro}
            </Text>
          )}
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
