import { apiLoader } from "~/domain/api/route.server";
import { measuresEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(measuresEndpoint);
