import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, LocalizedFields, localizedDefaults, SelectField } from "~/components/admin/fields";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { TERRITORY_KINDS, territorySchema } from "~/domain/admin/admin-schema";
import { listTerritories, saveTerritory } from "~/domain/admin/directory.server";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/i18n";
import { pickText, type LocalizedText } from "~/i18n/locales";
import { EditLink } from "~/components/admin/edit-link";
import { BoundaryForm } from "~/components/admin/boundary-form";
import { boundaryStatus } from "~/domain/geo/boundaries.server";
import { uploadBoundary, type BoundaryReply } from "~/domain/geo/boundary-action.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const territories = await listTerritories(db);
  const edit = Number(new URL(request.url).searchParams.get("edit"));
  return {
    pageTitle: translator(locale)("admin.nav.territories"),
    timeZone: env().APP_TIME_ZONE,
    editId: territories.some((t) => t.id === edit) ? edit : null,
    boundary: territories.some((t) => t.id === edit) ? await boundaryStatus(db, edit) : null,
    territories: territories.map((t) => ({
      id: t.id,
      version: t.version,
      parentId: t.parent_id,
      kind: t.kind,
      katoCode: t.kato_code,
      name: t.name,
      shownName: pickText(t.name, locale),
      depth: t.depth,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const formData = await request.formData();
  if (formData.get("intent") === "upload-boundary") return uploadBoundary(db, principal, formData);
  const submission = parseWithZod(formData, { schema: territorySchema });
  if (submission.status !== "success") return invalid(submission);
  return attemptWrite(submission, () => saveTerritory(db, principal, submission.value), {
    flash: { key: "adminSaved" },
    redirectTo: (id) => `/admin/territories#territory-${id}`,
  });
}

type TerritoryRow = ReturnType<typeof useLoaderData<typeof loader>>["territories"][number];

export default function TerritoriesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<WriteReply | BoundaryReply>();
  const reply = actionData && "result" in actionData ? actionData : undefined;
  const boundaryError = actionData && "boundaryError" in actionData ? actionData.boundaryError : null;
  const { t } = useTranslation();
  const editing = data.territories.find((row) => row.id === data.editId);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("admin.nav.territories")}
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} striped data-testid="territory-tree">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("admin.territory.name")}</Table.Th>
                <Table.Th>{t("admin.territory.kind")}</Table.Th>
                <Table.Th>{t("admin.territory.kato")}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.territories.map((territory) => (
                <Table.Tr key={territory.id} id={`territory-${territory.id}`}>
                  <Table.Td style={{ paddingLeft: `calc(${territory.depth} * 1.25rem + 0.5rem)` }}>
                    <Text size="sm" fw={territory.depth < 2 ? 700 : 400}>
                      <Localized value={territory.shownName} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`admin.territory.kinds.${territory.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="tabular">{territory.katoCode ?? "—"}</Table.Td>
                  <Table.Td>
                    <EditLink
                      to={`?edit=${territory.id}#territory-form`}
                      label={t("admin.editNamed", { name: territory.shownName?.text ?? "" })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md" id="territory-form">
        <Title order={2} size="h4" mb="sm">
          {editing ? t("admin.territory.edit") : t("admin.territory.new")}
        </Title>
        {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
        <TerritoryForm
          key={`${editing?.id ?? "new"}-${editing?.version ?? data.territories.length}`}
          territory={editing}
          parents={data.territories.filter((row) => row.id !== editing?.id)}
          lastResult={reply && !reply.saved ? reply.result : undefined}
        />
      </Paper>
      {editing && data.boundary && (
        <Paper withBorder p="md">
          <BoundaryForm territoryId={editing.id} status={data.boundary} error={boundaryError} />
        </Paper>
      )}
    </Stack>
  );
}

function TerritoryForm({
  territory,
  parents,
  lastResult,
}: {
  territory: (TerritoryRow & { name: LocalizedText }) | undefined;
  parents: TerritoryRow[];
  lastResult: WriteReply["result"] | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: territory ? `territory-${territory.id}-form` : "new-territory",
    lastResult,
    defaultValue: {
      parentId: territory?.parentId?.toString() ?? "",
      kind: territory?.kind ?? "district",
      katoCode: territory?.katoCode ?? "",
      ...localizedDefaults("name", territory?.name),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: territorySchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-territory" />
      {territory && <input type="hidden" name="territoryId" value={territory.id} />}
      {territory && <input type="hidden" name="version" value={territory.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SelectField
            field={fields.parentId}
            label={t("admin.territory.parent")}
            placeholder={t("admin.territory.noParent")}
            data={parents.map((p) => ({
              value: String(p.id),
              label: `${"— ".repeat(p.depth)}${p.shownName?.text ?? ""}`,
            }))}
          />
          <SelectField
            field={fields.kind}
            label={t("admin.territory.kind")}
            data={TERRITORY_KINDS.map((kind) => ({ value: kind, label: t(`admin.territory.kinds.${kind}`) }))}
          />
          <Field field={fields.katoCode} label={t("admin.territory.kato")} inputMode="numeric" maxLength={9} />
        </SimpleGrid>
        <LocalizedFields
          fields={{ kk: fields.nameKk, ru: fields.nameRu, en: fields.nameEn }}
          label={t("admin.territory.name")}
          required
        />
        <Group>
          <Button type="submit">{territory ? t("admin.save") : t("admin.territory.create")}</Button>
          {territory && (
            <Button component={Link} to="/admin/territories" variant="default">
              {t("admin.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </Form>
  );
}
