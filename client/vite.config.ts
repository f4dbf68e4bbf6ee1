import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type Rollup } from "vite";

const server = process.env.LOGIC_CANVAS_SERVER ?? "http://127.0.0.1:8787";

/**
 * Lists every file of the build under /assets in `/offline-files.json`, for the service worker
 * to keep at install: the parts of the app that load on first use (the goal panel, comments, the
 * café…) must open offline too, though this page never fetched them online.
 */
function offlineFiles(): Plugin {
  return {
    name: "logic-canvas-offline-files",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith("assets/"))
        .sort()
        .map((name) => `/${name}`);
      this.emitFile({
        type: "asset",
        fileName: "offline-files.json",
        source: JSON.stringify(files),
      });
    },
  };
}

/**
 * Names a page's code in the page (`<meta name="logic-canvas-editor">`, `…-progress"`): the entry
 * is only a router (src/main.tsx), so an early script under `public/assets` preloads these files
 * with the HTML on that page's path, instead of after the entry has run: a model's page
 * (`early-editor-v1.js`) and the workspace progress page (`early-progress-v2.js`, issue 16).
 */
const PAGE_FILES = [
  {
    meta: "logic-canvas-editor",
    script: "/assets/early-editor-v1.js",
    modules: /\/(editor\/EditorPage|app\/mount)\.tsx$/,
  },
  {
    meta: "logic-canvas-progress",
    script: "/assets/early-progress-v2.js",
    modules: /\/(cascade\/ProgressPage|app\/mount)\.tsx$/,
  },
];

/** Every file `modules`' chunks need (their imports and styles, transitively), as /assets paths. */
function filesOf(chunks: Rollup.OutputChunk[], modules: RegExp): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const files = new Set<string>();
  const add = (fileName: string) => {
    const chunk = byName.get(fileName);
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) add(imported);
  };
  for (const c of chunks) if (modules.test(c.facadeModuleId ?? "")) add(c.fileName);
  return [...files].map((f) => `/${f}`).sort();
}

function pageFiles(): Plugin {
  return {
    name: "logic-canvas-page-files",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === "chunk");
        let out = html;
        for (const page of PAGE_FILES) {
          // What the page asks for anyway (the entry and its styles) is left out.
          const content = filesOf(chunks, page.modules)
            .filter((f) => !html.includes(f))
            .join(" ");
          // Just before the script that reads it, which runs as soon as it is parsed.
          const script = `<script src="${page.script}"></script>`;
          if (!out.includes(script)) throw new Error(`index.html has no ${script}`);
          out = out.replace(
            script,
            `<meta name="${page.meta}" content="${content}" />\n    ${script}`,
          );
        }
        return out;
      },
    },
  };
}

const COMMON_MODULES = new RegExp(
  [
    String.raw`[\/]client[\/]src[\/](app[\/]json-api\.ts|ui[\/]dates\.ts)$`,
    String.raw`[\/]client[\/]src[\/]monitoring[\/](StatusBadge\.tsx|status-labels\.ts)$`,
    String.raw`[\/]shared[\/]src[\/](light|cascade-paths|search-params|progress-sorts|workspace-kinds|kinds|progress|status-words|dates)\.ts$`,
  ].join("|"),
);

export default defineConfig({
  plugins: [react(), offlineFiles(), pageFiles()],
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: false },
      "/collab": { target: server, ws: true },
    },
  },
  build: {
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("index.html", import.meta.url)),
        // The offline service worker: its own entry, at the root so its scope is the whole app.
        sw: fileURLToPath(new URL("src/offline/service-worker.ts", import.meta.url)),
      },
      output: {
        // The small modules both the progress page and the editor run (the JSON wrapper, dates,
        // the status words and badge, the light domain facts, shared/src/light.ts) in one
        // chunk: left to itself the bundler makes five tiny files of them, five more requests
        // on the editor's six connections.
        codeSplitting: { groups: [{ name: "common", test: COMMON_MODULES }] },
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
});
