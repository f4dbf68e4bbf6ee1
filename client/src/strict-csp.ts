/**
 * The server's Content-Security-Policy forbids `eval`/`new Function`. Zod probes for them once
 * (to compile fast object parsers) and, although it catches the refusal, the browser reports a
 * CSP violation for the probe. `jitless` skips the probe; it must be set before zod loads, so
 * this module is the entry's first import. Zod keeps its settings on this global.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
