import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * The headers every response carries. The built client has no inline script or style element
 * (checked in tests/e2e/security-headers.test.ts): scripts, styles, the worker and connections
 * come from this origin only. `style-src-attr 'unsafe-inline'` is the one relaxation: React Flow
 * positions cards and edges with `style` attributes it sets from script, and browsers check
 * those against CSP as inline styles; an attribute cannot run script, and style elements stay
 * same-origin. Images may be `data:`/`blob:` URLs (the page icon, image exports). The page must
 * not be framed (clickjacking on a canvas of buttons) and sends no referrer: share links carry
 * their token in the fragment, which is never sent, but a model's id is in the path.
 */
export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "style-src-elem": ["'self'"],
      "style-src-attr": ["'unsafe-inline'"],
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
  // Browsers ignore HSTS over plain http; a deployment behind TLS sets it at its proxy.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};
