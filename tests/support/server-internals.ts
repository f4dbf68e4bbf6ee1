/**
 * The one door from the tests into the server's internals (what `@logic-canvas/server` does not
 * export). When `server/src` files move, this file is the only import to change.
 */
export { graphDocName } from "../../server/src/doc-names.ts";
export { checkUpdate } from "../../server/src/gate/update-limits.ts";
export { personIdOf } from "../../server/src/identity.ts";
export { applyStored } from "../../server/src/persistence.ts";
export { SqliteStore } from "../../server/src/storage/sqlite.ts";
export type { Store } from "../../server/src/storage/types.ts";
