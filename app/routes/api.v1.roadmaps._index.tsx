import { apiLoader } from "~/domain/api/route.server";
import { roadMapsEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(roadMapsEndpoint);
