import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CONNECTION_LIMITS,
  MODEL_CREATION_POLICIES,
  type ModelCreationPolicy,
} from "@logic-canvas/shared";
import {
  type AccountsConfig,
  type AccountsOptions,
  accountsOptionsFromEnv,
  resolveAccountsConfig,
} from "../accounts/config.ts";
import type { SqliteSynchronous } from "../storage/sqlite.ts";
import type { LogLevel } from "./logger.ts";

// server/src/runtime/ → the repository root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Limits {
  /** Largest WebSocket frame accepted (bytes); larger frames close the socket with 1009. */
  maxPayloadBytes: number;
  /** Messages per second one WebSocket may send (token bucket rate, counted as frames arrive). */
  messagesPerSecond: number;
  /** Burst size of that bucket. */
  messageBurst: number;
  /** Bytes per second one WebSocket may send (token bucket rate, counted as frames arrive). */
  bytesPerSecond: number;
  /** Burst size of that bucket; at least `maxPayloadBytes`, or one full frame closes the socket. */
  byteBurst: number;
  /** WebSockets one remote address may hold open before authenticating; the next is refused. */
  maxUnauthenticatedPerAddress: number;
  /** WebSockets the whole server holds open before authentication; the next is refused. */
  maxUnauthenticated: number;
  /** A WebSocket that has not authenticated within this long is closed (ms). */
  authTimeoutMs: number;
  /** Messages Hocuspocus buffers for one socket until it authenticates; more closes it. */
  preAuthQueueMessages: number;
  /** Bytes Hocuspocus buffers for one socket until it authenticates; more closes it. */
  preAuthQueueBytes: number;
  /** Connections one document (`<id>` or `<id>/review`) accepts; the next is refused. */
  maxConnectionsPerModel: number;
  // Connections (issue 12, section 3): counted across processes when REDIS_URL is set.
  /** Documents one WebSocket may hold open or be opening at once; the next is refused. */
  maxDocumentsPerSocket: number;
  /** Connections to one document through one share link; the next is refused. */
  maxConnectionsPerLink: number;
  /**
   * How long one registration of a held connection lasts in the shared counters (ms): each
   * process re-registers what it holds every period, so what a crashed process held is
   * forgotten within one period.
   */
  connectionLeaseMs: number;
  /** Largest API request body (bytes). */
  maxBodyBytes: number;
  /** API requests per second per client address (averaged over 10 s; burst is 10× this). */
  apiRequestsPerSecond: number;
  /** A request whose headers and body have not all arrived within this long is cut off (ms). */
  requestTimeoutMs: number;
  /** Request bodies the server holds in memory at once, all requests together (bytes). */
  maxBufferedBodyBytes: number;
  /** Uploads (requests with a body) one address may have in flight at once. */
  maxUploadsPerAddress: number;
  /** Models one address may create per hour. */
  modelsPerAddressPerHour: number;
  /** Bytes of model-creation bodies one address may send per hour. */
  modelBytesPerAddressPerHour: number;
  /** Models all addresses together may create per hour. */
  modelsPerHour: number;
  /** Bytes of model-creation bodies all addresses together may send per hour. */
  modelBytesPerHour: number;
  /** Stored data beyond which new models and uploaded content are refused (bytes; 0: no limit). */
  maxDataBytes: number;
  /** Cards a model file sent to the API (a new model, or PUT …/content) may have. */
  maxCardsOnImport: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Folder of the built client; `/`, `/m/*` and its assets are served from it. */
  clientDist: string;
  /** Base of share links; defaults to http://HOST:PORT. */
  publicUrl: string | undefined;
  /** Origins allowed to open WebSockets; defaults to the server's own plus the Vite dev server. */
  allowedOrigins: string[] | undefined;
  limits: Limits;
  /** Updates appended after which a document's log is compacted into its snapshot. */
  compactAfterUpdates: number;
  sqliteSynchronous: SqliteSynchronous;
  logLevel: LogLevel;
  /** A model that changed and then stayed quiet this long gets an automatic version. */
  autoVersionQuietMs: number;
  /** Automatic versions kept per model (named ones are never pruned). */
  autoVersionKeep: number;
  /** One person's changes to one card within this long merge into one revision-log entry. */
  activityMergeMs: number;
  /** A postgres:// URL stores everything in PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use instead of `public` (one per deployment or test run). */
  databaseSchema: string | undefined;
  /** With a Redis URL, several processes share live documents (see scale/cluster.ts). */
  redisUrl: string | undefined;
  /** Namespace of this deployment's Redis channels and keys. */
  redisPrefix: string;
  /** How often each process re-reads the store for updates another process took (ms). */
  redisResyncMs: number;
  /** Who may create models: anyone (the default), or signed-in workspace members only. */
  modelCreation: ModelCreationPolicy;
  /** Sign-in limits, mail (SMTP_URL) and single sign-on (OIDC_*): see accounts/config.ts. */
  accounts: AccountsConfig;
}

export const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: 4 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  maxUnauthenticatedPerAddress: 50,
  maxUnauthenticated: 1_000,
  authTimeoutMs: 10_000,
  preAuthQueueMessages: 32,
  preAuthQueueBytes: 256 * 1024,
  maxConnectionsPerModel: 200,
  maxDocumentsPerSocket: CONNECTION_LIMITS.documentsPerSocket,
  maxConnectionsPerLink: CONNECTION_LIMITS.connectionsPerLink,
  connectionLeaseMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  apiRequestsPerSecond: 50,
  requestTimeoutMs: 20_000,
  maxBufferedBodyBytes: 64 * 1024 * 1024,
  maxUploadsPerAddress: 4,
  modelsPerAddressPerHour: 1_000,
  modelBytesPerAddressPerHour: 100 * 1024 * 1024,
  modelsPerHour: 10_000,
  modelBytesPerHour: 1024 * 1024 * 1024,
  maxDataBytes: 10 * 1024 * 1024 * 1024,
  maxCardsOnImport: 2_000,
};

export function defaultConfig(): ServerConfig {
  return {
    port: 8787,
    host: "127.0.0.1",
    dataDir: resolve("data"),
    clientDist: resolve(repoRoot, "client/dist"),
    publicUrl: undefined,
    allowedOrigins: undefined,
    limits: { ...DEFAULT_LIMITS },
    compactAfterUpdates: 500,
    sqliteSynchronous: "NORMAL",
    logLevel: "info",
    autoVersionQuietMs: 10 * 60_000,
    autoVersionKeep: 20,
    activityMergeMs: 30_000,
    databaseUrl: undefined,
    databaseSchema: undefined,
    redisUrl: undefined,
    redisPrefix: "logic-canvas",
    redisResyncMs: 15_000,
    modelCreation: "anyone",
    accounts: resolveAccountsConfig(),
  };
}

export type ServerOptions = Partial<Omit<ServerConfig, "limits" | "accounts">> & {
  limits?: Partial<Limits>;
  accounts?: AccountsOptions;
};

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const base = defaultConfig();
  const config: ServerConfig = {
    ...base,
    ...definedOnly(options),
    limits: { ...base.limits, ...definedOnly(options.limits ?? {}) },
    accounts: resolveAccountsConfig(options.accounts),
  };
  config.dataDir = resolve(config.dataDir);
  config.clientDist = resolve(config.clientDist);
  return config;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

function modelCreationFromEnv(raw: string | undefined): ModelCreationPolicy | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!(MODEL_CREATION_POLICIES as readonly string[]).includes(raw))
    throw new Error(`MODEL_CREATION must be ${MODEL_CREATION_POLICIES.join(" or ")}, got "${raw}"`);
  return raw as ModelCreationPolicy;
}

/** Reads the environment variables documented in the README. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const sync = env.SQLITE_SYNCHRONOUS?.toUpperCase();
  if (sync && sync !== "NORMAL" && sync !== "FULL") {
    throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  }
  return {
    port: intFromEnv(env, "PORT"),
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR || undefined,
    clientDist: env.CLIENT_DIST || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    allowedOrigins: env.ALLOWED_ORIGINS
      ? env.ALLOWED_ORIGINS.split(",")
          .map((o) => o.trim())
          .filter(Boolean)
      : undefined,
    compactAfterUpdates: intFromEnv(env, "COMPACT_AFTER_UPDATES"),
    sqliteSynchronous: sync as SqliteSynchronous | undefined,
    logLevel: (env.LOG_LEVEL as LogLevel | undefined) || undefined,
    autoVersionQuietMs: intFromEnv(env, "AUTO_VERSION_QUIET_MS"),
    autoVersionKeep: intFromEnv(env, "AUTO_VERSION_KEEP"),
    activityMergeMs: intFromEnv(env, "ACTIVITY_MERGE_MS"),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || undefined,
    redisResyncMs: intFromEnv(env, "REDIS_RESYNC_MS"),
    modelCreation: modelCreationFromEnv(env.MODEL_CREATION),
    accounts: accountsOptionsFromEnv(env),
    limits: {
      maxPayloadBytes: intFromEnv(env, "WS_MAX_PAYLOAD_BYTES"),
      messagesPerSecond: intFromEnv(env, "WS_MESSAGES_PER_SECOND"),
      messageBurst: intFromEnv(env, "WS_MESSAGE_BURST"),
      bytesPerSecond: intFromEnv(env, "WS_BYTES_PER_SECOND"),
      byteBurst: intFromEnv(env, "WS_BYTE_BURST"),
      maxUnauthenticatedPerAddress: intFromEnv(env, "WS_MAX_UNAUTHENTICATED_PER_ADDRESS"),
      maxUnauthenticated: intFromEnv(env, "WS_MAX_UNAUTHENTICATED"),
      authTimeoutMs: intFromEnv(env, "WS_AUTH_TIMEOUT_MS"),
      preAuthQueueMessages: intFromEnv(env, "WS_PRE_AUTH_QUEUE_MESSAGES"),
      preAuthQueueBytes: intFromEnv(env, "WS_PRE_AUTH_QUEUE_BYTES"),
      maxConnectionsPerModel: intFromEnv(env, "MAX_CONNECTIONS_PER_MODEL"),
      maxDocumentsPerSocket: intFromEnv(env, "WS_MAX_DOCUMENTS_PER_SOCKET"),
      maxConnectionsPerLink: intFromEnv(env, "MAX_CONNECTIONS_PER_LINK"),
      connectionLeaseMs: intFromEnv(env, "WS_CONNECTION_LEASE_MS"),
      maxBodyBytes: intFromEnv(env, "API_MAX_BODY_BYTES"),
      apiRequestsPerSecond: intFromEnv(env, "API_REQUESTS_PER_SECOND"),
      requestTimeoutMs: intFromEnv(env, "API_REQUEST_TIMEOUT_MS"),
      maxBufferedBodyBytes: intFromEnv(env, "API_MAX_BUFFERED_BYTES"),
      maxUploadsPerAddress: intFromEnv(env, "API_MAX_UPLOADS_PER_ADDRESS"),
      modelsPerAddressPerHour: intFromEnv(env, "MODELS_PER_ADDRESS_PER_HOUR"),
      modelBytesPerAddressPerHour: intFromEnv(env, "MODEL_BYTES_PER_ADDRESS_PER_HOUR"),
      modelsPerHour: intFromEnv(env, "MODELS_PER_HOUR"),
      modelBytesPerHour: intFromEnv(env, "MODEL_BYTES_PER_HOUR"),
      maxDataBytes: intFromEnv(env, "MAX_DATA_BYTES"),
      maxCardsOnImport: intFromEnv(env, "MAX_CARDS_ON_IMPORT"),
    },
  };
}
