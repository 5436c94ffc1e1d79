import { openApiDocument } from "~/domain/api/openapi";

// The API's description is public: it says what may be asked, never what a token would get.
export async function loader() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
