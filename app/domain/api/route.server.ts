import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { answerApi, type Endpoint } from "./handler.server";

/** The loader of a read-API route: the endpoint behind the token, rate-limit and record (handler.server.ts). */
export function apiLoader(endpoint: Endpoint) {
  return async ({ request, params }: LoaderFunctionArgs) => {
    const settings = env();
    return answerApi(await database(), request, endpoint, {
      perMinute: settings.API_RATE_LIMIT_PER_MINUTE,
      today: todayIn(settings.APP_TIME_ZONE),
      params,
    });
  };
}
