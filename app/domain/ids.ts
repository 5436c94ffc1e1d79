import { z } from "zod";

// Every row id of the app is a PostgreSQL integer: a number past its range is no row of ours (404),
// never a query that fails (22003).

export const MAX_ID = 2_147_483_647;

/** A row id in a URL or a form: a positive integer that fits an `integer` column. */
export const idSchema = z.coerce.number().int().positive().max(MAX_ID);

/** A positive integer route parameter, or 404. */
export function idParam(params: Record<string, string | undefined>, name: string): number {
  const parsed = idSchema.safeParse(params[name]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
