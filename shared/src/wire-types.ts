/**
 * The numbers that open each binary frame on the collaboration socket, named once for the server
 * (which reads frames before Hocuspocus does) and the client.
 *
 * Where they come from:
 * - `MESSAGE_TYPE`: Hocuspocus's `MessageType` enum (`@hocuspocus/server`, `@hocuspocus/common`,
 *   `MessageType.ts`). Its first four agree with the y-protocols / y-websocket message types
 *   (`messageSync = 0`, `messageAwareness = 1`, `messageAuth = 2`, `messageQueryAwareness = 3`);
 *   the rest are Hocuspocus only. Hocuspocus exports the enum only as a type declaration
 *   (`declare enum`), so the values are restated here rather than imported at run time.
 * - `AUTH_MESSAGE`: the sub-types of an auth message, Hocuspocus's `AuthMessageType`
 *   (`@hocuspocus/common`, `auth.ts`): `Token = 0`, `PermissionDenied = 1`, `Authenticated = 2`.
 * - `SYNC_STEP`: y-protocols' sync sub-types (`y-protocols/sync`: `messageYjsSyncStep1 = 0`,
 *   `messageYjsSyncStep2 = 1`, `messageYjsUpdate = 2`); code that can import y-protocols uses
 *   those names directly.
 */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Hocuspocus only: like sync, but does not trigger another sync step 1. */
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
  ping: 9,
  pong: 10,
} as const;

export const AUTH_MESSAGE = {
  token: 0,
  permissionDenied: 1,
  authenticated: 2,
} as const;

export const SYNC_STEP = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
