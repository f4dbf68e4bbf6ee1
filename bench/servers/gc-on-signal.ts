import { writeFileSync } from "node:fs";

/**
 * SIGUSR2 runs a full garbage collection (the benchmark servers start with --expose-gc), so a
 * memory reading taken after it measures what is held, not what the collector has yet to free.
 * With `BENCH_MEMORY_FILE` set, the process's own count (`process.memoryUsage()`) is written
 * there after it: the JavaScript heap and the buffers outside it, which, unlike the RSS, do not
 * move when the allocator hands pages back to the system.
 */
const collect = (globalThis as { gc?: () => void }).gc;
process.on("SIGUSR2", () => {
  collect?.();
  collect?.();
  const file = process.env.BENCH_MEMORY_FILE;
  if (file) writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
