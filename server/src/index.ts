import type { Hocuspocus } from "@hocuspocus/server";
import type { ConnectionRegistry } from "./access/connection-registry.ts";
import type { Accounts } from "./accounts/accounts.ts";
import type { DocumentPersistence } from "./documents/persistence.ts";
import type { ModelService } from "./models/models.ts";
import type { DailySweep } from "./notifications/daily-sweep.ts";
import type { DigestSender } from "./notifications/digests.ts";
import type { ActivityRecorder } from "./revisions/recorder.ts";
import { resolveConfig, type ServerConfig, type ServerOptions } from "./runtime/config.ts";
import { createLogger, errorText, type Logger } from "./runtime/logger.ts";
import type { Cluster } from "./scale/cluster.ts";
import { startDocuments } from "./startup/documents.ts";
import { openEndpoints } from "./startup/endpoints.ts";
import { createHttp, type Listening, listen } from "./startup/http.ts";
import { shutdown } from "./startup/shutdown.ts";
import { openStorage } from "./startup/storage.ts";
import type { Store } from "./storage/types.ts";
import type { VersionService } from "./versions/service.ts";
import type { UpgradeRouter } from "./ws/upgrade-router.ts";

export { type AccountHooks, Accounts } from "./accounts/accounts.ts";
export type { FirstSignIn, SignInMethod } from "./accounts/auth.ts";
export type { AccountsOptions, OidcConfig } from "./accounts/config.ts";
export type { Mailer } from "./accounts/mail.ts";
export { type Access, resolveAccess } from "./extensions/auth.ts";
export { VALIDATORS } from "./extensions/write-gate.ts";
export {
  CLOSE_REASONS,
  type CloseCode,
  closeReason,
  parseCloseReason,
} from "./runtime/close-reasons.ts";
export type { Limits, ServerConfig, ServerOptions } from "./runtime/config.ts";
export { optionsFromEnv, resolveConfig } from "./runtime/config.ts";
export type { Store } from "./storage/types.ts";

export interface RunningServer {
  /** http://HOST:PORT as the server listens. */
  url: string;
  port: number;
  host: string;
  /** Base of share links (PUBLIC_URL, or `url`). */
  publicUrl: string;
  config: ServerConfig;
  store: Store;
  hocuspocus: Hocuspocus;
  models: ModelService;
  persistence: DocumentPersistence;
  versions: VersionService;
  activity: ActivityRecorder;
  /** Live document connections, to close them on revoke/delete. */
  registry: ConnectionRegistry;
  /** People and sign-in: `accounts.accountOf(headers)`, `accounts.hooks`, `accounts.mailer`. */
  accounts: Accounts;
  /** With REDIS_URL: this process's part in sharing live documents with the others. */
  cluster: Cluster | undefined;
  /** Email digests of inboxes: `digests.runOnce(now)` sends those due at `now`. */
  digests: DigestSender;
  /** The daily sweep: `dailySweep.runOnce(now)` rings activity owners on a check-in day and owners of goals that time put off track. */
  dailySweep: DailySweep;
  /** Register further WebSocket endpoints here (e.g. `/yjs/<id>`). */
  upgrades: UpgradeRouter;
  logger: Logger;
  /** Graceful stop: closes connections with `server-shutdown`, waits for storage, closes the DB. */
  close(): Promise<void>;
}

/** Test-only seams that are not configuration (fault-injection tests wrap the store). */
export interface ServerHooks {
  wrapStore?: (store: Store) => Store;
}

/**
 * The server as the composition of its parts, in the order they depend on each other: storage,
 * the live documents (Hocuspocus, its extensions and services), the WebSocket endpoints, the HTTP
 * layer, then listening; `close` undoes them (startup/shutdown.ts).
 */
export async function startServer(
  options: ServerOptions = {},
  hooks: ServerHooks = {},
): Promise<RunningServer> {
  const config = resolveConfig(options);
  const logger = createLogger(config.logLevel);
  // Origins and the public URL depend on the port, known once the server listens.
  let listening: Listening | undefined;
  const listened = {
    publicUrl: () => listening?.publicUrl ?? "",
    trustsOrigin: (origin: string) => listening?.allowedOrigins(origin) ?? false,
  };
  const storage = await openStorage(config, logger, listened, hooks.wrapStore);
  const documents = startDocuments(config, storage, logger);
  const endpoints = openEndpoints(
    config,
    documents,
    (origin) => listening?.allowedOrigins(origin) ?? false,
    logger,
  );
  const http = await createHttp(
    config,
    storage,
    documents,
    () => listening?.publicUrl ?? "",
    logger,
  );
  http.server.on("upgrade", endpoints.upgrades.handle);
  try {
    listening = await listen(config, http.server);
  } catch (error) {
    http.redis?.disconnect();
    await documents.slots.close();
    await storage.accounts.close();
    await storage.store.close();
    throw error;
  }
  logger.info("listening", { url: listening.url, dataDir: config.dataDir });
  // The cascade's first roll-up or map after a start reads from memory: warmed in the
  // background, never delaying listen.
  const warming = performance.now();
  void documents.cascade.goals
    .warm()
    .then(({ models, kept }) =>
      logger.info("cascade goals warmed", {
        models,
        fromKeptDigests: kept,
        ms: Math.round(performance.now() - warming),
      }),
    )
    .catch((error: unknown) => logger.warn("cascade warm-up failed", { error: errorText(error) }));

  return {
    url: listening.url,
    port: listening.port,
    host: config.host,
    publicUrl: listening.publicUrl,
    config,
    store: storage.store,
    hocuspocus: documents.hocuspocus,
    models: documents.models,
    persistence: documents.persistence,
    versions: documents.versions,
    activity: documents.activity,
    registry: storage.registry,
    accounts: storage.accounts,
    cluster: storage.cluster,
    upgrades: endpoints.upgrades,
    digests: http.digests,
    dailySweep: http.dailySweep,
    logger,
    close: shutdown(storage, documents, endpoints, http, logger),
  };
}
