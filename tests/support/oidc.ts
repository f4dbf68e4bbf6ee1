/// <reference path="./oidc-provider.d.ts" />
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./server-process.ts";

/**
 * A real OpenID Connect provider (the `oidc-provider` package, with its development login and
 * consent pages) on a loopback port. Any login name is accepted: it is the person's email, and
 * their name is the part before the @. `issuer` is what OIDC_ISSUER takes.
 */
export async function startOidcProvider(port: number, redirectUri: string) {
  const issuer = `http://127.0.0.1:${port}`;
  const client = { clientId: "logic-canvas", clientSecret: "test-client-secret-0123456789" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({
        sub: `sub-${id}`,
        email: id,
        email_verified: true,
        name: id.split("@")[0],
      }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    ...client,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Reserves a loopback port for the provider, whose issuer URL must be known before it starts. */
export const providerPort = freePort;

/**
 * A browser reduced to what a sign-in needs: a cookie jar (cookies are per host, not per port,
 * as browsers keep them) and redirects followed by hand so that every Set-Cookie is kept.
 */
export class CookieBrowser {
  private readonly jar = new Map<string, string>();

  cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === "";
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** Requests `url` and follows redirects; returns the last response and where it came from. */
  async go(url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let current = url;
    let request: RequestInit = init;
    for (let hop = 0; hop < 20; hop++) {
      const headers = new Headers(request.headers);
      headers.set("Cookie", this.cookie());
      const response = await fetch(current, { ...request, headers, redirect: "manual" });
      this.keep(response);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) {
        return { response, url: current };
      }
      current = new URL(location, current).toString();
      request = {};
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** Submits the page's form (its action) with these fields, as a person pressing its button. */
  async submit(page: { response: Response; url: string }, fields: Record<string, string>) {
    const html = await page.response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form on ${page.url}: ${html.slice(0, 300)}`);
    return this.go(new URL(action, page.url).toString(), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
