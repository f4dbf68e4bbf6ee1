import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Limits } from "../runtime/config.ts";
import { ApiError, retryIn } from "./respond.ts";

const HOUR_S = 3600;
const GLOBAL_KEY = "all";

interface Bucket {
  limiter: RateLimiterMemory | RateLimiterRedis;
  /** Says what ran out, for the refusal. */
  what: (max: number) => string;
  points: number;
  key: (address: string) => string;
  cost: (bytes: number) => number;
}

const mib = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/**
 * Hourly quotas on creating models without a link, per address and over all addresses, in
 * models and in bytes sent. With Redis they are counted there, so every process sees the same
 * counts; if Redis is unreachable each process falls back to counting on its own.
 */
export function creationQuotas(limits: Limits, redis: Redis | undefined, prefix: string) {
  const make = (name: string, points: number) => {
    const options: IRateLimiterOptions = { points: Math.max(1, points), duration: HOUR_S };
    return redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          keyPrefix: `${prefix}:quota:${name}`,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory({ ...options, keyPrefix: name });
  };
  const buckets: Bucket[] = [
    {
      limiter: make("models-address", limits.modelsPerAddressPerHour),
      points: limits.modelsPerAddressPerHour,
      what: (max) => `Your address has created ${max} models in the last hour, the most allowed`,
      key: (address) => address,
      cost: () => 1,
    },
    {
      limiter: make("models-all", limits.modelsPerHour),
      points: limits.modelsPerHour,
      what: (max) => `This server has had ${max} models created in the last hour, the most allowed`,
      key: () => GLOBAL_KEY,
      cost: () => 1,
    },
    {
      limiter: make("bytes-address", limits.modelBytesPerAddressPerHour),
      points: limits.modelBytesPerAddressPerHour,
      what: (max) =>
        `Your address has uploaded ${mib(max)} of new models in the last hour, the most allowed`,
      key: (address) => address,
      cost: (bytes) => bytes,
    },
    {
      limiter: make("bytes-all", limits.modelBytesPerHour),
      points: limits.modelBytesPerHour,
      what: (max) =>
        `This server has taken ${mib(max)} of new models in the last hour, the most allowed`,
      key: () => GLOBAL_KEY,
      cost: (bytes) => bytes,
    },
  ];

  /** Counts one model of `bytes` against every quota, or refuses (429) and counts nothing. */
  return async function chargeCreation(request: FastifyRequest): Promise<void> {
    const charged: { bucket: Bucket; key: string; cost: number }[] = [];
    for (const bucket of buckets) {
      const key = bucket.key(request.ip);
      const cost = bucket.cost(request.bodyBytes);
      if (cost === 0) continue;
      try {
        await bucket.limiter.consume(key, cost);
        charged.push({ bucket, key, cost });
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        for (const done of charged) await done.bucket.limiter.reward(done.key, done.cost);
        const wait = refusal.msBeforeNext;
        throw new ApiError(
          429,
          "quota-exceeded",
          `${bucket.what(bucket.points)}; try again ${retryIn(wait)}.`,
          undefined,
          { "Retry-After": String(Math.ceil(wait / 1000)) },
        );
      }
    }
  };
}

/**
 * The total-data quota: stored bytes (the SQLite file with its journal) measured at most every
 * two seconds. With PostgreSQL the database's size is not measured here (see the README).
 */
export function dataQuota(limits: Limits, dataDir: string, measured: boolean) {
  let cached: { at: number; bytes: number } | undefined;
  async function storedBytes(): Promise<number> {
    if (cached && Date.now() - cached.at < 2_000) return cached.bytes;
    let bytes = 0;
    for (const name of await readdir(dataDir).catch(() => [] as string[])) {
      if (!name.startsWith("logic-canvas.sqlite")) continue;
      bytes += (await stat(join(dataDir, name)).catch(() => ({ size: 0 }))).size;
    }
    cached = { at: Date.now(), bytes };
    return bytes;
  }
  /** Refuses (507) a write of new content once the store holds `maxDataBytes` or more. */
  return async function checkDataQuota(): Promise<void> {
    if (!measured || limits.maxDataBytes === 0) return;
    const used = await storedBytes();
    if (used < limits.maxDataBytes) return;
    throw new ApiError(
      507,
      "storage-full",
      `The server's storage is full (${mib(used)} used of ${mib(limits.maxDataBytes)}), so it cannot take new models or uploaded content now. Existing models can still be opened and edited; ask the person who runs this server to make room or raise MAX_DATA_BYTES.`,
    );
  };
}
