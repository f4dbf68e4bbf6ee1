import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Hocuspocus } from "@hocuspocus/server";
import { Redis } from "ioredis";
import { CLOSE_REASONS, shortReason } from "./close-reasons.ts";
import { resolveConfig, type ServerConfig, type ServerOptions } from "./config.ts";
import { ConnectionRegistry } from "./connection-registry.ts";
import { authExtension } from "./extensions/auth.ts";
import { awarenessStamp } from "./extensions/awareness-stamp.ts";
import { ConnectionAdmission, limitsExtension } from "./extensions/limits.ts";
import { loggingExtension } from "./extensions/logging.ts";
import { persistenceExtension } from "./extensions/persistence.ts";
import { writeGate } from "./extensions/write-gate.ts";
import { createHttpApp } from "./http/app.ts";
import { GraphSummaries } from "./http/graph-cache.ts";
import { creationQuotas, dataQuota } from "./http/quotas.ts";
import { SummaryWorker } from "./http/summary-pool.ts";
import { createLogger, type Logger } from "./logger.ts";
import { ModelService } from "./models.ts";
import { DocumentPersistence } from "./persistence.ts";
import { revisionLog } from "./revisions/extension.ts";
import { ActivityRecorder } from "./revisions/recorder.ts";
import { type Cluster, startCluster } from "./scale/cluster.ts";
import { isPostgresUrl, PostgresStore } from "./storage/postgres/index.ts";
import { SqliteStore } from "./storage/sqlite.ts";
import type { Store } from "./storage/types.ts";
import { autoVersions } from "./versions/extension.ts";
import { VersionService } from "./versions/service.ts";
import { collabEndpoint } from "./ws/collab.ts";
import { createSlotCounter } from "./ws/shared-slots.ts";
import { SocketGuard } from "./ws/socket-guard.ts";
import { originChecker, UpgradeRouter } from "./ws/upgrade-router.ts";
import { yjsEndpoint } from "./ws/yjs-endpoint.ts";

export { CLOSE_REASONS, type CloseCode, closeReason, parseCloseReason } from "./close-reasons.ts";
export type { Limits, ServerConfig, ServerOptions } from "./config.ts";
export { optionsFromEnv, resolveConfig } from "./config.ts";
export { type Access, resolveAccess } from "./extensions/auth.ts";
export { VALIDATORS } from "./extensions/write-gate.ts";
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
  /** With REDIS_URL: this process's part in sharing live documents with the others. */
  cluster: Cluster | undefined;
  /** Register further WebSocket endpoints here (e.g. `/yjs/<id>`). */
  upgrades: UpgradeRouter;
  logger: Logger;
  /** Graceful stop: closes connections with `server-shutdown`, waits for storage, closes the DB. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Test-only seams that are not configuration (fault-injection tests wrap the store). */
export interface ServerHooks {
  wrapStore?: (store: Store) => Store;
}

export async function startServer(
  options: ServerOptions = {},
  hooks: ServerHooks = {},
): Promise<RunningServer> {
  const config = resolveConfig(options);
  const logger = createLogger(config.logLevel);
  const opened: Store = isPostgresUrl(config.databaseUrl)
    ? await PostgresStore.open(config.databaseUrl, { schema: config.databaseSchema })
    : new SqliteStore(join(config.dataDir, "logic-canvas.sqlite"), {
        synchronous: config.sqliteSynchronous,
      });
  const store = hooks.wrapStore ? hooks.wrapStore(opened) : opened;
  const cluster = config.redisUrl
    ? await startCluster(
        { url: config.redisUrl, prefix: config.redisPrefix, resyncMs: config.redisResyncMs },
        store,
        logger,
      ).catch(async (error) => {
        await store.close();
        throw error;
      })
    : undefined;
  const registry = cluster?.registry ?? new ConnectionRegistry();
  const persistence = new DocumentPersistence(store, logger, config.compactAfterUpdates);
  const activity = new ActivityRecorder(store, logger, config.activityMergeMs);
  // The version service needs the model service, which needs Hocuspocus: bound just below.
  let versions: VersionService | undefined;

  const slots = createSlotCounter(
    {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      leaseMs: config.limits.connectionLeaseMs,
    },
    logger,
  );
  // One process counts its own unauthenticated sockets exactly; several also share the count.
  const guard = new SocketGuard(config.limits, logger, config.redisUrl ? slots : undefined);
  const admission = new ConnectionAdmission(config.limits, slots, logger, guard);
  const hocuspocus = new Hocuspocus({
    name: "logic-canvas",
    quiet: true,
    maxUnauthenticatedQueueMessages: config.limits.preAuthQueueMessages,
    maxUnauthenticatedQueueSize: config.limits.preAuthQueueBytes,
    extensions: [
      loggingExtension(logger),
      authExtension(store, registry, logger, admission),
      limitsExtension(),
      writeGate(persistence, logger),
      awarenessStamp(logger),
      persistenceExtension(persistence),
      revisionLog(activity, logger),
      autoVersions({ changed: (modelId) => versions?.changed(modelId) }),
      ...(cluster?.extensions ?? []),
    ],
  });
  cluster?.bind({ persistence });
  const models = new ModelService(store, hocuspocus, persistence, registry);
  versions = new VersionService(store, hocuspocus, models, logger, {
    quietMs: config.autoVersionQuietMs,
    keep: config.autoVersionKeep,
    claimAutoVersion: cluster
      ? (modelId) => cluster.claimAutoVersion(modelId, config.autoVersionQuietMs)
      : undefined,
  });
  const versionService = versions;

  let publicUrl = "";
  let allowedOrigins: (origin: string | undefined) => boolean = () => false;
  const upgrades = new UpgradeRouter((origin) => allowedOrigins(origin), logger);
  const collab = collabEndpoint(
    hocuspocus,
    { maxPayloadBytes: config.limits.maxPayloadBytes },
    guard,
    logger,
  );
  upgrades.register("/collab", collab.handler);
  const yjs = yjsEndpoint(
    hocuspocus,
    { maxPayloadBytes: config.limits.maxPayloadBytes },
    guard,
    logger,
  );
  upgrades.register(yjs.matches, yjs.handler);

  // The HTTP layer's own Redis connection (rate and quota counters); it fails fast when Redis is
  // away, and the counters then fall back to this process alone.
  const httpRedis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  httpRedis?.on("error", () => {});
  const summaryWorker = new SummaryWorker(logger);
  const graphs = new GraphSummaries(store, hocuspocus, summaryWorker);
  let app: Awaited<ReturnType<typeof createHttpApp>>;
  try {
    app = await createHttpApp({
      deps: {
        store,
        hocuspocus,
        models,
        versions: versionService,
        activity,
        limits: config.limits,
        graphs,
        chargeCreation: creationQuotas(config.limits, httpRedis, config.redisPrefix),
        checkDataQuota: dataQuota(
          config.limits,
          config.dataDir,
          !isPostgresUrl(config.databaseUrl),
        ),
        publicUrl: () => publicUrl,
        health: () => ({
          documents: hocuspocus.getDocumentsCount(),
          connections: hocuspocus.getConnectionsCount(),
        }),
      },
      limits: config.limits,
      clientDist: config.clientDist,
      logger,
      redis: httpRedis,
      redisPrefix: config.redisPrefix,
    });
  } catch (error) {
    httpRedis?.disconnect();
    await store.close();
    throw error;
  }
  const httpServer: Server = app.server;
  httpServer.on("upgrade", upgrades.handle);

  let address: AddressInfo;
  try {
    address = await listen(httpServer, config.port, config.host);
  } catch (error) {
    httpRedis?.disconnect();
    await slots.close();
    await store.close();
    throw error;
  }
  const host = config.host;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  const wildcard = host === "0.0.0.0" || host === "::";
  publicUrl = (config.publicUrl ?? (wildcard ? `http://localhost:${address.port}` : url)).replace(
    /\/$/,
    "",
  );
  allowedOrigins = originChecker(
    config.allowedOrigins ?? [
      url,
      publicUrl,
      `http://localhost:${address.port}`,
      `http://127.0.0.1:${address.port}`,
      "http://localhost:5173",
      "http://127.0.0.1:5173",
    ],
  );
  logger.info("listening", { url, dataDir: config.dataDir });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      httpServer.close();
      registry.closeAll("server-shutdown");
      for (const ws of collab.sockets.clients) {
        ws.close(CLOSE_REASONS["server-shutdown"].wsCode, shortReason("server-shutdown"));
      }
      const deadline = Date.now() + 5_000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await persistence.close();
      await versionService.close();
      await activity.close();
      for (const ws of collab.sockets.clients) ws.terminate();
      collab.sockets.close();
      for (const ws of yjs.sockets.clients) ws.terminate();
      yjs.sockets.close();
      await cluster?.close();
      await slots.close();
      httpServer.closeAllConnections();
      httpRedis?.disconnect();
      await summaryWorker.close();
      await store.close();
      logger.info("stopped", {});
    })();
    return closing;
  };

  return {
    url,
    port: address.port,
    host,
    publicUrl,
    config,
    store,
    hocuspocus,
    models,
    persistence,
    versions: versionService,
    activity,
    registry,
    cluster,
    upgrades,
    logger,
    close,
  };
}
