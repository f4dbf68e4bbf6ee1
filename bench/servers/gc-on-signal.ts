/**
 * SIGUSR2 runs a full garbage collection (the benchmark servers start with --expose-gc), so a
 * memory reading taken after it measures what is held, not what the collector has yet to free.
 */
const collect = (globalThis as { gc?: () => void }).gc;
process.on("SIGUSR2", () => {
  collect?.();
  collect?.();
});

export {};
