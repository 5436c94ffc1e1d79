import { Anchor, Badge, Group, Paper, Stack, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SEARCH_KINDS, type ShownHit } from "~/domain/search/search-kinds";
import { HitLine } from "./hit-line";

/** The results page: hits grouped by kind, in the order the header lists them. */
export function SearchResults({ hits }: { hits: ShownHit[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="search-results">
      {SEARCH_KINDS.map((kind) => {
        const ofKind = hits.filter((hit) => hit.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <Paper key={kind} withBorder p="md">
            <Group gap="xs" mb="xs">
              <Title order={2} size="h4">
                {t(`search.kinds.${kind}`)}
              </Title>
              <Badge variant="light" color="gray">
                {ofKind.length}
              </Badge>
            </Group>
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {ofKind.map((hit) => (
                <li key={hit.key}>
                  <Anchor component={Link} to={hit.href} underline="hover" c="inherit">
                    <HitLine hit={hit} />
                  </Anchor>
                </li>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
