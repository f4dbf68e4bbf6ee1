import { join } from "node:path";
import { ConnectionRegistry } from "../access/connection-registry.ts";
import { type AccountOf, currentRole } from "../access/workspace-roles.ts";
import type { ServerConfig } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { type Cluster, startCluster } from "../scale/cluster.ts";
import { isPostgresUrl, PostgresStore } from "../storage/postgres/index.ts";
import { SqliteStore } from "../storage/sqlite.ts";
import type { Store } from "../storage/types.ts";

export interface Storage {
  store: Store;
  /** With REDIS_URL: this process's part in sharing live documents with the others. */
  cluster: Cluster | undefined;
  /** Live document connections (the cluster's, which also hears other processes' revocations). */
  registry: ConnectionRegistry;
  /** The signed-in person behind a request's headers. */
  accountOf: AccountOf;
}

/** Opens the store (Postgres or SQLite) and, with Redis, joins the cluster; closes the store if that fails. */
export async function openStorage(
  config: ServerConfig,
  logger: Logger,
  wrapStore?: (store: Store) => Store,
): Promise<Storage> {
  const opened: Store = isPostgresUrl(config.databaseUrl)
    ? await PostgresStore.open(config.databaseUrl, { schema: config.databaseSchema })
    : new SqliteStore(join(config.dataDir, "logic-canvas.sqlite"), {
        synchronous: config.sqliteSynchronous,
      });
  const store = wrapStore ? wrapStore(opened) : opened;
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
  registry.roleNow = (context) => currentRole(store, context);
  return { store, cluster, registry, accountOf: async () => null };
}
