import { z } from "zod";

export const loginSchema = z.object({
  login: z.string({ error: "login.required" }).trim().min(1, "login.required").max(64, "login.invalid"),
  password: z.string({ error: "login.required" }).min(1, "login.required").max(200, "login.invalid"),
  redirectTo: z.string().optional(),
});
