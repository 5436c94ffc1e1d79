import { z } from "zod";
import { idSchema } from "~/domain/ids";

// Route parameters of the export routes: a positive id, or 404; a file named «<table>.<format>».

const id = idSchema;

function idOf(params: Record<string, string | undefined>, name: string): number {
  const parsed = id.safeParse(params[name]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export const roadMapIdParam = (params: Record<string, string | undefined>) => idOf(params, "roadMapId");
export const territoryIdParam = (params: Record<string, string | undefined>) => idOf(params, "territoryId");
export const measureIdParam = (params: Record<string, string | undefined>) => idOf(params, "measureId");

/** «sections.csv» → { table: "sections", format: "csv" }, for one of the tables given; else 404. */
export function tableFileParam<T extends string>(
  params: Record<string, string | undefined>,
  tables: readonly [T, ...T[]],
): { table: T; format: "xlsx" | "csv" } {
  const parsed = z
    .object({ table: z.enum(tables), format: z.enum(["xlsx", "csv"]) })
    .safeParse({ table: params.file?.split(".")[0], format: params.file?.split(".").slice(1).join(".") });
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data as { table: T; format: "xlsx" | "csv" };
}
