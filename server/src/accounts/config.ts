/** Accounts configuration: sign-in limits, mail and single sign-on, read from the environment. */

export interface SignInLimits {
  /** Sign-in attempts one address may make per window. */
  signInsPerAddress: number;
  /** Failed sign-ins one account (email) may have per window; then it waits, whoever tries. */
  failedSignInsPerAccount: number;
  /** Password reset requests per window, per address and per account. */
  resetsPerAddress: number;
  resetsPerAccount: number;
  /** Accounts one address may create per window. */
  signUpsPerAddress: number;
  /** The window of all these counts (seconds). */
  windowSeconds: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** With a domain, only its people may sign in by SSO, and they join the district. */
  allowedDomain: string | undefined;
  /** The button's label on the sign-in page. */
  label: string;
}

export interface AccountsConfig {
  /** smtp(s)://user:pass@host:port: mail goes out; without it, none does. */
  smtpUrl: string | undefined;
  /** The From: of every mail. */
  mailFrom: string;
  oidc: OidcConfig | undefined;
  /** Signs session cookies; without it one is made once and kept in the database. */
  secret: string | undefined;
  /** Secure cookies; by default when the public URL is https. */
  secureCookies: boolean | undefined;
  limits: SignInLimits;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  signInsPerAddress: 30,
  failedSignInsPerAccount: 10,
  resetsPerAddress: 10,
  resetsPerAccount: 3,
  signUpsPerAddress: 20,
  windowSeconds: 15 * 60,
};

export type AccountsOptions = Partial<Omit<AccountsConfig, "limits">> & {
  limits?: Partial<SignInLimits>;
};

export function resolveAccountsConfig(options: AccountsOptions = {}): AccountsConfig {
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    smtpUrl: options.smtpUrl,
    mailFrom: options.mailFrom ?? "Logic Canvas <no-reply@localhost>",
    oidc: options.oidc,
    secret: options.secret,
    secureCookies: options.secureCookies,
    limits: { ...DEFAULT_SIGN_IN_LIMITS, ...defined(options.limits ?? {}) },
  };
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error("Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
  }
  if (!/^https?:\/\//.test(issuer)) throw new Error(`OIDC_ISSUER must be a URL, got "${issuer}"`);
  const domain = env.OIDC_ALLOWED_DOMAIN?.trim().toLowerCase().replace(/^@/, "");
  return {
    issuer: issuer.replace(/\/$/, ""),
    clientId,
    clientSecret,
    allowedDomain: domain || undefined,
    label: env.OIDC_LABEL || "Sign in with your district account",
  };
}

function booleanFromEnv(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return undefined;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** The variables documented in the README (SMTP_URL, MAIL_FROM, OIDC_*, AUTH_SECRET, …). */
export function accountsOptionsFromEnv(env: NodeJS.ProcessEnv): AccountsOptions {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  }
  return {
    smtpUrl,
    mailFrom: env.MAIL_FROM || undefined,
    oidc: oidcFromEnv(env),
    secret: env.AUTH_SECRET || env.BETTER_AUTH_SECRET || undefined,
    secureCookies: booleanFromEnv(env, "SECURE_COOKIES"),
  };
}
