import { createHmac, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import type { Account } from "@logic-canvas/shared";
import { getSessionCookie } from "better-auth/cookies";
import { getMigrations } from "better-auth/db/migration";
import type { ServerConfig } from "../runtime/config.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import { isPostgresUrl } from "../storage/postgres/index.ts";
import { AUTH_COOKIE_PREFIX, type Auth, createAuth, type FirstSignIn } from "./auth.ts";
import type { AccountsConfig } from "./config.ts";
import { type AccountsDatabase, openPostgresAccounts, openSqliteAccounts } from "./database.ts";
import { createMailer, type Mailer } from "./mail.ts";

/** What other parts of the server plug in (the workspaces part fills these at startup). */
export interface AccountHooks {
  /** Once per account, right after it is created (setup, sign-up or first SSO sign-in). */
  onFirstSignIn?: (account: Account, how: FirstSignIn) => Promise<void>;
  /** Once per server: the first administrator and the name of the district they set up. */
  onSetup?: (admin: Account, district: { name: string }) => Promise<void>;
}

export interface AccountsContext {
  config: AccountsConfig;
  logger: Logger;
  /** Base of links (PUBLIC_URL or the listening URL); known once the server listens. */
  publicUrl: () => string;
  /** The WebSocket origin rule, reused for which pages may post to the auth routes. */
  trustsOrigin: (origin: string) => boolean;
}

const SECRET_KEY = "auth_secret";
export const SETUP_KEY = "setup";
/** The header the HTTP bridge sets to Fastify's `request.ip` (any incoming one is dropped). */
export const ADDRESS_HEADER = "x-logic-canvas-client-address";

const toHeaders = (headers: IncomingHttpHeaders | Headers): Headers => {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) result.append(name, one);
  }
  return result;
};

/**
 * People and sign-in (better-auth) for one server: its database connection, mail, and the
 * auth instance, made on first use because better-auth needs the public URL, known only once
 * the server listens.
 */
export class Accounts {
  readonly hooks: AccountHooks = {};
  /** Marks better-auth calls made by the first-run page (a per-process random header name). */
  readonly setupHeader = `x-logic-canvas-setup-${randomBytes(12).toString("hex")}`;
  private built: Auth | undefined;

  private constructor(
    readonly context: AccountsContext,
    readonly db: AccountsDatabase,
    readonly mailer: Mailer,
    private readonly secret: string,
  ) {}

  static async open(server: ServerConfig, context: AccountsContext): Promise<Accounts> {
    const db = isPostgresUrl(server.databaseUrl)
      ? await openPostgresAccounts(server.databaseUrl, server.databaseSchema)
      : openSqliteAccounts(join(server.dataDir, "logic-canvas.sqlite"));
    try {
      const secret = context.config.secret ?? (await storedSecret(db));
      const mailer = createMailer(context.config.smtpUrl, context.config.mailFrom, context.logger);
      const accounts = new Accounts(context, db, mailer, secret);
      const { options } = accounts.make("http://localhost");
      await db.exclusive(async () => (await getMigrations(options)).runMigrations());
      return accounts;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /**
   * An HMAC of `value` for `purpose` under the server's auth secret (base64url): links that act
   * without a sign-in, such as a digest's unsubscribe link, carry it so they cannot be forged.
   */
  signature(purpose: string, value: string): string {
    return createHmac("sha256", this.secret).update(`${purpose}\n${value}`).digest("base64url");
  }

  /** The better-auth instance (`auth.api.*`, `auth.handler`). */
  get auth(): Auth {
    this.built ??= this.make(this.context.publicUrl()).auth;
    return this.built;
  }

  private make(baseUrl: string) {
    return createAuth(
      {
        config: this.context.config,
        db: this.db,
        mailer: this.mailer,
        secret: this.secret,
        baseUrl,
        trustsOrigin: this.context.trustsOrigin,
        mayCreateAccount: (headers) => this.mayCreateAccount(headers),
        addressHeader: ADDRESS_HEADER,
        events: {
          firstSignIn: async (account, how) => this.hooks.onFirstSignIn?.(account, how),
        },
        log: (level, message) => this.context.logger[level]("better-auth", { message }),
        onHookError: (event, error) =>
          this.context.logger.error("account-hook-failed", { event, error: errorText(error) }),
      },
      this.setupHeader,
    );
  }

  /** The signed-in account of a request or WebSocket upgrade (its session cookie), or null. */
  async accountOf(headers: IncomingHttpHeaders | Headers): Promise<Account | null> {
    const asked = toHeaders(headers);
    if (!getSessionCookie(asked, { cookiePrefix: AUTH_COOKIE_PREFIX })) return null;
    const session = await this.auth.api.getSession({ headers: asked });
    if (!session) return null;
    const { id, name, email } = session.user;
    return { id, name, email };
  }

  /** Whether the first-run page has made this server's first administrator. */
  async isSetUp(): Promise<boolean> {
    const setup = await this.db.getSetting(SETUP_KEY);
    return setup !== undefined && !JSON.parse(setup).pending;
  }

  private async mayCreateAccount(headers: Headers | undefined): Promise<boolean> {
    return headers?.has(this.setupHeader) === true || (await this.isSetUp());
  }

  async close(): Promise<void> {
    this.mailer.close();
    await this.db.close();
  }
}

/** The cookie secret made once and kept in the database, shared by every process. */
async function storedSecret(db: AccountsDatabase): Promise<string> {
  await db.claimSetting(SECRET_KEY, randomBytes(32).toString("base64url"));
  const secret = await db.getSetting(SECRET_KEY);
  if (!secret) throw new Error("The accounts' secret could not be stored");
  return secret;
}
