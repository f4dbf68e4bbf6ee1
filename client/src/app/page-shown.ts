/**
 * When a page's own first content is on screen (a model's page: the frame after its first cards,
 * `editor/first-render.ts`). Work the page does not show, which would only compete with that
 * first render for the network, the server and this 2-core-class machine's CPU, waits for it:
 * the offline copy's install (every file of the build) and the editor's parts fetched ahead of
 * use. A page that never says so (an error, a refusal) lets that work start after `WAIT_MS`.
 */
const WAIT_MS = 5000;

let say: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  say = resolve;
});

/** Says the page's first content is on screen; once is enough, again is harmless. */
export function pageShown(): void {
  say();
}

/** Resolves once the page has said it is shown, or `WAIT_MS` after the first call here. */
export function afterPageShown(): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS))]);
}
