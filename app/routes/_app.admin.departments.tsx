import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedFields, localizedDefaults, SelectField } from "~/components/admin/fields";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { departmentSchema } from "~/domain/admin/admin-schema";
import { listDepartments, listTerritories, saveDepartment } from "~/domain/admin/directory.server";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { pickText, type LocalizedText } from "~/i18n/locales";
import { EditLink } from "~/components/admin/edit-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const [departments, territories] = await Promise.all([listDepartments(db), listTerritories(db)]);
  const edit = Number(new URL(request.url).searchParams.get("edit"));
  return {
    pageTitle: translator(locale)("admin.nav.departments"),
    timeZone: env().APP_TIME_ZONE,
    editId: departments.some((d) => d.id === edit) ? edit : null,
    departments: departments.map((d) => ({
      id: d.id,
      version: d.version,
      territoryId: d.territory_id,
      name: d.name,
      headName: d.head_name,
      headTitle: d.head_title,
      shownName: pickText(d.name, locale),
      shownHead: pickText(d.head_name, locale),
      shownHeadTitle: pickText(d.head_title, locale),
      territory: pickText(d.territory_name, locale),
    })),
    territories: territories.map((t) => ({
      value: String(t.id),
      label: `${"— ".repeat(t.depth)}${pickText(t.name, locale)?.text ?? ""}`,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const submission = parseWithZod(await request.formData(), { schema: departmentSchema });
  if (submission.status !== "success") return invalid(submission);
  return attemptWrite(submission, () => saveDepartment(db, principal, submission.value), {
    flash: { key: "adminSaved" },
    redirectTo: (id) => `/admin/departments#department-${id}`,
  });
}

export default function DepartmentsPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const editing = data.departments.find((d) => d.id === data.editId);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.nav.departments")}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("admin.department.name")}</Table.Th>
                <Table.Th>{t("admin.department.territory")}</Table.Th>
                <Table.Th>{t("admin.department.head")}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.departments.map((department) => (
                <Table.Tr key={department.id} id={`department-${department.id}`}>
                  <Table.Td fw={600}>
                    <Localized value={department.shownName} />
                  </Table.Td>
                  <Table.Td>
                    <Localized value={department.territory} />
                  </Table.Td>
                  <Table.Td>
                    <Localized value={department.shownHead} />
                    {department.shownHeadTitle && (
                      <Text size="xs" c="dimmed">
                        <Localized value={department.shownHeadTitle} />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EditLink
                      to={`?edit=${department.id}#department-form`}
                      label={t("admin.editNamed", { name: department.shownName?.text ?? "" })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md" id="department-form">
        <Title order={2} size="h4" mb="sm">
          {editing ? t("admin.department.edit") : t("admin.department.new")}
        </Title>
        {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
        <DepartmentForm
          key={`${editing?.id ?? "new"}-${editing?.version ?? data.departments.length}`}
          department={editing}
          territories={data.territories}
          lastResult={reply && !reply.saved ? reply.result : undefined}
        />
      </Paper>
    </Stack>
  );
}

function DepartmentForm({
  department,
  territories,
  lastResult,
}: {
  department:
    | {
        id: number;
        version: number;
        territoryId: number;
        name: LocalizedText;
        headName: LocalizedText | null;
        headTitle: LocalizedText | null;
      }
    | undefined;
  territories: Array<{ value: string; label: string }>;
  lastResult: WriteReply["result"] | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: department ? `department-${department.id}-form` : "new-department",
    lastResult,
    defaultValue: {
      territoryId: department?.territoryId.toString() ?? "",
      ...localizedDefaults("name", department?.name),
      ...localizedDefaults("headName", department?.headName),
      ...localizedDefaults("headTitle", department?.headTitle),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: departmentSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-department" />
      {department && <input type="hidden" name="departmentId" value={department.id} />}
      {department && <input type="hidden" name="version" value={department.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.territoryId}
          label={t("admin.department.territory")}
          data={territories}
          placeholder={t("admin.choose")}
          withAsterisk
        />
        <LocalizedFields
          fields={{ kk: fields.nameKk, ru: fields.nameRu, en: fields.nameEn }}
          label={t("admin.department.name")}
          required
        />
        <LocalizedFields
          fields={{ kk: fields.headNameKk, ru: fields.headNameRu, en: fields.headNameEn }}
          label={t("admin.department.headName")}
        />
        <LocalizedFields
          fields={{ kk: fields.headTitleKk, ru: fields.headTitleRu, en: fields.headTitleEn }}
          label={t("admin.department.headTitle")}
        />
        <Group>
          <Button type="submit">{department ? t("admin.save") : t("admin.department.create")}</Button>
          {department && (
            <Button component={Link} to="/admin/departments" variant="default">
              {t("admin.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </Form>
  );
}
