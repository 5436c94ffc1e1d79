import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EndSessionsPanel } from "~/components/account/end-sessions-panel";
import { ProfileForm, ResetForm } from "~/components/admin/user-profile-forms";
import { RolesPanel } from "~/components/admin/user-roles";
import { ConflictAlert } from "~/components/conflict-alert";
import { removeRoleSchema, resetPasswordSchema, roleSchema, userSchema } from "~/domain/admin/admin-schema";
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
      title: user.title,
      locale: user.locale,
      email: user.email,
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
          <Text span c="dimmed" translate="no">
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
      <RolesPanel assignments={data.assignments} options={data.options} reply={reply} />
    </Stack>
  );
}
