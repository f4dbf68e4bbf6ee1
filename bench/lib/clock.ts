/**
 * The clock every benchmark process stamps edits with: `process.hrtime` is Linux's
 * CLOCK_MONOTONIC, one clock for the whole machine, so a stamp taken in one client process can be
 * subtracted from a reading in another. `performance.now()` counts from each process's own start
 * (different origins), and `performance.timeOrigin + performance.now()` carries the error of each
 * process's one reading of the wall clock plus any NTP step since; `Date.now()` has only
 * millisecond resolution. Milliseconds, as a float with sub-microsecond resolution.
 */
export function clockMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
