import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { FormErrors, useErrorText } from "~/components/field-error";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Logo } from "~/components/logo";
import { loginSchema } from "~/domain/auth/login-schema";
import { clientAddress } from "~/domain/auth/client-address.server";
import { safeRedirect } from "~/domain/auth/redirect";
import { createUserSession, getPrincipal } from "~/domain/auth/session.server";
import { signIn } from "~/domain/auth/sign-in.server";
import { encodeMessage } from "~/domain/editing/messages";
import { database } from "~/db.server";
import { translator } from "~/i18n/i18n";
import { localeCookie, localeOf } from "~/i18n/locale.server";

export const meta: MetaFunction = () => [{ title: "Oryndau" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getPrincipal(request)) throw redirect("/");
  return { title: translator(await localeOf(request))("login.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return Response.json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { login, password, redirectTo } = submission.value;
  const result = await signIn(await database(), { login, password, address: clientAddress(context) });
  if (result.status === "throttled") {
    const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
    const message =
      seconds < 120
        ? encodeMessage("signIn.throttledSeconds", { n: seconds })
        : encodeMessage("signIn.throttledMinutes", { n: Math.ceil(seconds / 60) });
    return Response.json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  if (result.status === "refused") {
    return Response.json(submission.reply({ formErrors: ["login.invalid"], hideFields: ["password"] }), {
      status: 400,
    });
  }
  const response = await createUserSession(request, result.user.id, safeRedirect(redirectTo));
  // A user who never chose a language on this device gets the one they chose before.
  if (!(await localeCookie.parse(request.headers.get("Cookie")))) {
    response.headers.append("Set-Cookie", await localeCookie.serialize(result.user.locale));
  }
  return response;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <Box mih="100vh" bg="gray.0" px="md" py="lg">
      <Group justify="space-between" maw={960} mx="auto" mb="xl">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" p={{ base: "lg", sm: "xl" }} w="100%" maw={420}>
          <Title order={1} size="h2">
            {t("login.title")}
          </Title>
          <Text c="dimmed" size="sm" mt={4} mb="lg">
            {t("login.intro")}
          </Text>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
            <Stack gap="md">
              {searchParams.has("reset") && (
                <Alert color="green" icon={<IconCheck />} role="status" data-testid="password-reset-done">
                  {t("forgot.done")}
                </Alert>
              )}
              <FormErrors id={form.errorId} errors={form.errors} />
              <TextInput
                {...getInputProps(fields.login, { type: "text" })}
                key={fields.login.key}
                label={t("login.login")}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                error={errorText(fields.login.errors)}
                autoFocus
              />
              <PasswordInput
                {...getInputProps(fields.password, { type: "password" })}
                key={fields.password.key}
                label={t("login.password")}
                autoComplete="current-password"
                error={errorText(fields.password.errors)}
              />
              <Button type="submit" fullWidth loading={navigation.state === "submitting"}>
                {t("login.submit")}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                {t("forgot.link")}
              </Anchor>
            </Stack>
          </Form>
        </Paper>
      </Center>
    </Box>
  );
}
