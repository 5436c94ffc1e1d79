import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/domain/auth/password-rules.server";
import { safeRedirect } from "~/domain/auth/redirect";
import { FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, nextAttempt, waitSeconds } from "~/domain/auth/throttle";
import { describeUserAgent } from "~/domain/auth/user-agent";

describe("redirect targets", () => {
  it.each([
    "/%09/evil.example",
    "/\t/evil.example",
    "/%0A/x",
    "/\n/x",
    "/%0D%0ALocation:%20https://evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/%E0%A4%A",
    "/\u0000x",
    "/%00x",
    "/\u0085x",
    "",
  ])("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("keeps paths of this site with their query and fragment", () => {
    expect(safeRedirect("/roadmaps/3?asOf=2024-10-31#sections")).toBe("/roadmaps/3?asOf=2024-10-31#sections");
    expect(safeRedirect("/measures/%D0%B0")).toBe("/measures/%D0%B0");
    expect(safeRedirect("/")).toBe("/");
  });

  it("falls back for a missing or non-text target", () => {
    expect(safeRedirect(null, "/my")).toBe("/my");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File([], "x"))).toBe("/");
  });
});

describe("password rules", () => {
  const user = { login: "zhumakulova", displayName: "Айгерім Жұмақұлова" };

  it("refuses the login and the name, in any case and with additions", async () => {
    expect(await passwordProblem("Zhumakulova2024", user)).toBe("passwordRule.personal");
    expect(await passwordProblem("айгерім-1234567", user)).toBe("passwordRule.personal");
    expect(await passwordProblem("айгерімжұмақұлова", user)).toBe("passwordRule.personal");
  });

  it("refuses common passwords, also with digits and signs added, and near-constant ones", async () => {
    expect(await passwordProblem("qwertyuiop", user)).toBe("passwordRule.common");
    expect(await passwordProblem("password1234", user)).toBe("passwordRule.common");
    expect(await passwordProblem("Password2024!", user)).toBe("passwordRule.common");
    expect(await passwordProblem("1234567890", user)).toBe("passwordRule.common");
    expect(await passwordProblem("          ", user)).toBe("passwordRule.common");
    expect(await passwordProblem("abababababab", user)).toBe("passwordRule.common");
  });

  it("accepts a password of one's own", async () => {
    expect(await passwordProblem("көктем-жолы-47", user)).toBeNull();
    expect(await passwordProblem("river-lantern-58", user)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 8, 0, seconds));

  it("lets five failures through, then makes each attempt wait twice as long, never more than ten minutes", () => {
    expect([1, 2, 3, 4].map((failures) => waitSeconds(failures))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((failures) => waitSeconds(failures))).toEqual([10, 20, 40, 80]);
    expect(waitSeconds(40)).toBe(600);
    expect([19, 20, 21].map((failures) => waitSeconds(failures, FREE_FAILURES_PER_ADDRESS))).toEqual([0, 10, 20]);
  });

  it("refuses the sixth attempt until the wait is over, then allows it", () => {
    const count = { failures: FREE_FAILURES, lastFailedAt: at(0) };
    expect(nextAttempt(count, at(3))).toEqual({ allowed: false, retryAt: at(10) });
    expect(nextAttempt(count, at(10))).toEqual({ allowed: true, failures: 6 });
    expect(nextAttempt({ failures: 4, lastFailedAt: at(0) }, at(0))).toEqual({ allowed: true, failures: 5 });
  });

  it("forgets failures a day after the last", () => {
    const count = { failures: 30, lastFailedAt: at(0) };
    expect(nextAttempt(count, new Date(at(0).getTime() + 24 * 60 * 60 * 1000))).toEqual({ allowed: true, failures: 1 });
  });
});

describe("devices", () => {
  it("names the browser and the system a person would recognise", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
      ),
    ).toEqual({ browser: "Edge", system: "Windows" });
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Safari", system: "iOS" });
    expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
  });
});
