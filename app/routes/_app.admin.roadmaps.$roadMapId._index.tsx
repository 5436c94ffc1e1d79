import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconFileSpreadsheet, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { RoadMapForm } from "~/components/admin/road-map-form";
import { SectionBlock, SectionForm } from "~/components/admin/road-map-sections";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { deleteSectionSchema, moveSectionSchema, roadMapSchema, sectionSchema } from "~/domain/admin/admin-schema";
import { listTerritories } from "~/domain/admin/directory.server";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { saveRoadMap } from "~/domain/admin/programmes.server";
import { deleteSection, moveSection, roadMapStructure, saveSection } from "~/domain/admin/structure.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { env } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.roadMap.shownTitle?.text ?? ""} · Oryndau` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const { roadMap, sections } = await roadMapStructure(db, idParam(params, "roadMapId"));
  const editSection = Number(new URL(request.url).searchParams.get("section"));
  const territories = await listTerritories(db);
  return {
    timeZone: env().APP_TIME_ZONE,
    roadMap: {
      id: roadMap.id,
      version: roadMap.version,
      title: roadMap.title,
      shownTitle: pickText(roadMap.title, locale),
      territoryId: roadMap.territory_id,
      territory: pickText(roadMap.territory_name, locale),
      approvedOn: roadMap.approved_on,
      programmeId: roadMap.programme_id,
      programme: pickText(roadMap.programme_title, locale),
    },
    editSectionId: sections.some((s) => s.id === editSection) ? editSection : null,
    sections: sections.map((section) => ({
      id: section.id,
      version: section.version,
      parentId: section.parent_id,
      number: section.number,
      title: section.title,
      shownTitle: pickText(section.title, locale),
      measures: section.measures.map((measure) => ({
        id: measure.id,
        number: measure.number,
        title: pickText(measure.title, locale),
        department: pickText(measure.department_name, locale),
        deadline: measure.deadline,
        removed: measure.control_state === "removed",
        planned: Number(measure.planned_total ?? 0),
      })),
    })),
    territories: territories.map((territory) => ({
      value: String(territory.id),
      label: `${"— ".repeat(territory.depth)}${pickText(territory.name, locale)?.text ?? ""}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const roadMapId = idParam(params, "roadMapId");
  const formData = await request.formData();
  const back = `/admin/roadmaps/${roadMapId}`;
  switch (formData.get("intent")) {
    case "save-road-map": {
      const submission = parseWithZod(formData, { schema: roadMapSchema });
      if (submission.status !== "success") return invalid(submission);
      const { roadMap } = await roadMapStructure(db, roadMapId);
      const input = { ...submission.value, roadMapId };
      return attemptWrite(submission, () => saveRoadMap(db, principal, roadMap.programme_id, input), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "save-section": {
      const submission = parseWithZod(formData, { schema: sectionSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => saveSection(db, principal, roadMapId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: (id) => `${back}#section-${id}`,
      });
    }
    case "move-section": {
      const submission = parseWithZod(formData, { schema: moveSectionSchema });
      if (submission.status !== "success") return invalid(submission);
      const { sectionId, version, direction } = submission.value;
      return attemptWrite(submission, () => moveSection(db, principal, roadMapId, sectionId, version, direction), {
        flash: { key: "adminSaved" },
        redirectTo: `${back}#section-${sectionId}`,
      });
    }
    case "delete-section": {
      const submission = parseWithZod(formData, { schema: deleteSectionSchema });
      if (submission.status !== "success") return invalid(submission);
      const { sectionId, version } = submission.value;
      return attemptWrite(submission, () => deleteSection(db, principal, roadMapId, sectionId, version), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function RoadMapEditor() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const repliedTo = reply?.result.initialValue?.intent;
  const resultFor = (intent: string) => (repliedTo === intent && !reply?.saved ? reply?.result : undefined);
  const { roadMap } = data;
  const topLevel = data.sections.filter((s) => s.parentId === null);
  const editing = data.sections.find((s) => s.id === data.editSectionId);
  const sectionListRefusal =
    reply && !reply.saved && (repliedTo === "move-section" || repliedTo === "delete-section") ? reply : null;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/admin/programmes/${roadMap.programmeId}`} size="sm">
          ← <Localized value={roadMap.programme} />
        </Anchor>
        <Title order={2} size="h3" mt={4}>
          <Localized value={roadMap.shownTitle} />
        </Title>
        <Group gap="md" mt={4}>
          <Text size="sm" c="dimmed">
            <Localized value={roadMap.territory} />
            {roadMap.approvedOn &&
              ` · ${t("admin.roadMap.approvedOnShort", { date: formatDate(locale, roadMap.approvedOn) })}`}
          </Text>
          <Anchor component={Link} to={`/roadmaps/${roadMap.id}`} size="sm">
            {t("admin.roadMap.dashboard")}
          </Anchor>
          <Anchor component={Link} to={`/roadmaps/${roadMap.id}/periods`} size="sm">
            {t("admin.roadMap.periods")}
          </Anchor>
          <Anchor href={`/admin/roadmaps/${roadMap.id}/workbook.xlsx`} download size="sm">
            {t("export.workbook")}
          </Anchor>
        </Group>
      </div>

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t("admin.section.title")}
          </Title>
          <Group gap="xs">
            <Button
              component={Link}
              to={`/admin/roadmaps/${roadMap.id}/import`}
              leftSection={<IconFileSpreadsheet size={16} />}
              size="sm"
              variant={data.sections.length === 0 ? "filled" : "default"}
            >
              {t("roadMapImport.open")}
            </Button>
            <Button
              component={Link}
              to={`/admin/roadmaps/${roadMap.id}/measures/new`}
              leftSection={<IconPlus size={16} />}
              size="sm"
            >
              {t("admin.measure.new")}
            </Button>
          </Group>
        </Group>
        {repliedTo !== "save-section" && reply?.conflict && (
          <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
        )}
        {sectionListRefusal && <FormErrors errors={sectionListRefusal.result.error?.[""] ?? undefined} />}
        {data.sections.length === 0 && <Text c="dimmed">{t("admin.section.none")}</Text>}
        <Stack gap="md">
          {topLevel.map((section, index) => {
            const children = data.sections.filter((s) => s.parentId === section.id);
            return (
              <div key={section.id} className="admin-section" data-testid="admin-section">
                <SectionBlock
                  section={section}
                  roadMapId={roadMap.id}
                  first={index === 0}
                  last={index === topLevel.length - 1}
                  empty={children.length === 0 && section.measures.length === 0}
                />
                {children.map((child, childIndex) => (
                  <div key={child.id} className="admin-subsection">
                    <SectionBlock
                      section={child}
                      roadMapId={roadMap.id}
                      first={childIndex === 0}
                      last={childIndex === children.length - 1}
                      empty={child.measures.length === 0}
                    />
                  </div>
                ))}
              </div>
            );
          })}
        </Stack>
      </Paper>

      <Paper withBorder p="md" id="section-form">
        <Title order={3} size="h4" mb="sm">
          {editing ? t("admin.section.edit") : t("admin.section.new")}
        </Title>
        {repliedTo === "save-section" && reply?.conflict && (
          <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
        )}
        <SectionForm
          key={`${editing?.id ?? "new"}-${editing?.version ?? data.sections.length}`}
          section={editing}
          parents={topLevel.filter((s) => s.id !== editing?.id)}
          lastResult={resultFor("save-section")}
          cancelHref={editing ? `/admin/roadmaps/${roadMap.id}` : undefined}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("admin.roadMap.edit")}
        </Title>
        {repliedTo === "save-road-map" && reply?.conflict && (
          <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />
        )}
        <RoadMapForm
          key={roadMap.version}
          territories={data.territories}
          defaults={{
            id: roadMap.id,
            version: roadMap.version,
            territoryId: roadMap.territoryId,
            title: roadMap.title,
            approvedOn: roadMap.approvedOn,
          }}
          lastResult={resultFor("save-road-map")}
        />
      </Paper>
    </Stack>
  );
}
