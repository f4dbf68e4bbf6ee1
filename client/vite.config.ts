import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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
 * Names the editor's code in the page (`<meta name="logic-canvas-editor">`): the entry is only a
 * router (src/main.tsx), so on a model's page `public/assets/early-editor-v1.js` preloads these
 * files with the HTML, as when the editor was the entry, instead of after the entry has run.
 */
function editorFiles(): Plugin {
  return {
    name: "logic-canvas-editor-files",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === "chunk");
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = byName.get(fileName);
          if (!chunk || files.has(fileName)) return;
          files.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
          for (const imported of chunk.imports) add(imported);
        };
        for (const c of chunks)
          if (/\/(editor\/EditorPage|app\/mount)\.tsx$/.test(c.facadeModuleId ?? ""))
            add(c.fileName);
        // What the page asks for anyway (the entry and its styles) is left out.
        const content = [...files]
          .map((f) => `/${f}`)
          .filter((f) => !html.includes(f))
          .sort()
          .join(" ");
        // Just before the script that reads it, which runs as soon as it is parsed.
        const script = '<script src="/assets/early-editor-v1.js"></script>';
        if (!html.includes(script)) throw new Error(`index.html has no ${script}`);
        return html.replace(
          script,
          `<meta name="logic-canvas-editor" content="${content}" />\n    ${script}`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), offlineFiles(), editorFiles()],
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
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
});
