import { Alert, Stack, Title } from "@mantine/core";
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requirePrincipal } from "~/domain/auth/session.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { mayViewKpi } from "~/domain/kpi/access";
import { kpiLanding } from "~/domain/kpi/landing.server";
import { database } from "~/db.server";

export const meta: MetaFunction = () => [{ title: "KPI · Oryndau" }];

/** /kpi: the user's own figures — their neighbours' ranking, the ranking below them, or their scorecard. */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (!mayViewKpi(principal)) throw forbidden();
  const landing = await kpiLanding(await database(), principal);
  if (landing) return redirect(landing);
  return null;
}

/** Reached only by typing the address: the menu hides KPI when the user's territory has none. */
export default function KpiNothing() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        KPI
      </Title>
      <Alert color="gray">{t("kpiLanding.nothing")}</Alert>
    </Stack>
  );
}
