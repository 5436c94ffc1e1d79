import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "~/http/database-unavailable";
import { contentSecurityPolicy } from "~/http/headers";
import { bodyRefusal, crossSiteRefusal, isCleanUrlEncoded, readBodyWithin, textRefusal } from "~/http/request-checks";
import { idSchema } from "~/domain/ids";

const url = "http://localhost:3000/my";
const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("cross-site requests", () => {
  test("a post from another origin or site is refused, one from the page itself passes", () => {
    expect(crossSiteRefusal(post({ Origin: "https://evil.example" }))?.status).toBe(403);
    expect(crossSiteRefusal(post({ Origin: "null" }))?.status).toBe(403);
    expect(crossSiteRefusal(post({ "Sec-Fetch-Site": "cross-site" }))?.status).toBe(403);
    expect(crossSiteRefusal(post({ Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(new Request(url, { headers: { Origin: "https://evil.example" } }))).toBeNull();
  });
});

describe("bodies", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  test("only forms are accepted, by POST, up to their size", () => {
    expect(bodyRefusal(post({ "Content-Type": "application/json", "Content-Length": "2" }, "{}"))?.status).toBe(415);
    expect(bodyRefusal(post({ "Content-Type": "text/plain", "Content-Length": "1" }, "a"))?.status).toBe(415);
    // No fields at all still comes as a form from a browser; a bare POST is not one.
    expect(bodyRefusal(post({ "Content-Length": "0" }))?.status).toBe(415);
    expect(bodyRefusal(post({ ...form, "Content-Length": "0" }))).toBeNull();
    expect(
      bodyRefusal(new Request(url, { method: "PUT", headers: { ...form, "Content-Length": "3" }, body: "a=1" }))
        ?.status,
    ).toBe(405);
    expect(bodyRefusal(post({ ...form, "Content-Length": String(2 * 1024 * 1024) }))).toMatchObject({ status: 413 });
    expect(
      bodyRefusal(
        post({ "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(2 * 1024 * 1024) }),
      ),
    ).toBeNull();
    expect(bodyRefusal(post({ ...form, "Content-Length": "3" }, "a=1"))).toBeNull();
  });

  test("a body sent without a length is read no further than the limit", async () => {
    expect(await readBodyWithin(post(form, "a".repeat(100)), 10)).toBeNull();
    expect(await readBodyWithin(post(form, "a=1"), 10)).toEqual(new TextEncoder().encode("a=1"));
  });

  test("NUL bytes and invalid UTF-8 in a form are refused, Kazakh text passes", async () => {
    expect(isCleanUrlEncoded("title=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B&x=a+b")).toBe(true);
    expect(isCleanUrlEncoded("title=a%00b")).toBe(false);
    expect(isCleanUrlEncoded("title=%FF")).toBe(false);
    expect(isCleanUrlEncoded("title=%G1")).toBe(false);
    const bytes = (text: string) => new Uint8Array(new TextEncoder().encode(text));
    expect(await textRefusal(post(form), bytes("a=%00"))).toMatchObject({ status: 400 });
    const multipart = '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\na\u0000b\r\n--x--\r\n';
    expect(
      await textRefusal(post({ "Content-Type": "multipart/form-data; boundary=x" }), bytes(multipart)),
    ).toMatchObject({ status: 400 });
    expect(await textRefusal(new Request(`${url}?q=%00`), bytes(""))).toMatchObject({ status: 400 });
  });
});

test("ids past PostgreSQL's integer range are no ids", () => {
  expect(idSchema.safeParse("2147483647").success).toBe(true);
  expect(idSchema.safeParse("3000000000").success).toBe(false);
});

test("connection failures and server shutdowns count as «unavailable», a bad value does not", () => {
  expect(isDatabaseUnavailable({ code: "CONNECTION_CLOSED" })).toBe(true);
  expect(isDatabaseUnavailable({ code: "57P01" })).toBe(true);
  expect(isDatabaseUnavailable({ code: "08006" })).toBe(true);
  expect(isDatabaseUnavailable(new Error("x", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
  expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
});

test("the policy allows scripts only with the nonce, or only those with the hashes it lists", () => {
  const policy = contentSecurityPolicy("abc");
  expect(policy).toContain("script-src 'self' 'nonce-abc'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy).toContain("frame-ancestors 'none'");
  const byHashes = contentSecurityPolicy({ hashes: ["'sha256-AAA='", "'sha256-BBB='"] });
  expect(byHashes).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB=';");
  expect(byHashes).not.toMatch(/script-src[^;]*(unsafe-inline|nonce)/);
});
