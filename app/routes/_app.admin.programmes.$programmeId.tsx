import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgrammeForm } from "~/components/admin/programme-form";
import { ProgrammeStatusBadge } from "~/components/admin/programme-status-badge";
import { StatusForm } from "~/components/admin/programme-status-form";
import { RoadMapForm } from "~/components/admin/road-map-form";
import { ConflictAlert } from "~/components/conflict-alert";
import { Localized } from "~/components/localized";
import { PublicationForm } from "~/components/public/publication-form";
import { programmeSchema, programmeStatusSchema, roadMapSchema } from "~/domain/admin/admin-schema";
import { listTerritories } from "~/domain/admin/directory.server";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { allowedTransitions } from "~/domain/admin/programme-status";
import { changeProgrammeStatus, programmeDetail, saveProgramme, saveRoadMap } from "~/domain/admin/programmes.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { publicationSchema } from "~/domain/public/publication-schema";
import { publicationOf, savePublication } from "~/domain/public/publication.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.programme.shownTitle?.text ?? ""} · Oryndau` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const { programme, statusChanges, roadMaps } = await programmeDetail(db, idParam(params, "programmeId"));
  const [territories, publication] = await Promise.all([listTerritories(db), publicationOf(db, programme.id)]);
  return {
    publication,
    today: todayIn(env().APP_TIME_ZONE),
    timeZone: env().APP_TIME_ZONE,
    programme: {
      id: programme.id,
      version: programme.version,
      title: programme.title,
      owner: programme.owner,
      description: programme.description,
      shownTitle: pickText(programme.title, locale),
      startYear: programme.start_year,
      endYear: programme.end_year,
      ragGreen: programme.rag_green,
      ragAmber: programme.rag_amber,
      status: programme.status,
    },
    transitions: allowedTransitions(programme.status),
    statusChanges: statusChanges.map((change) => ({
      id: change.id,
      from: change.from_status,
      to: change.to_status,
      on: change.changed_on,
      by: change.display_name,
      note: pickText(change.note, locale),
    })),
    roadMaps: roadMaps.map((roadMap) => ({
      id: roadMap.id,
      title: pickText(roadMap.title, locale),
      territory: pickText(roadMap.territory_name, locale),
      approvedOn: roadMap.approved_on,
      measureCount: Number(roadMap.measure_count ?? 0),
    })),
    territories: territories.map((territory) => ({
      value: String(territory.id),
      label: `${"— ".repeat(territory.depth)}${pickText(territory.name, locale)?.text ?? ""}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const programmeId = idParam(params, "programmeId");
  const formData = await request.formData();
  const back = `/admin/programmes/${programmeId}`;
  switch (formData.get("intent")) {
    case "save-programme": {
      const submission = parseWithZod(formData, { schema: programmeSchema });
      if (submission.status !== "success") return invalid(submission);
      const input = { ...submission.value, programmeId };
      return attemptWrite(submission, () => saveProgramme(db, principal, input, todayIn(env().APP_TIME_ZONE)), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "change-status": {
      const submission = parseWithZod(formData, { schema: programmeStatusSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => changeProgrammeStatus(db, principal, programmeId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "save-road-map": {
      const submission = parseWithZod(formData, { schema: roadMapSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => saveRoadMap(db, principal, programmeId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: (id) => `/admin/roadmaps/${id}`,
      });
    }
    case "save-publication": {
      const submission = parseWithZod(formData, { schema: publicationSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => savePublication(db, principal, programmeId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function ProgrammePage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const repliedTo = reply?.result.initialValue?.intent;
  const resultFor = (intent: string) => (repliedTo === intent ? reply?.result : undefined);
  const { programme } = data;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/admin/programmes" size="sm">
          ← {t("admin.nav.programmes")}
        </Anchor>
        <Group gap="sm" mt={4} align="center">
          <Title order={2} size="h3">
            <Localized value={programme.shownTitle} />
          </Title>
          <ProgrammeStatusBadge status={programme.status} />
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("admin.programme.workflow")}
          </Title>
          {repliedTo === "change-status" && reply?.conflict && (
            <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
          )}
          {data.transitions.length > 0 ? (
            <StatusForm
              key={programme.version}
              version={programme.version}
              today={data.today}
              transitions={[...data.transitions]}
              lastResult={resultFor("change-status")}
            />
          ) : (
            <Text c="dimmed" size="sm">
              {t("admin.programme.finalStatus")}
            </Text>
          )}
          <Timeline bulletSize={12} lineWidth={2} mt="md" data-testid="status-history">
            {data.statusChanges.map((change) => (
              <Timeline.Item
                key={change.id}
                title={
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t(`admin.status.${change.to}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(locale, change.on)}
                    </Text>
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {change.from
                    ? t("admin.programme.movedBy", { who: change.by ?? t("editing.system") })
                    : t("admin.programme.createdBy", { who: change.by ?? t("editing.system") })}
                </Text>
                {change.note && (
                  <Text size="sm">
                    <Localized value={change.note} />
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("admin.home.roadMaps")}
          </Title>
          {data.roadMaps.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("admin.roadMap.none")}
            </Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {data.roadMaps.map((roadMap) => (
                  <Table.Tr key={roadMap.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/roadmaps/${roadMap.id}`} fw={600}>
                        <Localized value={roadMap.title} />
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        <Localized value={roadMap.territory} />
                        {roadMap.approvedOn &&
                          ` · ${t("admin.roadMap.approvedOnShort", { date: formatDate(locale, roadMap.approvedOn) })}`}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular" style={{ whiteSpace: "nowrap" }}>
                      {t("oneLanguage.counts.measures", { count: roadMap.measureCount })}
                      {roadMap.measureCount === 0 && (
                        <>
                          {" · "}
                          <Anchor component={Link} to={`/admin/roadmaps/${roadMap.id}/import`} size="sm">
                            {t("roadMapImport.open")}
                          </Anchor>
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={4} size="h5" mt="md" mb="xs">
            {t("admin.roadMap.new")}
          </Title>
          <RoadMapForm territories={data.territories} defaults={{}} lastResult={resultFor("save-road-map")} stacked />
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" data-testid="publication">
        <Title order={3} size="h4" mb="sm">
          {t("publicPage.admin.heading")}
        </Title>
        {repliedTo === "save-publication" && reply?.conflict && (
          <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
        )}
        <PublicationForm
          key={programme.version}
          programmeId={programme.id}
          version={programme.version}
          publication={data.publication}
          lastResult={resultFor("save-publication")}
        />
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("admin.programme.edit")}
        </Title>
        {repliedTo === "save-programme" && reply?.conflict && (
          <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
        )}
        <ProgrammeForm key={programme.version} defaults={programme} lastResult={resultFor("save-programme")} />
      </Paper>
    </Stack>
  );
}
