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
