import { Badge, Button, Code, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import type { tokenPage } from "~/domain/api/token-page.server";
import type { WriteReply } from "~/domain/editing/action.server";

export type TokenPage = Awaited<ReturnType<typeof tokenPage>>;

const STATE_COLOR = { active: "teal", expired: "gray", revoked: "red" } as const;

/** Every token with its scope, expiry, last use and state; an active one can be revoked. */
export function TokenList({ page, reply }: { page: TokenPage; reply: WriteReply | undefined }) {
  const { t } = useTranslation();
  const revokeFailed = reply?.result.initialValue?.intent === "revoke-token" && !reply.saved && !reply.conflict;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("apiTokens.title")}
        </Title>
        <Text size="sm">{t("apiTokens.intro")}</Text>
        <Text size="sm">
          {t("apiTokens.openapi")}: <Code translate="no">/api/v1/openapi.json</Code>
        </Text>
        {revokeFailed && <FormErrors errors={reply?.result.error?.[""] ?? undefined} />}
        {page.tokens.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("apiTokens.empty")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped data-testid="token-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("apiTokens.name")}</Table.Th>
                  <Table.Th>{t("apiTokens.scope")}</Table.Th>
                  <Table.Th>{t("apiTokens.expires")}</Table.Th>
                  <Table.Th>{t("apiTokens.lastUsed")}</Table.Th>
                  <Table.Th>{t("apiTokens.state")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.tokens.map((token) => (
                  <Table.Tr key={token.id} data-testid="token-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {token.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" translate="no">
                        {token.prefix}…
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("apiTokens.createdBy")}: {token.createdBy}, {token.created}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t(`roles.${token.role}`)}
                        {" · "}
                        {token.scope ? <Localized value={token.scope} /> : t("admin.user.everything")}
                        {token.councilPosition && ` · ${t(`admin.user.positions.${token.councilPosition}`)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.expires}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.lastUsed ?? t("apiTokens.never")}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[token.state]} variant="light" style={{ textTransform: "none" }}>
                        {t(`apiTokens.states.${token.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {token.state === "active" && (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke-token" />
                          <input type="hidden" name="tokenId" value={token.id} />
                          <input type="hidden" name="version" value={token.version} />
                          <Button
                            type="submit"
                            size="compact-sm"
                            variant="light"
                            color="red"
                            aria-label={t("apiTokens.revokeLabel", { name: token.name })}
                          >
                            {t("apiTokens.revoke")}
                          </Button>
                        </Form>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
