import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, expect, it } from "vitest";
import { createLogger } from "../src/runtime/logger.ts";
import { LeasedSlots } from "../src/ws/shared-slots.ts";

/**
 * The leased counters behind the connection caps: what a process holds must keep counting from
 * one lease period to the next (each process re-registers it), and what it gives back must free
 * a place at once.
 */

const LEASE_MS = 400;
const counters: LeasedSlots[] = [];
afterEach(async () => {
  for (const c of counters.splice(0)) await c.close();
});

function counter(limiter = new RateLimiterMemory({ points: 1e9, duration: 0 })) {
  const slots = new LeasedSlots(limiter, LEASE_MS, createLogger("silent"));
  counters.push(slots);
  return { slots, limiter };
}

it("holds its count across lease periods and frees a place on give", async () => {
  const { slots } = counter();
  for (let i = 0; i < 3; i++) expect(await slots.take("doc", 3)).toBe(true);
  expect(await slots.take("doc", 3)).toBe(false);
  // Two period boundaries later the three are still held.
  await new Promise((r) => setTimeout(r, 2.5 * LEASE_MS));
  expect(await slots.take("doc", 3)).toBe(false);
  slots.give("doc");
  expect(await slots.take("doc", 3)).toBe(true);
  expect(await slots.take("doc", 3)).toBe(false);
});

it("two processes share one store; what one stops renewing is forgotten after its period", async () => {
  const shared = new RateLimiterMemory({ points: 1e9, duration: 0 });
  const a = counter(shared).slots;
  const b = counter(shared).slots;
  expect(await a.take("doc", 2)).toBe(true);
  expect(await b.take("doc", 2)).toBe(true);
  expect(await a.take("doc", 2)).toBe(false);
  // b "crashes": it renews nothing from now on.
  await b.close();
  await new Promise((r) => setTimeout(r, 1.5 * LEASE_MS));
  expect(await a.take("doc", 2)).toBe(true);
  expect(await a.take("doc", 2)).toBe(false);
});
