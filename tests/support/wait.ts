/**
 * Polls `check` every `intervalMs` until it holds; fails naming `what` after `timeout` ms (a
 * function for a description of the state at that moment).
 */
export async function waitFor(
  check: () => boolean,
  what: string | (() => string) = "condition",
  timeout = 10_000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
