import { ratio, round } from "./stats.ts";

/** One round's figures for one server at one size, the ones compared across servers. */
export interface RoundFigures {
  p50: number;
  p99: number;
  serverCpuMsPerDelivery: number;
  serverNetCpuMsPerDelivery: number;
  maxClientProcessCpuPercent: number;
  serverWaitingForCpuPercent: number;
  starved: boolean;
  loadAverage1m: number;
}

export interface Medians {
  rounds: number;
  /** Median over rounds of each round's p50 / p99 / CPU per delivery. */
  p50: number;
  p99: number;
  serverCpuMsPerDelivery: number;
  serverNetCpuMsPerDelivery: number;
  /** Rounds in which the server or a client process waited for a CPU over a quarter of the time. */
  starvedRounds: number;
  /** The range of per-round p99s, to show how far one round can be from another. */
  p99Range: [number, number];
  maxClientProcessCpuPercent: number;
  /** Most of any round's window the server's event loop spent waiting for a CPU. */
  maxServerWaitingForCpuPercent: number;
  loadAverage1m: [number, number];
}

export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians over rounds: one noisy round (a neighbour's burst of work) moves a median little. */
export function medians(rounds: RoundFigures[]): Medians {
  const of = (key: Exclude<keyof RoundFigures, "starved">) => rounds.map((r) => r[key]);
  const p99s = of("p99");
  const loads = of("loadAverage1m");
  return {
    rounds: rounds.length,
    p50: round(median(of("p50"))),
    p99: round(median(p99s)),
    serverCpuMsPerDelivery: round(median(of("serverCpuMsPerDelivery")), 4),
    serverNetCpuMsPerDelivery: round(median(of("serverNetCpuMsPerDelivery")), 4),
    starvedRounds: rounds.filter((r) => r.starved).length,
    p99Range: [Math.min(...p99s), Math.max(...p99s)],
    maxClientProcessCpuPercent: Math.max(...of("maxClientProcessCpuPercent")),
    maxServerWaitingForCpuPercent: Math.max(...of("serverWaitingForCpuPercent")),
    loadAverage1m: [Math.min(...loads), Math.max(...loads)],
  };
}

/** `a / b` for p50, p99 and CPU per delivery, or nulls when either side is missing. */
export function medianRatios(a: Medians | undefined, b: Medians | undefined) {
  const r = (x: number | undefined, y: number | undefined) =>
    x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)
      ? ratio(x, y)
      : null;
  return {
    p50: r(a?.p50, b?.p50),
    p99: r(a?.p99, b?.p99),
    serverCpuPerDelivery: r(a?.serverCpuMsPerDelivery, b?.serverCpuMsPerDelivery),
    serverNetCpuPerDelivery: r(a?.serverNetCpuMsPerDelivery, b?.serverNetCpuMsPerDelivery),
  };
}
