import { config } from "zod/v4/core";

/**
 * The server's Content-Security-Policy forbids `eval`/`new Function`. Zod probes for them when
 * it builds its first object schema (to compile fast parsers) and, although it catches the
 * refusal, the browser still reports a CSP violation. `jitless` skips the probe and the compiled
 * path; it must be set before any schema is built, so this module is the entry's first import.
 */
config({ jitless: true });
