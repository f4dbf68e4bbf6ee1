import type { Account, SetupRequest, SignInOptions } from "@logic-canvas/shared";

/** A refused account request, with the server's words. */
export class AccountError extends Error {}

/**
 * Calls to the account routes: better-auth's at /api/auth/* answer `{ code, message }` on
 * failure, ours `{ error: { message } }`; both become an AccountError with the message.
 */
async function call<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new AccountError("The server cannot be reached. Check your connection.");
  }
  const data = (await response.json().catch(() => null)) as
    | (T & { message?: string; error?: { message?: string } })
    | null;
  if (!response.ok) {
    throw new AccountError(
      data?.error?.message ?? data?.message ?? `The server answered ${response.status}.`,
    );
  }
  return data as T;
}

export interface SessionRow {
  token: string;
  createdAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export const accountApi = {
  me: () => call<{ account: Account | null }>("/api/accounts/me").then((r) => r.account),
  options: () => call<SignInOptions>("/api/accounts/options"),
  setupNeeded: () => call<{ needed: boolean }>("/api/setup").then((r) => r.needed),
  setUp: (request: SetupRequest) => call<{ account: Account }>("/api/setup", request),
  signIn: (email: string, password: string) =>
    call("/api/auth/sign-in/email", { email, password, rememberMe: true }),
  signUp: (name: string, email: string, password: string) =>
    call("/api/auth/sign-up/email", { name, email, password }),
  signInWithSso: (providerId: string) =>
    call<{ url: string }>("/api/auth/sign-in/social", {
      provider: providerId,
      callbackURL: "/",
      errorCallbackURL: "/account/sign-in",
    }),
  signOut: () => call("/api/auth/sign-out", {}),
  requestReset: (email: string) =>
    call("/api/auth/request-password-reset", { email, redirectTo: "/account/reset" }),
  resetPassword: (token: string, newPassword: string) =>
    call("/api/auth/reset-password", { token, newPassword }),
  sessions: () => call<SessionRow[]>("/api/auth/list-sessions"),
  endSession: (token: string) => call("/api/auth/revoke-session", { token }),
  endOtherSessions: () => call("/api/auth/revoke-other-sessions", {}),
};
