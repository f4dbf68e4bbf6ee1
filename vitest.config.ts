import { defineConfig } from "vitest/config";

// One project per package, run in three groups so that the suites which measure the server under
// stress (reliability) and drive Chromium (e2e) do not compete with the unit tests, or with each
// other, for this 2-core machine: group 0 (unit, server, cross-package) in parallel, then
// reliability one file at a time, then the browser suite one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "shared",
          root: "shared",
          include: ["test/**/*.test.ts"],
          // The randomized convergence chunks take ~4 s alone; beside the suite's other workers
          // on 2 cores they can pass 5 s. A timeout is not an assertion of speed (bench/ is).
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "server",
          root: "server",
          include: ["test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "tests",
          root: "tests",
          include: ["**/*.test.ts"],
          exclude: ["e2e/**", "reliability/**", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      "client/vitest.config.ts",
      {
        test: {
          name: "reliability",
          root: "tests",
          include: ["reliability/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "e2e",
          root: "tests",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
