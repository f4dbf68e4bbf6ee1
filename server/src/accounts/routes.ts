import {
  ACCOUNT_MESSAGES,
  meSchema,
  SSO_PROVIDER_ID,
  setupRequestSchema,
  setupStateSchema,
  signInOptionsSchema,
} from "@logic-canvas/shared";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Accounts, ADDRESS_HEADER } from "./accounts.ts";
import { type AttemptLimits, TooManyAttempts } from "./limits.ts";
import { setUp, setupNeeded } from "./setup.ts";

const AUTH_BASE = "/api/auth";
/** better-auth's code for a wrong password or unknown email; its message is replaced by ours. */
const WRONG_CREDENTIALS = "INVALID_EMAIL_OR_PASSWORD";

const emailOf = (body: unknown): string =>
  typeof body === "object" &&
  body !== null &&
  typeof (body as { email?: unknown }).email === "string"
    ? (body as { email: string }).email
    : "";

/** The request as a web Request for better-auth, with the caller's address in our header. */
function webRequest(request: FastifyRequest, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.toLowerCase() === ADDRESS_HEADER) continue;
    for (const one of [value].flat()) headers.append(name, one);
  }
  headers.set(ADDRESS_HEADER, request.ip);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(new URL(request.url, base), {
    method: request.method,
    headers,
    body: hasBody && request.body !== undefined ? JSON.stringify(request.body) : undefined,
  });
}

/** Counts the attempt against the brute-force limits before better-auth sees it. */
async function chargeAttempt(limits: AttemptLimits, path: string, request: FastifyRequest) {
  const email = emailOf(request.body);
  if (path === "/sign-in/email") await limits.signIn(request.ip, email);
  else if (path === "/request-password-reset") await limits.reset(request.ip, email);
  else if (path === "/sign-up/email") await limits.signUp(request.ip);
}

/** Sends better-auth's answer through Fastify; a wrong password gets our wording. */
async function relay(response: Response, reply: FastifyReply, wrongPassword: () => Promise<void>) {
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    if (name.toLowerCase() !== "set-cookie") reply.header(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header("set-cookie", cookies);
  let text = response.body ? await response.text() : "";
  if (response.status === 401 && text.includes(WRONG_CREDENTIALS)) {
    await wrongPassword();
    text = JSON.stringify({ code: WRONG_CREDENTIALS, message: ACCOUNT_MESSAGES.wrongCredentials });
  }
  return reply.send(text);
}

/** `/api/auth/*` (better-auth), the first-run routes and what the sign-in pages may offer. */
export function accountRoutes(app: FastifyInstance, accounts: Accounts, limits: AttemptLimits) {
  app.route({
    method: ["GET", "POST"],
    url: `${AUTH_BASE}/*`,
    handler: async (request, reply) => {
      const path = (request.url.split("?")[0] ?? "").slice(AUTH_BASE.length);
      try {
        await chargeAttempt(limits, path, request);
      } catch (error) {
        if (!(error instanceof TooManyAttempts)) throw error;
        reply.header("Retry-After", String(Math.ceil(error.retryAfterMs / 1000)));
        return reply.code(429).send({ code: "TOO_MANY_ATTEMPTS", message: error.message });
      }
      const base = accounts.context.publicUrl() || "http://localhost";
      const response = await accounts.auth.handler(webRequest(request, base));
      return relay(response, reply, () => limits.failed(emailOf(request.body)));
    },
  });

  const zod = app.withTypeProvider<ZodTypeProvider>();
  zod.get("/api/setup", { schema: { response: { 200: setupStateSchema } } }, async () => ({
    needed: await setupNeeded(accounts),
  }));
  zod.post("/api/setup", { schema: { body: setupRequestSchema } }, async (request, reply) => {
    const { account, cookies } = await setUp(accounts, request.body, request.ip);
    return reply.code(201).header("set-cookie", cookies).send({ account });
  });
  zod.get("/api/accounts/options", { schema: { response: { 200: signInOptionsSchema } } }, () => {
    const { oidc } = accounts.context.config;
    return {
      sso: oidc ? { providerId: SSO_PROVIDER_ID, label: oidc.label } : null,
      passwordReset: accounts.mailer.enabled,
      invitationsByEmail: accounts.mailer.enabled,
    };
  });
  zod.get("/api/accounts/me", { schema: { response: { 200: meSchema } } }, async (request) => ({
    account: await accounts.accountOf(request.headers),
  }));
}
