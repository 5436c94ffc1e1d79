import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePrincipal } from "~/domain/auth/session.server";
import { homeRankingParent, mayViewKpi } from "~/domain/kpi/access";
import { busiestRankingParent } from "~/domain/kpi/views.server";
import { forbidden } from "~/domain/auth/permissions.server";
import { database } from "~/db.server";

/** /kpi: the ranking the user is most likely to want — their own neighbours, or the busiest one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  if (!mayViewKpi(principal)) throw forbidden();
  const parentId = homeRankingParent(principal) ?? (await busiestRankingParent(await database()));
  if (parentId === null) throw new Response("Not found", { status: 404 });
  return redirect(`/kpi/${parentId}`);
}
