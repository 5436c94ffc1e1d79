import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyUserSession } from "~/domain/auth/session.server";

export function action({ request }: ActionFunctionArgs) {
  return destroyUserSession(request);
}

export function loader() {
  return redirect("/");
}
