import { Reader, Refusal, refuse, type UpdateLimits } from "./update-reader.ts";
import { readDeleteSet, readStructs } from "./update-sections.ts";

export type { UpdateLimits } from "./update-reader.ts";

/**
 * A bounded reading of an untrusted Yjs V1 update, done before Yjs ever sees it.
 *
 * Yjs trusts the counts and lengths an update declares (yjs #479, #498, #687, open upstream for
 * the run-length V2 format): nine bytes declaring thirty million structs make it allocate a 240 MB
 * array, an embed holding JSON nested 5,000 deep is applied fine but then makes every later
 * `encodeStateAsUpdate` of the document throw (the document can no longer be synced or stored),
 * and V2 bytes fed to the merge functions loop for ever. This walk reads the same layout Yjs
 * reads, with a cursor that can never pass the end, and refuses any declared count that cannot
 * fit in the bytes left, so its cost is linear in the update's size and it allocates nothing in
 * proportion to what the update claims. The walk: update-sections.ts (structs and the delete set),
 * update-values.ts (embedded JSON and lib0 `any`), update-reader.ts (the bounded cursor).
 */

export const DEFAULT_UPDATE_LIMITS: Readonly<UpdateLimits> = {
  maxBytes: 16 * 1024 * 1024,
  maxStructs: 2_000_000,
  maxDeleteRanges: 2_000_000,
  maxClients: 100_000,
  maxDepth: 64,
  maxClock: 2 ** 40,
  maxRootNames: 32,
  maxKeyBytes: 1024,
};

export type UpdateCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `update` (a V1 update, as y-protocols carries it) is safe to hand to Yjs. Every update
 * real Yjs produces passes (transaction updates, full states, `mergeUpdates` results); refused
 * ones get a reason suitable for a log or a close message.
 */
export function checkUpdate(update: Uint8Array, limits: Partial<UpdateLimits> = {}): UpdateCheck {
  const all: UpdateLimits = { ...DEFAULT_UPDATE_LIMITS, ...limits };
  if (update.length > all.maxBytes)
    return { ok: false, reason: `the update is larger than ${all.maxBytes} bytes` };
  const r = new Reader(update, all);
  try {
    readStructs(r);
    readDeleteSet(r);
    if (r.left > 0) refuse(`${r.left} bytes follow the end of the update`);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    // Nothing above should throw otherwise; treat a surprise as a refusal, never as a pass.
    return {
      ok: false,
      reason: `the update could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
