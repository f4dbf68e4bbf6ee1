import { ACCOUNT_MESSAGES } from "@logic-canvas/shared";
import type { Redis } from "ioredis";
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { retryIn } from "../http/respond.ts";
import type { SignInLimits } from "./config.ts";

/** A refusal of a sign-in, reset or sign-up attempt, with when to try again. */
export class TooManyAttempts extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(`${message}; try again ${retryIn(retryAfterMs)}.`);
  }
}

export interface AttemptLimits {
  /** Counts a sign-in attempt from `address`; refuses it if the address or account is spent. */
  signIn(address: string, email: string): Promise<void>;
  /** Counts a failed sign-in against the account, whoever made it. */
  failed(email: string): Promise<void>;
  reset(address: string, email: string): Promise<void>;
  signUp(address: string): Promise<void>;
}

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * Brute-force limits on the account routes, per address and per account (email). With Redis
 * they are counted there, so all processes share them; if Redis is away each process counts
 * alone. An unknown email is counted like a known one, so the limits tell nothing either.
 */
export function attemptLimits(
  limits: SignInLimits,
  redis: Redis | undefined,
  prefix: string,
): AttemptLimits {
  const make = (name: string, points: number) => {
    const options: IRateLimiterOptions = {
      points: Math.max(1, points),
      duration: limits.windowSeconds,
    };
    return redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          keyPrefix: `${prefix}:accounts:${name}`,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory({ ...options, keyPrefix: name });
  };
  const signInAddress = make("sign-in-address", limits.signInsPerAddress);
  const failures = make("failed-account", limits.failedSignInsPerAccount);
  const resetAddress = make("reset-address", limits.resetsPerAddress);
  const resetAccount = make("reset-account", limits.resetsPerAccount);
  const signUpAddress = make("sign-up-address", limits.signUpsPerAddress);

  const charge = async (
    limiter: RateLimiterMemory | RateLimiterRedis,
    key: string,
    why: string,
  ) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new TooManyAttempts(why, error.msBeforeNext);
      throw error;
    }
  };
  return {
    signIn: async (address, email) => {
      const spent = await failures.get(normalise(email));
      if (spent && spent.consumedPoints >= limits.failedSignInsPerAccount) {
        throw new TooManyAttempts(ACCOUNT_MESSAGES.tooManySignIns, spent.msBeforeNext);
      }
      await charge(signInAddress, address, ACCOUNT_MESSAGES.tooManySignIns);
    },
    failed: async (email) => {
      await failures.penalty(normalise(email), 1).catch(() => {});
    },
    reset: async (address, email) => {
      await charge(resetAddress, address, ACCOUNT_MESSAGES.tooManyResets);
      await charge(resetAccount, normalise(email), ACCOUNT_MESSAGES.tooManyResets);
    },
    signUp: (address) => charge(signUpAddress, address, "Too many accounts created from here"),
  };
}
