import { join } from "node:path";
import type { AccountLookup } from "../access/account-lookup.ts";
import { ConnectionRegistry } from "../access/connection-registry.ts";
import { currentRole } from "../access/workspace-roles.ts";
import { Accounts, type AccountsContext } from "../accounts/accounts.ts";
import type { ServerConfig } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { type Cluster, startCluster } from "../scale/cluster.ts";
import { isPostgresUrl, PostgresStore } from "../storage/postgres/index.ts";
import { SqliteStore } from "../storage/sqlite.ts";
import type { Store } from "../storage/types.ts";
import { workspaceAccountHooks } from "../workspaces/account-hooks.ts";

export interface Storage {
  store: Store;
  /** With REDIS_URL: this process's part in sharing live documents with the others. */
  cluster: Cluster | undefined;
  /** Live document connections (the cluster's, which also hears other processes' revocations). */
  registry: ConnectionRegistry;
  /** The signed-in person behind a request's headers. */
  accountOf: AccountLookup;
  /** People and sign-in (better-auth), on the same database as the models. */
  accounts: Accounts;
}

/** What the accounts learn once the server listens (the public URL, the allowed origins). */
export type Listened = Pick<AccountsContext, "publicUrl" | "trustsOrigin">;

/** Opens the store (Postgres or SQLite) and the accounts on the same database and, with Redis,
 * joins the cluster; closes what it opened if that fails. */
export async function openStorage(
  config: ServerConfig,
  logger: Logger,
  listened: Listened,
  wrapStore?: (store: Store) => Store,
): Promise<Storage> {
  const opened: Store = isPostgresUrl(config.databaseUrl)
    ? await PostgresStore.open(config.databaseUrl, { schema: config.databaseSchema })
    : new SqliteStore(join(config.dataDir, "logic-canvas.sqlite"), {
        synchronous: config.sqliteSynchronous,
      });
  const store = wrapStore ? wrapStore(opened) : opened;
  const accounts = await Accounts.open(config, {
    config: config.accounts,
    logger,
    ...listened,
  }).catch(async (error) => {
    await store.close();
    throw error;
  });
  const cluster = config.redisUrl
    ? await startCluster(
        { url: config.redisUrl, prefix: config.redisPrefix, resyncMs: config.redisResyncMs },
        store,
        logger,
      ).catch(async (error) => {
        await accounts.close();
        await store.close();
        throw error;
      })
    : undefined;
  const registry = cluster?.registry ?? new ConnectionRegistry();
  registry.roleNow = (context) => currentRole(store, context);
  // The first-run district and the SSO domain rule make memberships.
  Object.assign(accounts.hooks, workspaceAccountHooks(store));
  const accountOf: AccountLookup = (headers) => accounts.accountOf(headers);
  return { store, cluster, registry, accountOf, accounts };
}
