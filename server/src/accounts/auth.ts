import { ACCOUNT_MESSAGES, type Account, SSO_PROVIDER_ID } from "@logic-canvas/shared";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins";
import type { AccountsConfig, OidcConfig } from "./config.ts";
import { type AccountsDatabase, TABLES } from "./database.ts";
import type { Mailer } from "./mail.ts";

/** How an account came to exist, for `onFirstSignIn`. */
export type SignInMethod = "setup" | "email-password" | "oidc";

export interface FirstSignIn {
  method: SignInMethod;
  /** True when SSO has an allowed domain and this email belongs to it (the domain rule). */
  inAllowedDomain: boolean;
}

/** What the rest of the app plugs into account events (the workspaces and identity parts). */
export interface AccountEvents {
  /** Runs once per account, right after it is created, before its first session. */
  firstSignIn(account: Account, how: FirstSignIn): Promise<void>;
}

export interface AuthParts {
  config: AccountsConfig;
  db: AccountsDatabase;
  mailer: Mailer;
  secret: string;
  baseUrl: string;
  /** Whether a browser page of this origin may post to the auth routes. */
  trustsOrigin: (origin: string) => boolean;
  /** Whether user creation may go ahead (the first account is made by the first-run page). */
  mayCreateAccount: (headers: Headers | undefined) => Promise<boolean>;
  /** The header the HTTP bridge sets to the caller's address (Fastify's `request.ip`). */
  addressHeader: string;
  events: AccountEvents;
  /** Reported when a hook fails, so a failure never blocks a sign-in silently. */
  onHookError: (event: string, error: unknown) => void;
  /** better-auth's own log lines, into the server's log (never a password or a token). */
  log: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

/** The session cookie's name is `<prefix>.session_token` (`__Secure-` in front over https). */
export const AUTH_COOKIE_PREFIX = "logic-canvas";

const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

export const inDomain = (oidc: OidcConfig | undefined, email: string): boolean =>
  oidc?.allowedDomain !== undefined && emailDomain(email) === oidc.allowedDomain;

function methodOf(path: string | undefined, setup: boolean): SignInMethod {
  if (setup) return "setup";
  return path?.startsWith("/callback") ? "oidc" : "email-password";
}

const ssoPlugins = (oidc: OidcConfig | undefined) =>
  oidc
    ? [
        genericOAuth({
          config: [
            {
              providerId: SSO_PROVIDER_ID,
              name: oidc.label,
              discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
              requireIdTokenVerification: true,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              scopes: ["openid", "email", "profile"],
              pkce: true,
            },
          ],
        }),
      ]
    : [];

/** The account hooks: the first-run gate, the domain rule, first sign-in and sign-in notices. */
function databaseHooks(parts: AuthParts, setupHeader: string): BetterAuthOptions["databaseHooks"] {
  const { config, mailer, events } = parts;
  return {
    user: {
      create: {
        before: async (_user, ctx) => {
          if (!(await parts.mayCreateAccount(ctx?.headers))) {
            throw new APIError("FORBIDDEN", { message: ACCOUNT_MESSAGES.setupNeeded });
          }
        },
        after: async (user, ctx) => {
          const account = { id: user.id, name: user.name, email: user.email };
          const how = {
            method: methodOf(ctx?.path, ctx?.headers?.has(setupHeader) ?? false),
            inAllowedDomain: inDomain(config.oidc, user.email),
          };
          await events
            .firstSignIn(account, how)
            .catch((e) => parts.onHookError("first-sign-in", e));
        },
      },
    },
    session: {
      create: {
        after: async (session, ctx) => {
          const path = ctx?.path ?? "";
          if (!mailer.enabled) return;
          if (path !== "/sign-in/email" && !path.startsWith("/callback")) return;
          const user = await ctx?.context.internalAdapter.findUserById(session.userId);
          // A brand-new SSO account's first session is its sign-up, not a sign-in to notice.
          const justMade = Date.now() - (user?.createdAt.getTime() ?? 0) < 60_000;
          if (!user || (path.startsWith("/callback") && justMade)) return;
          const from = {
            when: session.createdAt,
            address: session.ipAddress ?? undefined,
            userAgent: session.userAgent ?? undefined,
          };
          void mailer.sendSignInNotice(user.email, user.name, from);
        },
      },
    },
  };
}

/** better-auth, configured for this server. The header name marks the first-run call. */
export function createAuth(parts: AuthParts, setupHeader: string) {
  const { config, mailer } = parts;
  const options = {
    appName: "Logic Canvas",
    baseURL: parts.baseUrl,
    basePath: "/api/auth",
    secret: parts.secret,
    database: parts.db.handle,
    telemetry: { enabled: false },
    // "User not found" / "Invalid password" are routine: debug, so the log does not list who tried.
    logger: {
      level: "debug",
      log: (level, message) =>
        parts.log(level === "error" ? "error" : level === "warn" ? "debug" : level, message),
    },
    user: {
      modelName: TABLES.user,
      validateUserInfo: ({ user, source }) => {
        if (source.method !== "oauth" || !config.oidc?.allowedDomain) return;
        if (inDomain(config.oidc, String(user.email ?? ""))) return;
        return {
          error: "outside_domain",
          errorDescription: `${ACCOUNT_MESSAGES.ssoOutsideDomain} (${config.oidc.allowedDomain}).`,
        };
      },
    },
    session: { modelName: TABLES.session },
    account: { modelName: TABLES.account },
    verification: { modelName: TABLES.verification },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      // Sent in the background: an answer that waited for SMTP would tell that the account exists.
      sendResetPassword: mailer.enabled
        ? async ({ user, url }) => void mailer.sendPasswordReset(user.email, user.name, url)
        : undefined,
    },
    // Our own counters limit sign-in, reset and sign-up per address and per account (limits.ts),
    // in Redis when the server has it, so every process counts the same attempts.
    rateLimit: { enabled: false },
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      return origin && parts.trustsOrigin(origin) ? [origin] : [];
    },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: config.secureCookies ?? parts.baseUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [parts.addressHeader] },
    },
    databaseHooks: databaseHooks(parts, setupHeader),
    plugins: ssoPlugins(config.oidc),
  } satisfies BetterAuthOptions;
  return { auth: betterAuth(options), options };
}

export type Auth = ReturnType<typeof createAuth>["auth"];
