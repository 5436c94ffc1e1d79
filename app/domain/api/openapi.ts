import { z } from "zod";
import { figuresQuery, kpiQuery, measuresQuery, pagingQuery, roadMapPath, territoryPath } from "./params";

// The OpenAPI 3.1 document of the read API, generated from the zod schemas that validate each
// endpoint's parameters (params.ts): a parameter is defined once, for the check and for the document.

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

interface Operation {
  path: string;
  id: string;
  summary: string;
  tag: "road maps" | "KPI";
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  paged?: boolean;
}

const OPERATIONS: Operation[] = [
  {
    path: "/api/v1/programmes",
    id: "listProgrammes",
    summary: "Programmes the token may read",
    tag: "road maps",
    query: pagingQuery,
    paged: true,
  },
  {
    path: "/api/v1/roadmaps",
    id: "listRoadMaps",
    summary: "Road maps the token may read",
    tag: "road maps",
    query: pagingQuery,
    paged: true,
  },
  {
    path: "/api/v1/roadmaps/{roadMapId}",
    id: "getRoadMap",
    summary: "A road map with its sections",
    tag: "road maps",
    pathParams: roadMapPath,
  },
  {
    path: "/api/v1/roadmaps/{roadMapId}/figures",
    id: "getRoadMapFigures",
    summary: "The dashboard's figures as of a date, with the dashboard's filters",
    tag: "road maps",
    pathParams: roadMapPath,
    query: figuresQuery,
  },
  {
    path: "/api/v1/roadmaps/{roadMapId}/measures",
    id: "listMeasures",
    summary: "Measures with their figures, quarterly plans and fact entries as of a date",
    tag: "road maps",
    pathParams: roadMapPath,
    query: measuresQuery,
    paged: true,
  },
  {
    path: "/api/v1/kpi/rankings/{territoryId}",
    id: "getKpiRanking",
    summary: "The KPI ranking of the territories below one",
    tag: "KPI",
    pathParams: territoryPath,
    query: kpiQuery,
  },
  {
    path: "/api/v1/kpi/scorecards/{territoryId}",
    id: "getKpiScorecard",
    summary: "A territory's KPI scorecard",
    tag: "KPI",
    pathParams: territoryPath,
    query: kpiQuery,
  },
];

function parameters(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] = {
      get: {
        operationId: operation.id,
        summary: operation.summary,
        tags: [operation.tag],
        parameters: [...parameters(operation.pathParams, "path"), ...parameters(operation.query, "query")],
        responses: {
          "200": {
            description: "OK",
            content: {
              "application/json": {
                schema: operation.paged ? { $ref: "#/components/schemas/Page" } : { type: "object" },
              },
            },
          },
          "400": errorResponse("Invalid parameters"),
          "401": errorResponse("Missing, unknown, expired or revoked token"),
          "404": errorResponse("Not found, or outside the token's scope"),
          "429": {
            ...errorResponse("Too many requests"),
            headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Oryndau read API",
      version: "1.0.0",
      description:
        "Programmes, road maps, measures and their figures as of a date, KPI rankings and scorecards — the figures of the pages, within the token's role and scope. Texts are given in every language they are held in (kk, ru, en); error messages follow Accept-Language (en by default).",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    tags: [{ name: "road maps" }, { name: "KPI" }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token made by an administrator: ory_…" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: {
                  type: "string",
                  enum: [
                    "missingToken",
                    "invalidToken",
                    "expiredToken",
                    "revokedToken",
                    "notFound",
                    "badRequest",
                    "rateLimited",
                    "internal",
                  ],
                },
                message: { type: "string" },
                issues: {
                  type: "array",
                  items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
                },
              },
            },
          },
        },
        Page: {
          type: "object",
          required: ["data", "page", "pageSize", "total"],
          properties: {
            data: { type: "array", items: { type: "object" } },
            page: { type: "integer", minimum: 1 },
            pageSize: { type: "integer", minimum: 1 },
            total: { type: "integer", minimum: 0 },
          },
        },
      },
    },
  };
}
