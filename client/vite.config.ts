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

export default defineConfig({
  plugins: [react(), offlineFiles()],
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
