import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * The headers every response carries. The built client has no inline script, style element or
 * style attribute in its HTML (checked in tests/e2e/security-headers.test.ts): scripts, styles,
 * the worker and connections come from this origin only, with no 'unsafe-inline' and no eval.
 * React, React Flow and d3 position cards through the CSSOM (`element.style`), which CSP does
 * not govern, so even style attributes need no relaxation. Images may be `data:`/`blob:` URLs
 * (the page icon, image exports). The page must not be framed (clickjacking on a canvas of
 * buttons) and sends no referrer: share links carry their token in the fragment, which is never
 * sent, but a model's id is in the path. HSTS is left to a TLS proxy (browsers ignore it over
 * http, where this server listens).
 */
export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "worker-src": ["'self'"],
      "manifest-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  },
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};
