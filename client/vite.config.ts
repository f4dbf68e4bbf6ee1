import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const server = process.env.LOGIC_CANVAS_SERVER ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: false },
      "/collab": { target: server, ws: true },
    },
  },
  build: { chunkSizeWarningLimit: 2000, sourcemap: false },
});
