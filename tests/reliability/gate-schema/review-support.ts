import * as Y from "yjs";
import { type TestServer, useTestServer } from "../../support/index.ts";

/** The file's in-process server, whose rate limits never throttle the writes under test. */
export function useReviewServer(): TestServer {
  return useTestServer({
    limits: {
      apiRequestsPerSecond: 100_000,
      messagesPerSecond: 100_000,
      messageBurst: 100_000,
      bytesPerSecond: 1024 ** 3,
      byteBurst: 1024 ** 3,
      maxConnectionsPerModel: 1_000,
    },
  });
}

export { ana, ben, expectRefused, storedVector, threadByAna } from "../../support/review-thread.ts";

/** A Y.Map holding the same entries as `map` (nested Y.Maps copied too): reads the same. */
export function copyOf(map: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of map.entries())
    copy.set(key, value instanceof Y.Map ? copyOf(value) : value);
  return copy;
}
