import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Account, ModelCreationPolicy, Role } from "@logic-canvas/shared";
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccountLookup } from "../access/account-lookup.ts";
import { type Person, personFromRequest, personOfAccount } from "../access/identity.ts";
import type { GoalIndex } from "../cascade/goal-index.ts";
import type { CascadeHub } from "../cascade/hub.ts";
import type { ProgressCache } from "../cascade/progress-cache.ts";
import type { ModelService } from "../models/models.ts";
import type { InboxHub } from "../notifications/hub.ts";
import type { NotificationService } from "../notifications/service.ts";
import type { Sign } from "../notifications/unsubscribe-token.ts";
import type { ActivityRecorder } from "../revisions/recorder.ts";
import type { Limits } from "../runtime/config.ts";
import type { Store } from "../storage/types.ts";
import type { VersionService } from "../versions/service.ts";
import type { CanvasSnapshots } from "./canvas-snapshots.ts";
import type { GraphSummaries } from "./graph-cache.ts";
import { ApiError } from "./respond.ts";
import { type Authorize, authorizer, type ModelAccess, modelIdOf } from "./routes.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's access to the model, set by `requireRole` before the body is read. */
    access: ModelAccess | null;
  }
}

export interface ApiDeps {
  store: Store;
  hocuspocus: Hocuspocus;
  models: ModelService;
  versions: VersionService;
  activity: ActivityRecorder;
  limits: Limits;
  graphs: GraphSummaries;
  /** The canvas's first layer per model (`canvas-snapshots.ts`). */
  snapshots: CanvasSnapshots;
  /** The goals cascade: change notices and the goal digests (server/src/cascade). */
  cascade: { hub: CascadeHub; goals: GoalIndex; progress: ProgressCache };
  /**
   * The inbox: who hears that a person's inbox changed, whether mail can be sent (digests), and
   * the signer of unsubscribe links.
   */
  inbox: { hub: InboxHub; service: NotificationService; mailEnabled: boolean; sign: Sign };
  /** Counts a model created without a link against the hourly quotas, or refuses it. */
  chargeCreation: (request: FastifyRequest) => Promise<void>;
  /** Refuses new content once the store is full. */
  checkDataQuota: () => Promise<void>;
  /** Base of share links, e.g. http://127.0.0.1:8787. */
  publicUrl: () => string;
  health: () => Record<string, unknown>;
  /** The signed-in account behind a request (session cookie), or null for a link-only person. */
  accountOf: AccountLookup;
  /** Who may create models (`MODEL_CREATION`). */
  modelCreation: ModelCreationPolicy;
  /** Sends an invitation by email when SMTP is configured; null when it is not. */
  sendInvitation: SendInvitation | null;
  /**
   * Closes what a person's lowered workspace role no longer allows, on every process; null: of
   * everyone signed in (a workspace moved).
   */
  accessChanged: (accountId: string | null) => void;
}

/** Emails an invitation link (the accounts' mailer); resolves with whether it was sent. */
export type SendInvitation = (invitation: {
  to: string;
  url: string;
  workspaceName: string;
  role: string;
  invitedBy: string;
}) => Promise<boolean>;

/** The app as routes see it: request schemas are zod schemas (`fastify-type-provider-zod`). */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What each resource's routes get: the app with zod schemas, the deps, and `requireRole`. */
export interface RouteKit {
  app: ZodApp;
  deps: ApiDeps;
  authorize: Authorize;
  /** An onRequest hook: the model id must be ours and the token's role at least `minimum`. */
  requireRole: (minimum: Role) => (request: FastifyRequest) => Promise<void>;
  /** The access `requireRole` found. */
  accessOf: (request: FastifyRequest) => ModelAccess;
  /** The signed-in account behind the request, or null. */
  accountOf: (request: FastifyRequest) => Promise<Account | null>;
  /**
   * Who is acting, for versions and the revision log: the signed-in account, else the person
   * the browser's headers name (identity.ts), else nobody.
   */
  personOf: (request: FastifyRequest) => Promise<Person | null>;
}

export function shareLink(base: string, modelId: string, token: string): string {
  // The token lives in the fragment, which browsers never send to the server or its logs.
  return `${base}/m/${modelId}#token=${token}`;
}

export function routeKit(app: FastifyInstance, deps: ApiDeps): RouteKit {
  const authorize = authorizer(deps.store, deps.accountOf);
  // requireRole has looked the account up already where it ran.
  const accountOf = async (request: FastifyRequest) =>
    request.access ? request.access.account : deps.accountOf(request.headers);
  return {
    app: app.withTypeProvider<ZodTypeProvider>(),
    deps,
    authorize,
    // Runs before the body is read, so nobody without a link can make the server buffer one.
    requireRole: (minimum) => async (request) => {
      request.access = await authorize(request, modelIdOf(request.params), minimum);
    },
    accessOf: (request) => {
      if (!request.access) throw new ApiError(401, "unauthorized", "Send the link's token.");
      return request.access;
    },
    accountOf,
    personOf: async (request) => {
      const account = await accountOf(request);
      return account ? personOfAccount(account) : personFromRequest(request.raw);
    },
  };
}
