import { defineConfig } from "vitest/config";

// One project per package; the browser end-to-end suite runs alone (one worker) so that its
// servers and Chromium instances do not starve the unit tests on a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "shared", root: "shared", include: ["test/**/*.test.ts"] },
      },
      {
        test: {
          name: "server",
          root: "server",
          include: ["test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "tests",
          root: "tests",
          include: ["**/*.test.ts"],
          exclude: ["e2e/**", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      "client/vitest.config.ts",
      {
        test: {
          name: "e2e",
          root: "tests",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
