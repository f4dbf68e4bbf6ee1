/** Accounts as a test drives them over HTTP: first run, sign-up, sign-in, cookies. */
import type { Account } from "@logic-canvas/shared";

export interface Person {
  email: string;
  password: string;
  name: string;
}

export const FIRST_ADMIN: Person & { district: string } = {
  email: "ada@district.test",
  password: "first-admin-password",
  name: "Ada Admin",
  district: "Springfield District",
};

/** The `Cookie` header a browser would send back after this response ("a=1; b=2"). */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair && !pair.endsWith("="))
    .join("; ");
}

/** A JSON POST as the app's own pages send it (same origin), with a cookie when given. */
export function post(baseUrl: string, path: string, body: unknown, cookie?: string) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: baseUrl,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** Runs the first-run page's request; returns the first admin's session cookie. */
export async function setUpServer(baseUrl: string, admin = FIRST_ADMIN): Promise<string> {
  const response = await post(baseUrl, "/api/setup", admin);
  if (response.status !== 201) {
    throw new Error(`POST /api/setup answered ${response.status}: ${await response.text()}`);
  }
  return cookieOf(response);
}

/** Signs up (the server must be set up first); returns the new account's session cookie. */
export async function signUp(
  baseUrl: string,
  email: string,
  password: string,
  name: string,
): Promise<string> {
  const response = await post(baseUrl, "/api/auth/sign-up/email", { email, password, name });
  if (!response.ok) {
    throw new Error(`Sign-up answered ${response.status}: ${await response.text()}`);
  }
  return cookieOf(response);
}

/** A sign-in attempt, as the Sign in page makes it. */
export const signInResponse = (baseUrl: string, email: string, password: string) =>
  post(baseUrl, "/api/auth/sign-in/email", { email, password });

/** Signs in; returns the session cookie, or throws with the server's answer. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await signInResponse(baseUrl, email, password);
  if (!response.ok)
    throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  return cookieOf(response);
}

/** Who the server takes this cookie for (`GET /api/accounts/me`). */
export async function whoAmI(baseUrl: string, cookie: string): Promise<Account | null> {
  const response = await fetch(`${baseUrl}/api/accounts/me`, { headers: { Cookie: cookie } });
  return ((await response.json()) as { account: Account | null }).account;
}
