// The server's Content-Security-Policy forbids eval and new Function. Zod probes for them when
// it builds its first object schema (to compile fast parsers) and, although it catches the
// refusal, the browser still reports a CSP violation. `jitless` skips the probe; it must be set
// before any schema is built. The bundler puts zod and the domain's schemas in one shared chunk
// whose schemas are built when that chunk runs, before any line of the entry, so the setting
// cannot come from the bundle: this classic script runs first, and zod adopts
// globalThis.__zod_globalConfig when it loads. Under /assets so the offline worker keeps it; its
// content never changes, so the assets' year-long caching is harmless.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
