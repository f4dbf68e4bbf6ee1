import type { FirstSignIn } from "@logic-canvas/server";
import type { Account } from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  startTestServer,
  type TestServer,
  whoAmI,
} from "../../tests/support/index.ts";
import { CookieBrowser, providerPort, startOidcProvider } from "../../tests/support/oidc.ts";

let server: TestServer;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
const firstSignIns: { account: Account; how: FirstSignIn }[] = [];

beforeAll(async () => {
  // The issuer's URL is needed before either starts: reserve its port first.
  const port = await providerPort();
  const issuer = `http://127.0.0.1:${port}`;
  server = await startTestServer({
    accounts: {
      oidc: {
        issuer,
        clientId: "logic-canvas",
        clientSecret: "test-client-secret-0123456789",
        allowedDomain: "district.test",
        label: "Sign in with Springfield",
      },
    },
  });
  provider = await startOidcProvider(port, `${server.url}/api/auth/callback/oidc`);
  server.accounts.hooks.onFirstSignIn = async (account, how) => {
    firstSignIns.push({ account, how });
  };
  await setUpServer(server.url);
});
afterAll(async () => {
  await server?.stop();
  await provider?.close();
});

/** The whole browser round trip: our server → the provider's login and consent → back. */
async function signInWithSso(email: string) {
  const browser = new CookieBrowser();
  const started = await browser.go(`${server.url}/api/auth/sign-in/social`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify({
      provider: "oidc",
      callbackURL: "/",
      errorCallbackURL: "/account/sign-in",
    }),
  });
  const { url } = (await started.response.json()) as { url: string };
  expect(url.startsWith(provider.issuer)).toBe(true);
  const login = await browser.go(url);
  const consent = await browser.submit(login, { prompt: "login", login: email, password: "any" });
  const back = consent.url.startsWith(provider.issuer)
    ? await browser.submit(consent, { prompt: "consent" })
    : consent;
  return { browser, landed: back.url };
}

it("offers the provider on the sign-in page", async () => {
  const options = (await (await fetch(`${server.url}/api/accounts/options`)).json()) as {
    sso: unknown;
  };
  expect(options.sso).toEqual({ providerId: "oidc", label: "Sign in with Springfield" });
});

it("signs a district person in through the OIDC provider, and runs the domain rule once", async () => {
  const { browser, landed } = await signInWithSso("hal@district.test");
  expect(new URL(landed).pathname).toBe("/");
  const account = await whoAmI(server.url, browser.cookie());
  expect(account).toMatchObject({ email: "hal@district.test", name: "hal" });
  expect(firstSignIns.filter((f) => f.account.email === "hal@district.test")).toEqual([
    { account, how: { method: "oidc", inAllowedDomain: true } },
  ]);

  // A second sign-in finds the same account and is not a first sign-in.
  const again = await signInWithSso("hal@district.test");
  expect(await whoAmI(server.url, again.browser.cookie())).toEqual(account);
  expect(firstSignIns.filter((f) => f.account.email === "hal@district.test")).toHaveLength(1);
});

it("refuses an account outside the allowed domain, with words on the sign-in page", async () => {
  const { browser, landed } = await signInWithSso("mallory@elsewhere.test");
  const page = new URL(landed);
  expect(page.pathname).toBe("/account/sign-in");
  expect(page.searchParams.get("error_description")).toContain("district.test");
  expect(await whoAmI(server.url, browser.cookie())).toBeNull();
  expect(firstSignIns.some((f) => f.account.email === "mallory@elsewhere.test")).toBe(false);
});
