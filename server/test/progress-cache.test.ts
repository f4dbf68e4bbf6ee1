import type { ProgressRow } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { TREE_CHANGED } from "../src/cascade/hub.ts";
import { type BuiltRows, ProgressCache } from "../src/cascade/progress-cache.ts";

/** A build that counts its calls; its rows name the build they came from. */
function builder(modelIds: string[]) {
  let builds = 0;
  const build = async (): Promise<BuiltRows> => {
    builds += 1;
    return { rows: [{ title: `build ${builds}` } as ProgressRow], modelIds: new Set(modelIds) };
  };
  return { build, builds: () => builds };
}
const title = async (answer: Promise<{ rows: ProgressRow[] }>) => (await answer).rows[0]?.title;

describe("the progress rows kept between requests", () => {
  it("answers a scope from what it kept until a model its rows read changes", async () => {
    const cache = new ProgressCache();
    const b = builder(["team", "school"]);
    expect(await title(cache.rows("district", b.build))).toBe("build 1");
    expect(await title(cache.rows("district", b.build))).toBe("build 1");
    // Another model, read by none of its rows: kept.
    cache.invalidate(["elsewhere"]);
    expect(await title(cache.rows("district", b.build))).toBe("build 1");
    // A goal above that its rows align to, or one of its own models: built again.
    cache.invalidate(["school"]);
    expect(await title(cache.rows("district", b.build))).toBe("build 2");
    cache.invalidate([TREE_CHANGED]);
    expect(await title(cache.rows("district", b.build))).toBe("build 3");
    // Another scope (other roles, another tree) never gets these rows.
    expect(await title(cache.rows("district as a teacher", b.build))).toBe("build 4");
  });

  it("does not keep rows read while a model they read changed", async () => {
    const cache = new ProgressCache();
    let release = () => {};
    const slow = async (): Promise<BuiltRows> => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return {
        rows: [{ title: "read before the change" } as ProgressRow],
        modelIds: new Set(["team"]),
      };
    };
    const answer = cache.rows("district", slow);
    await Promise.resolve();
    cache.invalidate(["team"]);
    release();
    expect(await title(answer)).toBe("read before the change");
    const b = builder(["team"]);
    expect(await title(cache.rows("district", b.build))).toBe("build 1");
  });

  it("keeps each filter's order with the rows, dropped with them", async () => {
    const cache = new ProgressCache();
    const b = builder(["team"]);
    let orders = 0;
    const order = () => {
      orders += 1;
      return [];
    };
    (await cache.rows("district", b.build)).ordered("attention", order);
    (await cache.rows("district", b.build)).ordered("attention", order);
    expect(orders).toBe(1);
    cache.invalidate(["team"]);
    (await cache.rows("district", b.build)).ordered("attention", order);
    expect(orders).toBe(2);
  });
});
