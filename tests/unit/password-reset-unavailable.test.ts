import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/forgot-password";

// Without SMTP_URL the page says resets by e-mail are not offered here, for every login alike.
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

describe("the forgotten-password page without mail", () => {
  process.env.SESSION_SECRET = "a test secret of at least thirty-two characters";
  delete process.env.SMTP_URL;

  it("says password resets by e-mail are not available and accepts no request", async () => {
    const page = await (loader as Handler)({
      request: new Request("http://localhost/forgot-password"),
      params: {},
      context: {},
    });
    expect(page).toMatchObject({ available: false });
    for (const identifier of ["admin", "nobody.here"]) {
      const reply = (await (action as Handler)({
        request: new Request("http://localhost/forgot-password", {
          method: "POST",
          body: new URLSearchParams({ identifier }),
        }),
        params: {},
        context: { clientAddress: "198.51.100.1" },
      })) as { data: { sent: boolean }; init: { status: number } };
      expect(reply.init.status).toBe(404);
      expect(reply.data.sent).toBe(false);
    }
  });
});
