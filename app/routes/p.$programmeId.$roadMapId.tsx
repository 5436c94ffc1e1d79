import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicRoadMapSections } from "~/components/public/public-road-map-page";
import { publicMetaTags } from "~/domain/public/public-meta";
import { publicRoadMapPage } from "~/domain/public/public-page.server";
import { publicRequest } from "~/domain/public/public-request.server";
import styles from "~/styles/public-page.css?url";

// One road map of a published programme of several, open to everyone (its programme's page lists them).

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => publicMetaTags(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, programme, roadMapId, page, today, meta } = await publicRequest(request, params);
  const view = await publicRoadMapPage(db, programme, roadMapId!, { locale, today, page });
  return { view, meta: meta(view.programme.title, view.roadMap.title, view.asOf) };
}

export default function PublicRoadMapRoute() {
  const { view } = useLoaderData<typeof loader>();
  return <PublicRoadMapSections view={view} />;
}
