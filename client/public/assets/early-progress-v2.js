// The workspace progress page's first rows and code (issue 16), asked for before the bundle has
// even been parsed. On /workspaces/<id>/progress this classic script:
// - starts the request the page makes first (its first 200 rows in the default order,
//   client/src/cascade/progress-pages.ts), so the server reads a district's rows while the
//   page's code loads. The page takes the answer from window.__logicCanvasEarlyProgress only
//   when it would ask exactly this URL (client/src/cascade/early-progress.ts); otherwise it asks
//   as before, and draws them in its first render if the answer came before its code;
// - preloads the page's code, which the build names in <meta name="logic-canvas-progress">
//   (client/vite.config.ts), so it downloads alongside the entry rather than after it has run
//   (the entry is only a router, client/src/main.tsx).
// Replaces early-progress-v1.js (kept for pages cached with the old HTML). Immutable like every
// file under /assets: a change ships under a new name (…-v3.js).
(() => {
  const match = /^\/workspaces\/([A-Za-z0-9]{16})\/progress\/?$/.exec(location.pathname);
  if (!match || typeof fetch !== "function") return;
  const url = `/api/workspaces/${match[1]}/cascade/progress?limit=200`;
  const answer = fetch(url).then(
    (response) =>
      response
        .json()
        .catch(() => undefined)
        .then((body) => ({ status: response.status, body })),
    () => ({ status: 0, body: undefined }),
  );
  const early = { url, answer };
  // Kept as it comes, so a page whose code arrives after it draws its rows in its first render.
  answer.then((settled) => {
    early.settled = settled;
  });
  window.__logicCanvasEarlyProgress = early;
  const meta = document.querySelector('meta[name="logic-canvas-progress"]');
  const files = meta ? (meta.getAttribute("content") || "").split(" ").filter(Boolean) : [];
  for (const file of files) {
    const link = document.createElement("link");
    if (file.endsWith(".css")) {
      link.rel = "preload";
      link.as = "style";
    } else {
      link.rel = "modulepreload";
    }
    link.crossOrigin = "";
    link.href = file;
    document.head.appendChild(link);
  }
})();
