import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { editableDepartmentIds } from "~/domain/auth/permissions.server";
import { requirePrincipal } from "~/domain/auth/session.server";

/** Each user starts where their work is: a department's officer at their measures, everyone else at the road maps. */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  return redirect(editableDepartmentIds(principal).length > 0 ? "/my" : "/roadmaps");
}
