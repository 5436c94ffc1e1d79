import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgrammeForm } from "~/components/admin/programme-form";
import { ProgrammeStatusBadge } from "~/components/admin/programme-status-badge";
import { Localized } from "~/components/localized";
import { programmeSchema } from "~/domain/admin/admin-schema";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { listProgrammes, saveProgramme } from "~/domain/admin/programmes.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { pickText } from "~/i18n/locales";
import { yearRange } from "~/i18n/range";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const programmes = await listProgrammes(db);
  return {
    pageTitle: translator(locale)("admin.nav.programmes"),
    programmes: programmes.map((p) => ({
      id: p.id,
      title: pickText(p.title, locale),
      owner: pickText(p.owner, locale),
      years: yearRange(p.start_year, p.end_year),
      status: p.status,
      roadMapCount: Number(p.road_map_count ?? 0),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const submission = parseWithZod(await request.formData(), { schema: programmeSchema });
  if (submission.status !== "success") return invalid(submission);
  if (submission.value.programmeId) throw new Response("Bad request", { status: 400 });
  return attemptWrite(submission, () => saveProgramme(db, principal, submission.value, todayIn(env().APP_TIME_ZONE)), {
    flash: { key: "adminSaved" },
    redirectTo: (id) => `/admin/programmes/${id}`,
  });
}

export default function ProgrammesPage() {
  const { programmes } = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.nav.programmes")}
        </Title>
        {programmes.length === 0 ? (
          <Text c="dimmed">{t("admin.programme.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("admin.programme.title")}</Table.Th>
                  <Table.Th>{t("admin.programme.years")}</Table.Th>
                  <Table.Th>{t("admin.programme.status")}</Table.Th>
                  <Table.Th ta="right">{t("admin.home.roadMaps")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programmes.map((programme) => (
                  <Table.Tr key={programme.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/programmes/${programme.id}`} fw={600}>
                        <Localized value={programme.title} />
                      </Anchor>
                      {programme.owner && (
                        <Text size="xs" c="dimmed">
                          <Localized value={programme.owner} />
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="tabular" style={{ whiteSpace: "nowrap" }}>
                      {programme.years}
                    </Table.Td>
                    <Table.Td>
                      <ProgrammeStatusBadge status={programme.status} />
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {programme.roadMapCount}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.programme.new")}
        </Title>
        <ProgrammeForm defaults={{}} lastResult={reply?.result} />
      </Paper>
    </Stack>
  );
}
