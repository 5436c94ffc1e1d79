import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Field, NewPasswordFields, SelectField } from "~/components/admin/fields";
import { EndSessionsPanel } from "~/components/account/end-sessions-panel";
import { ConflictAlert } from "~/components/conflict-alert";
import { FormErrors, useErrorText } from "~/components/field-error";
import { Localized } from "~/components/localized";
import {
  COUNCIL_POSITIONS,
  LOCALE_VALUES,
  removeRoleSchema,
  resetPasswordSchema,
  roleSchema,
  ROLES,
  userSchema,
} from "~/domain/admin/admin-schema";
import { listCouncils, listDepartments, listTerritories } from "~/domain/admin/directory.server";
import { idParam, requireAdminRequest } from "~/domain/admin/guard.server";
import { addRole, endSessionsOf, removeRole, resetPassword, saveUser, userDetail } from "~/domain/admin/users.server";
import { sessionLimits } from "~/domain/auth/session.server";
import { countSessions } from "~/domain/auth/sessions.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { env } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { pickText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.login ?? ""} · Oryndau` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  const { user, assignments } = await userDetail(db, idParam(params, "userId"));
  const [departments, councils, territories, openSessions] = await Promise.all([
    listDepartments(db),
    listCouncils(db),
    listTerritories(db),
    countSessions(db, user.id, sessionLimits()),
  ]);
  const label = (value: Parameters<typeof pickText>[0]) => pickText(value, locale)?.text ?? "";
  return {
    timeZone: env().APP_TIME_ZONE,
    openSessions,
    user: {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      locale: user.locale,
      isActive: user.is_active,
      version: user.version,
      passwordChangedAt: user.password_changed_at,
    },
    assignments: assignments.map((a) => ({
      id: a.id,
      version: a.version,
      role: a.role,
      councilPosition: a.council_position,
      scope: pickText(a.department_name ?? a.council_title ?? a.territory_name, locale),
    })),
    options: {
      departments: departments.map((d) => ({ value: String(d.id), label: label(d.name) })),
      councils: councils.map((c) => ({ value: String(c.id), label: label(c.title) })),
      territories: territories.map((t) => ({ value: String(t.id), label: `${"— ".repeat(t.depth)}${label(t.name)}` })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const userId = idParam(params, "userId");
  const formData = await request.formData();
  const back = `/admin/users/${userId}`;
  switch (formData.get("intent")) {
    case "save-user": {
      const submission = parseWithZod(formData, { schema: userSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => saveUser(db, principal, userId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "add-role": {
      const submission = parseWithZod(formData, { schema: roleSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => addRole(db, principal, userId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "remove-role": {
      const submission = parseWithZod(formData, { schema: removeRoleSchema });
      if (submission.status !== "success") return invalid(submission);
      const { assignmentId, version } = submission.value;
      return attemptWrite(submission, () => removeRole(db, principal, userId, assignmentId, version), {
        flash: { key: "adminSaved" },
        redirectTo: back,
      });
    }
    case "reset-password": {
      const submission = parseWithZod(formData, { schema: resetPasswordSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(submission, () => resetPassword(db, principal, userId, submission.value), {
        flash: { key: "adminSaved" },
        redirectTo: `${back}?reset=1`,
      });
    }
    case "end-sessions":
      return redirect(`${back}?ended=${await endSessionsOf(db, principal, userId)}`);
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function UserPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<WriteReply>();
  const { t } = useTranslation();
  const locale = useLocale();
  const repliedTo = reply?.result.initialValue?.intent;
  const resultFor = (intent: string) => (repliedTo === intent && !reply?.saved ? reply?.result : undefined);
  const { user } = data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/admin/users" size="sm">
          ← {t("admin.nav.users")}
        </Anchor>
        <Title order={2} size="h3" mt={4}>
          {user.displayName}{" "}
          <Text span c="dimmed">
            ({user.login})
          </Text>
        </Title>
      </div>
      {reply?.conflict && <ConflictAlert conflict={reply.conflict} timeZone={data.timeZone} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("admin.user.profile")}
          </Title>
          <ProfileForm key={user.version} user={user} lastResult={resultFor("save-user")} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("admin.user.resetPassword")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {user.passwordChangedAt
              ? t("admin.user.passwordChangedAt", {
                  when: formatDateTime(locale, user.passwordChangedAt, data.timeZone),
                })
              : t("admin.user.resetHint")}
          </Text>
          <ResetForm key={user.version} version={user.version} lastResult={resultFor("reset-password")} />
        </Paper>
      </SimpleGrid>
      <EndSessionsPanel openSessions={data.openSessions} />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("admin.user.roles")}
        </Title>
        {repliedTo === "remove-role" && !reply?.saved && !reply?.conflict && (
          <FormErrors errors={reply?.result.error?.[""] ?? undefined} />
        )}
        {data.assignments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("admin.user.noRoles")}
          </Text>
        ) : (
          <Table verticalSpacing="xs" mb="md" data-testid="role-list">
            <Table.Tbody>
              {data.assignments.map((assignment) => (
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
        <RoleForm key={data.assignments.length} options={data.options} lastResult={resultFor("add-role")} />
      </Paper>
    </Stack>
  );
}

function ProfileForm({ user, lastResult }: { user: Data["user"]; lastResult: WriteReply["result"] | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    id: "user-profile",
    lastResult,
    defaultValue: { displayName: user.displayName, locale: user.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-user" />
      <input type="hidden" name="version" value={user.version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.displayName} label={t("admin.user.displayName")} withAsterisk />
        <SelectField
          field={fields.locale}
          label={t("admin.user.language")}
          data={LOCALE_VALUES.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        <Checkbox
          key={fields.isActive.key}
          name={fields.isActive.name}
          label={t("admin.user.active")}
          defaultChecked={user.isActive}
          error={errorText(fields.isActive.errors)}
        />
        <Group>
          <Button type="submit">{t("admin.save")}</Button>
        </Group>
      </Stack>
    </Form>
  );
}

function ResetForm({ version, lastResult }: { version: number; lastResult: WriteReply["result"] | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="reset-password" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} label={t("admin.user.newPassword")} />
        <Group>
          <Button type="submit" variant="light" color="orange">
            {t("admin.user.resetPassword")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

function RoleForm({ options, lastResult }: { options: Data["options"]; lastResult: WriteReply["result"] | undefined }) {
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
          <SelectField
            field={fields.councilId}
            label={t("admin.user.council")}
            data={options.councils}
            placeholder="—"
          />
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
        <Group>
          <Button type="submit" variant="light">
            {t("admin.user.addRole")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
