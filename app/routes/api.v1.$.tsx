import { apiLoader } from "~/domain/api/route.server";
import { unknownEndpoint } from "~/domain/api/resources.server";

// Any other path under /api/v1 answers as the API does (JSON, the token checked), never with a page.
export const loader = apiLoader(unknownEndpoint);
