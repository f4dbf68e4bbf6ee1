/**
 * Installs the offline service worker (production builds only: in development Vite serves
 * modules that change on every edit) and hands it the files this page has already loaded.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
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
  });
}
