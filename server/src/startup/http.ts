import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { attemptLimits } from "../accounts/limits.ts";
import { createHttpApp } from "../http/app.ts";
import { CanvasSnapshots } from "../http/canvas-snapshots.ts";
import { GraphSummaries } from "../http/graph-cache.ts";
import { creationQuotas, dataQuota } from "../http/quotas.ts";
import { SummaryWorker } from "../http/summary-pool.ts";
import { DailySweep } from "../notifications/daily-sweep.ts";
import { DIGEST_CHECK_MS, DigestSender } from "../notifications/digests.ts";
import type { ServerConfig } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { isPostgresUrl } from "../storage/postgres/index.ts";
import { originChecker } from "../ws/upgrade-router.ts";
import type { LiveDocuments } from "./documents.ts";
import type { Storage } from "./storage.ts";

export interface HttpLayer {
  server: Server;
  /** The HTTP layer's own Redis connection (rate and quota counters), if any. */
  redis: Redis | undefined;
  summaryWorker: SummaryWorker;
  /** Email digests of people's inboxes (runs only with SMTP). */
  digests: DigestSender;
  /** Rings activity owners on their model's check-in day. */
  dailySweep: DailySweep;
}

/**
 * The Fastify app of the JSON API and the client's files. `publicUrl` is known once the server
 * listens. Its own Redis connection fails fast when Redis is away, and the counters then fall
 * back to this process alone; it is dropped (and the store closed) if the app cannot be built.
 */
export async function createHttp(
  config: ServerConfig,
  { store, registry, accountOf, accounts }: Storage,
  { hocuspocus, models, versions, activity, cascade, inbox, persistence }: LiveDocuments,
  publicUrl: () => string,
  logger: Logger,
): Promise<HttpLayer> {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  redis?.on("error", () => {});
  const summaryWorker = new SummaryWorker(logger);
  const graphs = new GraphSummaries(store, hocuspocus, summaryWorker);
  const snapshots = new CanvasSnapshots(store, hocuspocus, summaryWorker);
  readWhileDecoded({ models, persistence, cascade }, snapshots);
  try {
    const app = await createHttpApp({
      deps: {
        store,
        hocuspocus,
        models,
        versions,
        activity,
        limits: config.limits,
        graphs,
        snapshots,
        cascade,
        inbox: {
          hub: inbox.hub,
          service: inbox.service,
          mailEnabled: accounts.mailer.enabled,
          sign: (purpose, value) => accounts.signature(purpose, value),
        },
        chargeCreation: creationQuotas(config.limits, redis, config.redisPrefix),
        checkDataQuota: dataQuota(
          config.limits,
          config.dataDir,
          !isPostgresUrl(config.databaseUrl),
        ),
        publicUrl,
        health: () => ({
          documents: hocuspocus.getDocumentsCount(),
          connections: hocuspocus.getConnectionsCount(),
        }),
        accountOf,
        modelCreation: config.modelCreation,
        sendInvitation: accounts.mailer.enabled
          ? (i) => accounts.mailer.sendInvitation(i.to, i.url, i.invitedBy, i.workspaceName)
          : null,
        accessChanged: (accountId) => void registry.recheckAccount(accountId),
      },
      limits: config.limits,
      accounts,
      attemptLimits: attemptLimits(config.accounts.limits, redis, config.redisPrefix),
      clientDist: config.clientDist,
      logger,
      redis,
      redisPrefix: config.redisPrefix,
    });
    const digests = new DigestSender({
      store,
      mailer: accounts.mailer,
      sign: (purpose, value) => accounts.signature(purpose, value),
      publicUrl,
      logger,
    });
    digests.start();
    const dailySweep = new DailySweep(store, graphs, inbox.service, logger);
    dailySweep.start(DIGEST_CHECK_MS);
    return { server: app.server, redis, summaryWorker, digests, dailySweep };
  } catch (error) {
    redis?.disconnect();
    await accounts.close();
    await store.close();
    throw error;
  }
}

function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export interface Listening {
  url: string;
  port: number;
  publicUrl: string;
  allowedOrigins: (origin: string | undefined) => boolean;
}

/**
 * Listens, and derives from the port what depends on it: the URL, the base of share links
 * (PUBLIC_URL, or the URL) and the origins allowed to open a socket.
 */
export async function listen(config: ServerConfig, server: Server): Promise<Listening> {
  const address = await listenOn(server, config.port, config.host);
  const host = config.host;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  const wildcard = host === "0.0.0.0" || host === "::";
  const publicUrl = (
    config.publicUrl ?? (wildcard ? `http://localhost:${address.port}` : url)
  ).replace(/\/$/, "");
  const allowedOrigins = originChecker(
    config.allowedOrigins ?? [
      url,
      publicUrl,
      `http://localhost:${address.port}`,
      `http://127.0.0.1:${address.port}`,
      "http://localhost:5173",
      "http://127.0.0.1:5173",
    ],
  );
  return { url, port: address.port, publicUrl, allowedOrigins };
}

/**
 * Where a graph document is decoded anyway (a model just created, a compaction), the canvas
 * snapshot and the cascade's kept digest are read from it then, rather than decoding it again
 * later.
 */
function readWhileDecoded(
  { models, persistence, cascade }: Pick<LiveDocuments, "models" | "persistence" | "cascade">,
  snapshots: CanvasSnapshots,
): void {
  models.onGraphCreated = (modelId, doc) => snapshots.created(modelId, doc);
  persistence.onGraphCompacted = (modelId, doc, seq) => {
    cascade.goals.compacted(modelId, doc, seq);
    snapshots.compacted(modelId, doc, seq);
  };
}
