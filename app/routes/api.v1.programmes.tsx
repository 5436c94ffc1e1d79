import { apiLoader } from "~/domain/api/route.server";
import { programmesEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(programmesEndpoint);
