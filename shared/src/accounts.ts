import { z } from "zod";

/** A signed-in person as every part of the app sees them: a stable id, a name and an email. */
export const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** Passwords: better-auth's bounds, stated once so the pages can say them before sending. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** `POST /api/setup`: the first administrator and the district they set up. */
export const setupRequestSchema = z.object({
  email: z.email("Enter a valid email address."),
  password: z
    .string()
    .min(PASSWORD_MIN, `The password needs at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `The password can have at most ${PASSWORD_MAX} characters.`),
  name: z.string().trim().min(1, "Enter your name.").max(100),
  district: z.string().trim().min(1, "Enter the district's name.").max(200),
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

/** `GET /api/setup`: whether this server still waits for its first administrator. */
export const setupStateSchema = z.object({ needed: z.boolean() });
export type SetupState = z.infer<typeof setupStateSchema>;

/** `GET /api/accounts/options`: what the sign-in pages may offer on this server. */
export const signInOptionsSchema = z.object({
  /** With OIDC configured: the provider id to pass to sign-in and a label for its button. */
  sso: z.object({ providerId: z.string(), label: z.string() }).nullable(),
  /** Password reset by email needs SMTP; without it, an administrator resets passwords. */
  passwordReset: z.boolean(),
  /** Whether invitations go out by email (SMTP) or are links the inviter copies. */
  invitationsByEmail: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

/** `GET /api/accounts/me`: the signed-in account, or null for a link-only visitor. */
export const meSchema = z.object({ account: accountSchema.nullable() });

/**
 * Messages the account routes answer with, in words. A wrong password and an unknown email get
 * the same one, so a sign-in attempt never tells whether an account exists.
 */
export const ACCOUNT_MESSAGES = {
  wrongCredentials: "Wrong email or password.",
  setupDone: "This server is already set up.",
  setupNeeded: "This server has no administrator yet: set it up first at /account/setup.",
  tooManySignIns: "Too many sign-in attempts",
  tooManyResets: "Too many password reset requests",
  ssoOutsideDomain: "Sign in with an account of your district's domain",
} as const;

/** The SSO provider id better-auth routes under (`/api/auth/callback/oidc`). */
export const SSO_PROVIDER_ID = "oidc";
