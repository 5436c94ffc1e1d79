import { Anchor, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Localized } from "~/components/localized";
import type { PublicRoadMapPage } from "~/domain/public/public-page.server";
import { PublicShell } from "./public-shell";
import { PublicBreakdowns, PublicMeasures, PublicTotal } from "./public-road-map";

/** A road map's public page: its heading, then the blocks its programme's admin chose. */
export function PublicRoadMapSections({ view }: { view: PublicRoadMapPage }) {
  const { t } = useTranslation();
  const base = view.severalRoadMaps ? `/p/${view.programme.id}/${view.roadMap.id}` : `/p/${view.programme.id}`;
  return (
    <PublicShell programme={view.programme} asOf={view.asOf}>
      <div>
        {view.severalRoadMaps && (
          <Anchor href={`/p/${view.programme.id}`} size="sm" className="no-print">
            ← {t("publicPage.allRoadMaps")}
          </Anchor>
        )}
        <Title order={2} size="h3">
          <Localized value={view.roadMap.title} />
        </Title>
        <Text size="sm" c="dimmed">
          <Localized value={view.roadMap.territory} />
        </Text>
      </div>
      <PublicTotal view={view} />
      <PublicBreakdowns view={view} />
      <PublicMeasures view={view} pageHref={(page) => (page > 1 ? `${base}?page=${page}` : base)} />
    </PublicShell>
  );
}
