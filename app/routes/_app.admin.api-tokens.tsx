import { parseWithZod } from "@conform-to/zod/v4";
import { Stack } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CreatedToken, TokenForm } from "~/components/api-tokens/token-form";
import { TokenList } from "~/components/api-tokens/token-list";
import { requireAdminRequest } from "~/domain/admin/guard.server";
import { tokenPage } from "~/domain/api/token-page.server";
import { createTokenSchema, revokeTokenSchema } from "~/domain/api/token-schema";
import { createApiToken, revokeApiToken, type CreatedToken as Created } from "~/domain/api/tokens.server";
import { attemptWrite, invalid, type WriteReply } from "~/domain/editing/action.server";
import { todayIn } from "~/domain/periods/quarter";
import { env } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} · Oryndau` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await requireAdminRequest(request);
  return tokenPage(db, locale, todayIn(env().APP_TIME_ZONE), env().APP_TIME_ZONE);
}

type TokenReply = WriteReply & { created?: Created };

export async function action({ request }: ActionFunctionArgs) {
  const { principal, db } = await requireAdminRequest(request);
  const formData = await request.formData();
  const { APP_TIME_ZONE } = env();
  switch (formData.get("intent")) {
    case "create-token": {
      const submission = parseWithZod(formData, { schema: createTokenSchema(todayIn(APP_TIME_ZONE)) });
      if (submission.status !== "success") return invalid(submission);
      try {
        const created = await createApiToken(db, principal, submission.value, APP_TIME_ZONE);
        // The secret is in this one answer only: never kept, never cached, gone on reload.
        return data<TokenReply>(
          { result: submission.reply({ resetForm: true }), saved: true, created },
          { headers: { "Cache-Control": "no-store" } },
        );
      } catch (error) {
        return attemptWrite(submission, () => Promise.reject(error));
      }
    }
    case "revoke-token": {
      const submission = parseWithZod(formData, { schema: revokeTokenSchema });
      if (submission.status !== "success") return invalid(submission);
      return attemptWrite(
        submission,
        () => revokeApiToken(db, principal, submission.value.tokenId, submission.value.version),
        { redirectTo: "/admin/api-tokens", flash: { key: "adminSaved" } },
      );
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
}

export default function ApiTokensPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<TokenReply>();
  return (
    <Stack gap="lg">
      {reply?.created && <CreatedToken created={reply.created} />}
      <TokenList page={page} reply={reply} />
      <TokenForm page={page} reply={reply} />
    </Stack>
  );
}
