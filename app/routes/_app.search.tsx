import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SearchResults } from "~/components/search/search-results";
import { requirePrincipal } from "~/domain/auth/session.server";
import { searchView } from "~/domain/search/search-view.server";
import { QUERY_MAX } from "~/domain/search/search-terms";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";

const query = z
  .string()
  .max(QUERY_MAX * 4)
  .catch("");

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const locale = await localeOf(request);
  const q = query.parse(new URL(request.url).searchParams.get("q") ?? "");
  const view = await searchView(await database(), principal, q, locale);
  return { pageTitle: translator(locale)("search.title"), ...view };
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Title order={1} style={{ overflowWrap: "anywhere" }}>
        {data.query ? t("search.resultsFor", { query: data.query }) : t("search.title")}
      </Title>
      <Form method="get" action="/search" role="search">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            name="q"
            type="search"
            label={t("search.label")}
            description={t("search.hint")}
            defaultValue={data.query}
            maxLength={QUERY_MAX}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{t("search.submit")}</Button>
        </Group>
      </Form>
      {data.query && !data.searched && <Text>{t("search.tooShort")}</Text>}
      {data.searched && data.hits.length === 0 && <Text>{t("search.nothing")}</Text>}
      <SearchResults hits={data.hits} />
    </Stack>
  );
}
