// The editor's code, asked for with the HTML on a model's page (/m/<id>): the bundle's entry is
// only a router (client/src/main.tsx) that asks for the editor once it has run, a step later;
// the build names the editor's files in <meta name="logic-canvas-editor"> (client/vite.config.ts),
// preloaded here so they download alongside the entry, as when the editor was the entry.
// Immutable like every file under /assets: a change ships under a new name (…-v2.js).
(() => {
  if (!/^\/m\/[A-Za-z0-9_-]{1,64}\/?$/.test(location.pathname)) return;
  const meta = document.querySelector('meta[name="logic-canvas-editor"]');
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
