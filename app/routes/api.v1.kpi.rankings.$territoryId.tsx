import { apiLoader } from "~/domain/api/route.server";
import { rankingEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(rankingEndpoint);
