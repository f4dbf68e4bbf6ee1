import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** `--name value` and `--name=value` flags; everything else is a positional name. */
export interface ParsedArgs {
  names: string[];
  flags: Map<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const names: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) {
      names.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith("--"))
      flags.set(arg.slice(2), argv[++i] as string);
    else flags.set(arg.slice(2), "true");
  }
  return { names, flags };
}

export class Flags {
  constructor(private readonly flags: Map<string, string>) {}

  has(name: string): boolean {
    return this.flags.has(name);
  }

  number(name: string, fallback: number): number {
    const raw = this.flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
    return value;
  }

  numbers(name: string, fallback: number[]): number[] {
    const raw = this.flags.get(name);
    if (raw === undefined) return fallback;
    const values = raw.split(",").map(Number);
    if (values.some((v) => !Number.isFinite(v) || v <= 0))
      throw new Error(`--${name} must be a comma-separated list of positive numbers, got "${raw}"`);
    return values;
  }

  strings(name: string, fallback: string[]): string[] {
    const raw = this.flags.get(name);
    return raw === undefined ? fallback : raw.split(",").filter(Boolean);
  }
}

/**
 * Runs a benchmark module's `run` with the command line's flags when the file itself was started
 * (`npx tsx bench/<name>.ts …`), not when the runner (bench/run.ts) imported it; exits 1 with the
 * error if it throws.
 */
export function runIfStarted(moduleUrl: string, run: (flags: Flags) => Promise<void>): void {
  if (moduleUrl !== pathToFileURL(resolve(process.argv[1] ?? "")).href) return;
  run(new Flags(parseArgs(process.argv.slice(2)).flags)).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
