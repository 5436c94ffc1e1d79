import { apiLoader } from "~/domain/api/route.server";
import { roadMapEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(roadMapEndpoint);
