/**
 * The one door from the tests into the server's internals (what `@logic-canvas/server` does not
 * export). When `server/src` files move, this file is the only import to change.
 */

export { personIdOf } from "../../server/src/access/identity.ts";
export { graphDocName } from "../../server/src/documents/doc-names.ts";
export { applyStored } from "../../server/src/documents/persistence.ts";
export { checkUpdate } from "../../server/src/gate/update-limits.ts";
export { SqliteStore } from "../../server/src/storage/sqlite.ts";
export type { Store } from "../../server/src/storage/types.ts";
