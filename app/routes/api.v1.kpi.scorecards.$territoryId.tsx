import { apiLoader } from "~/domain/api/route.server";
import { scorecardEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(scorecardEndpoint);
