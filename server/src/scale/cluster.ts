import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";
import { Redis } from "ioredis";
import type { CascadeHub } from "../cascade/hub.ts";
import type { DocumentPersistence } from "../documents/persistence.ts";
import type { InboxHub } from "../notifications/hub.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";
import { ClusterRegistry, type ControlEvent, parseControlEvent } from "./control.ts";
import { StoreResync } from "./resync.ts";

export interface ClusterOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** Namespace of channels and keys, so deployments (and test runs) sharing a Redis stay apart. */
  prefix: string;
  /** Period of the store resync and link check; 0 turns it off (reconnects still resync). */
  resyncMs: number;
}

/**
 * Several server processes serving the same documents. Live documents are shared through
 * Hocuspocus's Redis extension (it publishes a state vector on every change and peers answer with
 * what the publisher lacks, so one lost message is repaired by the next change). Storage needs no
 * coordination: each process appends the updates it accepts to the shared store before
 * acknowledging them, and compaction is a compare-and-set on the snapshot (see persistence.ts).
 * What Redis cannot guarantee (delivery) is covered by `StoreResync`; what the registry knows only
 * locally (revocations, deletions) travels on a control channel and is re-checked on each pass.
 */
export interface Cluster {
  identifier: string;
  registry: ClusterRegistry;
  /** Added to the Hocuspocus extension list. */
  extensions: Extension[];
  resync: StoreResync;
  /** Wires what exists only once the server's parts are built. */
  bind(deps: { persistence: DocumentPersistence; cascade: CascadeHub; inbox: InboxHub }): void;
  /**
   * Claims the automatic version of a model for this process for `ttlMs`: every process serving
   * the model ends its quiet period at about the same time, and only the first saves. If Redis
   * cannot answer, each process saves its own: a duplicate is better than a missing version.
   */
  claimAutoVersion(modelId: string, ttlMs: number): Promise<boolean>;
  /** One resync pass over the live documents plus a check of their connections' links. */
  catchUp(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The extension takes a Redis lock around Hocuspocus's debounced whole-document store so that two
 * processes never write conflicting snapshots. Nothing here stores that way: updates are appended
 * by the process that accepted them (appends commute and repeat harmlessly) and compaction is a
 * compare-and-set in one transaction, so the lock would only cost two Redis round trips per store
 * and log "Another instance is already storing this document" when two processes meet. Its
 * `afterStoreDocument` is kept: it holds a document a moment after a server-side change so peers
 * can pull that change before the document unloads.
 */
class SharedDocuments extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unreadable REDIS_URL)";
  }
}

/** Resolves once the client is ready; rejects on its first error, so a start fails fast. */
function waitReady(client: Redis, url: string, timeoutMs: number): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      client.off("error", onError);
      reject(new Error(`Redis at ${redactedUrl(url)} is not reachable (${why})`));
    };
    const onError = (error: Error) => fail(errorText(error).slice(0, 200));
    const onReady = () => {
      clearTimeout(timer);
      client.off("error", onError);
      resolve();
    };
    const timer = setTimeout(() => fail(`no answer in ${timeoutMs} ms`), timeoutMs);
    client.once("ready", onReady);
    client.once("error", onError);
  });
}

/** The Redis connections of one process, each named for what it does (seen in CLIENT LIST). */
function redisClients(options: ClusterOptions, identifier: string, logger: Logger) {
  const clients: Redis[] = [];
  const client = (role: string) => {
    const redis = new Redis(options.url, { connectionName: `${identifier}:${role}` });
    redis.on("error", (error) =>
      logger.warn("redis-error", { role, error: errorText(error).slice(0, 200) }),
    );
    clients.push(redis);
    return redis;
  };
  return { clients, client };
}

/** The control connection, checked first so a wrong REDIS_URL stops the start with a clear message. */
async function connectControl(client: (role: string) => Redis, url: string): Promise<Redis> {
  const control = client("control");
  try {
    await waitReady(control, url, 5_000);
  } catch (error) {
    control.disconnect();
    throw error;
  }
  return control;
}

/** Hocuspocus's Redis extension, on a publisher and a subscriber connection of our own naming. */
function sharedDocuments(
  options: ClusterOptions,
  identifier: string,
  client: (role: string) => Redis,
): SharedDocuments {
  const roles = ["pub", "sub"];
  return new SharedDocuments({
    identifier,
    prefix: options.prefix,
    // How long a document stays after a server-side change or its last client, so peers can pull
    // what changed; a peer one Redis round trip away needs milliseconds, and anything missed is
    // caught up from the store. The default (1 s) would add a second to every API write.
    disconnectDelay: 250,
    // ioredis 5.11 here, 5.6 inside the extension: the same client API.
    createClient: () => client(roles.shift() ?? "extra") as never,
  });
}

/** Applies the control events of other processes (revocations, deletions) to the registry. */
async function listenToControl(
  control: Redis,
  controlChannel: string,
  identifier: string,
  registry: ClusterRegistry,
): Promise<void> {
  control.on("message", (channel: string, message: string) => {
    // A message this long is not one of ours; parsing it would only cost time.
    if (channel !== controlChannel || message.length > 2_000) return;
    let data: { from?: unknown };
    try {
      data = JSON.parse(message);
    } catch {
      return;
    }
    if (data?.from === identifier) return;
    const event = parseControlEvent(data);
    if (event) registry.apply(event);
  });
  await control.subscribe(controlChannel);
}

/** Whatever was published while a subscription was down is lost: catch up from the store. */
function catchUpOnReconnect(
  subscriptions: ReadonlyArray<readonly [string, Redis]>,
  catchUpInBackground: (why: string) => void,
  logger: Logger,
): void {
  for (const [role, redisClient] of subscriptions) {
    let connectedBefore = redisClient.status === "ready";
    redisClient.on("ready", () => {
      if (connectedBefore) {
        logger.info("redis-reconnected", { role });
        catchUpInBackground(`${role} reconnected`);
      }
      connectedBefore = true;
    });
  }
}

/**
 * Claims through Redis; if Redis cannot answer, each process saves its own: a duplicate is better
 * than a missing version.
 */
function autoVersionClaimer(publisher: Redis, prefix: string, identifier: string, logger: Logger) {
  return (modelId: string, ttlMs: number): Promise<boolean> =>
    publisher
      .set(`${prefix}:auto-version:${modelId}`, identifier, "PX", ttlMs, "NX")
      .then((answer) => answer === "OK")
      .catch((error) => {
        logger.warn("auto-version-claim-failed", { error: errorText(error).slice(0, 200) });
        return true;
      });
}

export async function startCluster(
  options: ClusterOptions,
  store: Store,
  logger: Logger,
): Promise<Cluster> {
  const identifier = `lc-${hostname().slice(0, 60)}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const controlChannel = `${options.prefix}#control`;
  const { clients, client } = redisClients(options, identifier, logger);
  const control = await connectControl(client, options.url);
  const redis = sharedDocuments(options, identifier, client);
  const publisher = clients[1] as Redis;
  const subscriber = clients[2] as Redis;

  const registry = new ClusterRegistry((event: ControlEvent) => {
    publisher
      .publish(controlChannel, JSON.stringify({ from: identifier, ...event }))
      .catch((error) => logger.warn("control-publish-failed", { error: errorText(error) }));
  }, logger);
  const resync = new StoreResync(store, logger, redis.redisTransactionOrigin);

  const catchUp = async () => {
    const changed = await resync.resyncAll();
    await registry.revalidate(store);
    return changed;
  };
  const catchUpInBackground = (why: string) => {
    catchUp().catch((error) => logger.warn("resync-failed", { why, error: errorText(error) }));
  };

  await listenToControl(control, controlChannel, identifier, registry);
  catchUpOnReconnect(
    [
      ["sub", subscriber],
      ["control", control],
    ],
    catchUpInBackground,
    logger,
  );

  const timer =
    options.resyncMs > 0
      ? setInterval(() => catchUpInBackground("period"), options.resyncMs)
      : null;
  timer?.unref();
  logger.info("cluster-joined", { identifier, prefix: options.prefix });

  return {
    identifier,
    registry,
    extensions: [redis, resync.extension()],
    resync,
    bind({ persistence, cascade, inbox }) {
      registry.onModelDeleted = (modelId) => persistence.markModelDeleted(modelId);
      registry.onCascadeChanged = (modelIds) => cascade.remote(modelIds);
      cascade.publish = (modelIds) => registry.cascadeChanged(modelIds);
      registry.onInboxChanged = (personIds) => inbox.remote(personIds);
      inbox.publish = (personIds) => registry.inboxChanged(personIds);
    },
    catchUp,
    claimAutoVersion: autoVersionClaimer(publisher, options.prefix, identifier, logger),
    async close() {
      if (timer) clearInterval(timer);
      await resync.stop();
      await redis.onDestroy().catch(() => undefined);
      control.disconnect();
    },
  };
}
