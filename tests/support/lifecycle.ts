import { afterAll, beforeAll } from "vitest";

/**
 * Something a whole test file shares (a server, a server process): started in `beforeAll`,
 * stopped in `afterAll`. Call it at module level; the object it returns stands for the thing
 * once the hook has run, so that it can be a module constant although it does not exist yet.
 */
export function forTheFile<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (running: T) => Promise<void>,
): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    if (running) await stop(running);
    running = undefined;
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!running) throw new Error(`${what} starts in beforeAll and stops in afterAll`);
      return Reflect.get(running, key);
    },
  });
}
