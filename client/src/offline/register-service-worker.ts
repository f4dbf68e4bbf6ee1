/**
 * Installs the offline service worker (production builds only: in development Vite serves
 * modules that change on every edit) and hands it the files this page has already loaded.
 * Called once the page's code is in and mounted, and run once the document has loaded and
 * `ready` has resolved: its install fetches and keeps every file of the build, which must not
 * compete with the page's own first render (the entry is tiny, so `load` comes before the page's
 * code has run; a model's page passes `afterPageShown()`, its first cards: at 1,000 cards the
 * install's ~70 requests went out between the editor's mount and its first cards).
 */
export function registerServiceWorker(ready: Promise<void> = Promise.resolve()): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  whenLoaded(() => void ready.then(install));
}

function install(): void {
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).origin === window.location.origin);
      registration.active?.postMessage({ type: "keep-assets", urls });
    })
    .catch((error: unknown) => {
      // Without it the app still works online; only reopening offline is lost.
      console.warn("Logic Canvas could not install its offline copy:", error);
    });
}

function whenLoaded(run: () => void): void {
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, { once: true });
}
