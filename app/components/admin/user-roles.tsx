import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SelectField, type FieldLike } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { COUNCIL_POSITIONS, roleSchema, ROLES } from "~/domain/admin/admin-schema";
import type { WriteReply } from "~/domain/editing/action.server";
import type { CouncilPosition, Role } from "~db/schema";
import type { PageText } from "~/i18n/locales";

type Option = { value: string; label: string };
export interface RoleOptions {
  departments: Option[];
  councils: Option[];
  territories: Option[];
}
export interface RoleAssignmentRow {
  id: number;
  version: number;
  role: Role;
  councilPosition: CouncilPosition | null;
  scope: PageText | null;
}

/** A user's roles with their scopes, each removable, and the form that adds one. */
export function RolesPanel({
  assignments,
  options,
  reply,
}: {
  assignments: RoleAssignmentRow[];
  options: RoleOptions;
  reply: WriteReply | undefined;
}) {
  const { t } = useTranslation();
  const repliedTo = reply?.result.initialValue?.intent;
  const resultFor = (intent: string) => (repliedTo === intent && !reply?.saved ? reply?.result : undefined);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("admin.user.roles")}
      </Title>
      {repliedTo === "remove-role" && !reply?.saved && !reply?.conflict && (
        <FormErrors errors={reply?.result.error?.[""] ?? undefined} />
      )}
      {assignments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("admin.user.noRoles")}
        </Text>
      ) : (
        <Table verticalSpacing="xs" mb="md" data-testid="role-list">
          <Table.Tbody>
            {assignments.map((assignment) => (
              <Table.Tr key={assignment.id}>
                <Table.Td fw={600}>{t(`roles.${assignment.role}`)}</Table.Td>
                <Table.Td>
                  {assignment.scope ? <Localized value={assignment.scope} /> : t("admin.user.everything")}
                  {assignment.councilPosition && ` · ${t(`admin.user.positions.${assignment.councilPosition}`)}`}
                </Table.Td>
                <Table.Td w={48}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-role" />
                    <input type="hidden" name="assignmentId" value={assignment.id} />
                    <input type="hidden" name="version" value={assignment.version} />
                    <ActionIcon
                      type="submit"
                      variant="subtle"
                      color="red"
                      aria-label={t("admin.user.removeRole", { role: t(`roles.${assignment.role}`) })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Form>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4} size="h5" mb="xs">
        {t("admin.user.addRole")}
      </Title>
      <RoleForm key={assignments.length} options={options} lastResult={resultFor("add-role")} />
    </Paper>
  );
}

function RoleForm({ options, lastResult }: { options: RoleOptions; lastResult: WriteReply["result"] | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "add-role",
    lastResult,
    defaultValue: { role: "editor" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-role" />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <RoleScopeFields fields={fields} options={options} />
        <Group>
          <Button type="submit" variant="light">
            {t("admin.user.addRole")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

type ScopeFieldName = "role" | "departmentId" | "councilId" | "councilPosition" | "territoryId";

/** One role and its scope, as a user's role assignment and an API token take them. */
export function RoleScopeFields({
  fields,
  options,
}: {
  fields: Record<ScopeFieldName, FieldLike>;
  options: RoleOptions;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="xs" c="dimmed">
        {t("admin.user.scopeHint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <SelectField
          field={fields.role}
          label={t("admin.user.role")}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <SelectField
          field={fields.departmentId}
          label={t("admin.user.department")}
          data={options.departments}
          placeholder="—"
        />
        <SelectField field={fields.councilId} label={t("admin.user.council")} data={options.councils} placeholder="—" />
        <SelectField
          field={fields.councilPosition}
          label={t("admin.user.position")}
          data={COUNCIL_POSITIONS.map((p) => ({ value: p, label: t(`admin.user.positions.${p}`) }))}
          placeholder="—"
        />
        <SelectField
          field={fields.territoryId}
          label={t("admin.user.territory")}
          data={options.territories}
          placeholder="—"
        />
      </SimpleGrid>
    </>
  );
}
