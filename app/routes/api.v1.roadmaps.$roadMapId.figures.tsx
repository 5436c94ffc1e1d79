import { apiLoader } from "~/domain/api/route.server";
import { figuresEndpoint } from "~/domain/api/resources.server";

export const loader = apiLoader(figuresEndpoint);
