/**
 * What every Node-side test needs to drive a real server: start it, create models, connect
 * clients, wait. Browser helpers (browser.ts, canvas.ts, chromium-session.ts) stay out of this
 * list so that server tests do not load Playwright.
 *
 * `server/test` imports this file by its relative path rather than through a workspace package:
 * a package would add an install step and lockfile entries for test code only, and the relative
 * path is followed by tsc and vitest exactly as the server's own imports are. The server's
 * internals are reached through server-internals.ts alone.
 */
export {
  cookieOf,
  FIRST_ADMIN,
  type Person,
  post,
  setUpServer,
  signIn,
  signInResponse,
  signUp,
  whoAmI,
} from "./accounts.ts";
export { acknowledged, type Client, connect, synced } from "./collab-client.ts";
export {
  api,
  type CreatedModel,
  createModel,
  exportModel,
  type LinkRole,
  modelInfo,
  tokenOf,
} from "./http.ts";
export { authorOf, person, sessionToken, type TestPerson } from "./people.ts";
export {
  startTestServer,
  storedDoc,
  type TestServer,
  useTestServer,
  WITH_BUILT_CLIENT,
} from "./server.ts";
export {
  freePort,
  type ServerProcess,
  type ServerProcessOptions,
  type ServerStats,
  startServerProcess,
  useServerProcess,
} from "./server-process.ts";
export { sleep, waitFor } from "./wait.ts";
