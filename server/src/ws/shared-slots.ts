import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { errorText, type Logger } from "../runtime/logger.ts";

/**
 * Counts of things held open (connections per document, per link) that every server process
 * sees, kept in rate-limiter-flexible's store: Redis when REDIS_URL is set, memory otherwise.
 *
 * A held connection has no natural expiry, but a crashed process never gives its counts back, so
 * counts live in leases: the store key of a count carries the lease period it belongs to
 * (`<key>@<period>`) and expires after two periods. At the start of each period every process
 * adds what it still holds to the new period's key; a crashed process adds nothing, so what it
 * held is forgotten within one period (`connectionLeaseMs`, 30 s by default). Inside a period a
 * take adds one and a give takes one away, so counts are exact apart from connections opened or
 * closed in the few milliseconds while the processes re-register.
 */
export interface SlotCounter {
  /** Takes one slot of `key` unless `max` are already taken (across processes); false if full. */
  take(key: string, max: number): Promise<boolean>;
  /** Gives back one slot of `key` taken by this process. */
  give(key: string): void;
  close(): Promise<void>;
}

interface Held {
  count: number;
  /** The lease period whose store key includes `count`. */
  period: number;
}

export class LeasedSlots implements SlotCounter {
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly leaseMs: number,
    private readonly logger: Logger,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.schedule();
  }

  private period(): number {
    return Math.floor(Date.now() / this.leaseMs);
  }

  private storeKey(key: string, period: number): string {
    return `${key}@${period}`;
  }

  private get options() {
    // Outlives its period, so a key is never read after it expired; gone one period later.
    return { customDuration: Math.ceil((2 * this.leaseMs) / 1000) };
  }

  /** Adds what this process holds of `key` to the current period's count, once per period. */
  private async renew(key: string, held: Held): Promise<void> {
    const period = this.period();
    if (held.period === period) return;
    held.period = period;
    if (held.count > 0)
      await this.limiter.penalty(this.storeKey(key, period), held.count, this.options);
  }

  async take(key: string, max: number): Promise<boolean> {
    let held = this.held.get(key);
    if (!held) {
      held = { count: 0, period: this.period() };
      this.held.set(key, held);
    }
    await this.renew(key, held);
    const storeKey = this.storeKey(key, held.period);
    const result = await this.limiter.penalty(storeKey, 1, this.options);
    if (result.consumedPoints > max) {
      await this.limiter.reward(storeKey, 1, this.options);
      return false;
    }
    held.count += 1;
    return true;
  }

  give(key: string): void {
    const held = this.held.get(key);
    if (!held || held.count === 0) return;
    held.count -= 1;
    // A count not yet renewed into this period is simply renewed smaller.
    if (held.period !== this.period()) return;
    this.limiter
      .reward(this.storeKey(key, held.period), 1, this.options)
      .catch((error) => this.logger.warn("slot-give-failed", { error: errorText(error) }));
  }

  /** Re-registers everything held at each period start (forgets keys no longer held). */
  private schedule(): void {
    if (this.closed) return;
    const next = (this.period() + 1) * this.leaseMs - Date.now();
    this.timer = setTimeout(() => {
      for (const [key, held] of this.held) {
        if (held.count === 0) {
          this.held.delete(key);
          continue;
        }
        this.renew(key, held).catch((error) =>
          this.logger.warn("slot-renew-failed", { error: errorText(error) }),
        );
      }
      this.schedule();
    }, next + 5);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.onClose();
  }
}

export interface SlotStoreOptions {
  /** With a Redis URL the counts are shared by every process using the same URL and prefix. */
  redisUrl: string | undefined;
  prefix: string;
  leaseMs: number;
}

/** The counter for this process: on Redis when configured, else in memory. */
export function createSlotCounter(options: SlotStoreOptions, logger: Logger): SlotCounter {
  const keyPrefix = `${options.prefix}:ws-slots`;
  // Points are never refused by the limiter itself: `take` compares against its own maximum.
  const points = Number.MAX_SAFE_INTEGER;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: 0 });
  if (!options.redisUrl) return new LeasedSlots(memory, options.leaseMs, logger);
  const client = new Redis(options.redisUrl, {
    connectionName: "logic-canvas:ws-slots",
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  client.on("error", (error) =>
    logger.warn("redis-error", { role: "ws-slots", error: errorText(error).slice(0, 200) }),
  );
  const redis = new RateLimiterRedis({
    storeClient: client,
    keyPrefix,
    points,
    duration: 0,
    // While Redis cannot answer, this process counts alone rather than refusing everyone or
    // waiting: a cap that holds per process is better than no connection at all.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return new LeasedSlots(redis, options.leaseMs, logger, async () => {
    client.disconnect();
  });
}
