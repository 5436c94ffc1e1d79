import { Paper, Text, Title } from "@mantine/core";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import { PublicRoadMapSections } from "~/components/public/public-road-map-page";
import { PublicShell } from "~/components/public/public-shell";
import { RagMark } from "~/components/rag";
import { publicMetaTags } from "~/domain/public/public-meta";
import { publicRoadMapList, publicRoadMapPage } from "~/domain/public/public-page.server";
import { publicRequest } from "~/domain/public/public-request.server";
import { formatDate } from "~/i18n/format";
import { formatExecution } from "~/i18n/figures";
import { useLocale } from "~/i18n/use-locale";
import styles from "~/styles/public-page.css?url";

// A published programme's public page, open to everyone: its one road map's figures, or — when the
// programme has several road maps — each road map's total with a link to its own public page.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => publicMetaTags(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, programme, page, today, meta } = await publicRequest(request, params);
  if (programme.roadMaps.length === 1) {
    const view = await publicRoadMapPage(db, programme, programme.roadMaps[0]!.id, { locale, today, page });
    return { kind: "roadMap" as const, view, meta: meta(view.programme.title, view.roadMap.title, view.asOf) };
  }
  const list = await publicRoadMapList(db, programme, locale, today);
  return { kind: "list" as const, list, meta: meta(list.programme.title, null, list.asOf) };
}

export default function PublicProgrammePage() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "roadMap") return <PublicRoadMapSections view={data.view} />;
  return <RoadMapList list={data.list} />;
}

function RoadMapList({
  list,
}: {
  list: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "list" }>["list"];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <PublicShell programme={list.programme} asOf={list.asOf}>
      {list.programme.description && (
        <Text>
          <Localized value={list.programme.description} />
        </Text>
      )}
      <Paper withBorder p="md" component="section">
        <Title order={2} size="h4" mb="xs">
          {t("publicPage.roadMaps")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("publicPage.roadMapsIntro", { date: formatDate(locale, list.asOf) })}
        </Text>
        <div className="table-scroll">
          <table className="data-table" data-testid="road-map-table">
            <thead>
              <tr>
                <th>{t("publicPage.roadMaps")}</th>
                <th className="num">{t("publicPage.total")}</th>
              </tr>
            </thead>
            <tbody>
              {list.roadMaps.map((roadMap) => (
                <tr key={roadMap.id}>
                  <td>
                    <a href={`/p/${list.programme.id}/${roadMap.id}`}>
                      <Localized value={roadMap.title} />
                    </a>
                    <Text size="xs" c="dimmed">
                      <Localized value={roadMap.territory} />
                    </Text>
                  </td>
                  <td className="num">
                    <b className="tabular" data-testid="road-map-execution">
                      {formatExecution(t, locale, roadMap.execution)}
                    </b>{" "}
                    <RagMark rag={roadMap.rag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Paper>
    </PublicShell>
  );
}
