import {
  type AlignableAnswer,
  type AlignmentContextAnswer,
  cascadePaths,
  type GalleryPostAnswer,
  galleryPostPath,
  type LogicNode,
  type RollupAnswer,
  toModelFile,
  type WorkspaceProgressAnswer,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { exportModel, waitFor } from "../support/index.ts";
import { call, createModelIn } from "../support/workspaces.ts";
import { getJson, goal, openStream, putNodes, useCascadeWorld } from "./cascade-world.ts";

/**
 * The cascade while pages are open: an open model hears the models above and below it change,
 * maps hear workspaces move or be archived; and what a copy, a search and a post from the editor
 * give. The moves and the archive run last: they change the world.
 */

const w = useCascadeWorld();

const S1 = () => ({ modelId: w.models.SM.id, cardId: "S1" });
const grade3 = (value: number): LogicNode => ({
  ...goal("T3", "Grade 3 reads", { unit: "percent", baseline: 84, target: 82, cohortSize: 80 }, [
    S1(),
  ]),
  measurements: [{ date: "2026-12-01", value }],
});
const heard = (received: { modelIds: string[] }[], id: string) =>
  received.some((e) => e.modelIds.includes(id));

describe("an open model's live stream", () => {
  it("tells the school's open model when a team records a measurement, and the roll-up says where they stand now", async () => {
    const stream = await openStream(w.url, cascadePaths.modelEvents(w.models.SM.id), w.admin);
    try {
      await putNodes(w.url, w.models.G3, "Grade 3 plan", [grade3(90)]);
      await waitFor(() => heard(stream.received, w.models.G3.id), "the grade 3 change");
      const rollup = await getJson<RollupAnswer>(
        w.url,
        cascadePaths.rollup(w.models.SM.id, "S1"),
        w.admin,
      );
      // 90 % of grade 3's 80 students is 72; grade 1 is not measured: its baseline, 54.
      expect(rollup.sentence).toBe(
        "The two team goals' targets add up to 129 of the 240 students the school goal needs: 111 short; today they stand at 126 (one is not measured yet and counts its baseline).",
      );

      // Roosevelt is neither above nor below Lincoln; the school's own model is live already.
      await putNodes(w.url, w.models.RM, "Roosevelt plan", [
        goal("R1", "Roosevelt math", {
          unit: "percent",
          baseline: 50,
          target: 61,
          cohortSize: 300,
        }),
      ]);
      await putNodes(w.url, w.models.DM, "District plan", [
        goal("D1", "District reading proficiency", {
          unit: "percent",
          baseline: 70,
          target: 81,
          cohortSize: 1000,
        }),
      ]);
      await waitFor(() => heard(stream.received, w.models.DM.id), "the district change");
      const all = stream.received.flatMap((e) => e.modelIds);
      expect(all).not.toContain(w.models.RM.id);
      expect(all).not.toContain(w.models.SM.id);
    } finally {
      stream.close();
    }
  });

  it("tells a team member's open model when the school goal above changes", async () => {
    const stream = await openStream(w.url, cascadePaths.modelEvents(w.models.G3.id), w.tess);
    try {
      await putNodes(w.url, w.models.SM, "Lincoln plan", [
        goal(
          "S1",
          "Lincoln reading proficiency",
          { unit: "percent", baseline: 75, target: 95, cohortSize: 240 },
          [{ modelId: w.models.DM.id, cardId: "D1" }],
        ),
      ]);
      await waitFor(() => heard(stream.received, w.models.SM.id), "the school change");
    } finally {
      stream.close();
    }
  });

  it("says in words that a link alone cannot follow the cascade live", async () => {
    const response = await call(w.url, cascadePaths.modelEvents(w.models.G3.id), {
      token: w.models.G3.tokens.viewer,
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe("Live alignment updates need you signed in.");
  });
});

describe("copies, search and posting", () => {
  it("leaves a copy's alignments out and says so", async () => {
    const response = await call(w.url, `/api/models/${w.models.G3.id}/duplicate`, {
      method: "POST",
      cookie: w.admin,
      token: w.models.G3.tokens.owner,
    });
    expect(response.status).toBe(201);
    const copy = (await response.json()) as {
      alignmentsDropped: number;
      notice: string;
      links: { owner: string };
      id: string;
    };
    expect(copy.alignmentsDropped).toBe(1);
    expect(copy.notice).toContain("one alignment to a goal above was left out of it");
    const token = new URL(copy.links.owner).hash.replace("#token=", "");
    const file = (await exportModel(w.url, copy.id, token)) as { nodes: LogicNode[] };
    expect(file.nodes.find((n) => n.id === "T3")?.alignsTo).toBeUndefined();
    const original = (await exportModel(w.url, w.models.G3.id, w.models.G3.tokens.owner)) as {
      nodes: LogicNode[];
    };
    expect(original.nodes.find((n) => n.id === "T3")?.alignsTo).toEqual([S1()]);
  });

  it("finds goals to align to by words anywhere in goal, model and workspace", async () => {
    const search = async (q: string) =>
      (
        await getJson<AlignableAnswer>(
          w.url,
          cascadePaths.alignable(w.models.G3.id, "T3", q),
          w.tess,
        )
      ).goals.map((g) => g.title);
    expect(await search("elementary reading")).toEqual(["Lincoln reading proficiency"]);
    expect(await search("PLAN district")).toEqual(["District reading proficiency"]);
    expect(await search("proficiency reading")).toHaveLength(2);
    expect(await search("lincoln math")).toEqual([]);
  });

  it("posts a model to the gallery above and names the gallery", async () => {
    const response = await call(w.url, galleryPostPath(w.models.G3.id), {
      method: "POST",
      cookie: w.admin,
      token: w.models.G3.tokens.owner,
      body: {},
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as GalleryPostAnswer;
    expect(answer).toMatchObject({ galleryId: w.ws.lincoln, galleryName: "Lincoln Elementary" });
  });
});

describe("progress in pages", () => {
  it("pages the district's rows with limit and cursor, and refuses a bad page in words", async () => {
    const page = (query: { limit?: number; cursor?: string }) =>
      getJson<WorkspaceProgressAnswer>(w.url, cascadePaths.progress(w.ws.district, query), w.admin);
    const all = await page({});
    expect(all.total).toBe(5);
    expect(all.nextCursor).toBeNull();
    const first = await page({ limit: 2 });
    expect(first.rows.map((r) => r.cardId)).toEqual(all.rows.slice(0, 2).map((r) => r.cardId));
    expect(first).toMatchObject({ total: 5, nextCursor: "2" });
    const last = await page({ limit: 2, cursor: "4" });
    expect(last.rows.map((r) => r.cardId)).toEqual([all.rows[4]?.cardId]);
    expect(last.nextCursor).toBeNull();
    for (const [query, words] of [
      ["limit=0", "limit must be at least 1"],
      ["limit=9999999", "limit must be at most 5000 rows"],
      ["cursor=abc", "cursor must be the nextCursor of an earlier answer"],
    ]) {
      const refused = await call(w.url, `${cascadePaths.progress(w.ws.district)}?${query}`, {
        cookie: w.admin,
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(words);
    }
  });
});

describe("a new model in a workspace", () => {
  it("tells the open maps above it, so its goals appear without a reload", async () => {
    const district = await openStream(w.url, cascadePaths.events(w.ws.district), w.admin);
    try {
      const created = await createModelIn(
        w.url,
        w.admin,
        w.ws.grade3,
        toModelFile({
          title: "Grade 3 writing plan",
          masteryGoal: "",
          nodes: [goal("W3", "Grade 3 writes", { unit: "percent", baseline: 50, target: 60 })],
          edges: [],
        }),
      );
      await waitFor(() => heard(district.received, created.id), "the district hearing it");
      const progress = await getJson<WorkspaceProgressAnswer>(
        w.url,
        cascadePaths.progress(w.ws.district, { q: "grade 3 writes" }),
        w.admin,
      );
      expect(progress.rows.map((r) => r.modelId)).toEqual([created.id]);
    } finally {
      district.close();
    }
  });
});

describe("moving and archiving workspaces", () => {
  it("tells the maps of both the old and the new school when a team moves, and its alignment breaks", async () => {
    const lincoln = await openStream(w.url, cascadePaths.events(w.ws.lincoln), w.admin);
    const roosevelt = await openStream(w.url, cascadePaths.events(w.ws.roosevelt), w.admin);
    try {
      const moved = await call(w.url, `/api/workspaces/${w.ws.grade1}`, {
        method: "PATCH",
        cookie: w.admin,
        body: { parentId: w.ws.roosevelt },
      });
      expect(moved.status).toBe(200);
      await waitFor(() => heard(lincoln.received, w.models.G1.id), "the old school hearing it");
      await waitFor(() => heard(roosevelt.received, w.models.G1.id), "the new school hearing it");
      const context = await getJson<AlignmentContextAnswer>(
        w.url,
        cascadePaths.context(w.models.G1.id),
        w.admin,
      );
      expect(context.cards[0]?.up[0]?.broken).toBe("moved");
    } finally {
      lincoln.close();
      roosevelt.close();
    }
  });

  it("tells the district's map when a school is archived", async () => {
    const district = await openStream(w.url, cascadePaths.events(w.ws.district), w.admin);
    try {
      const archived = await call(w.url, `/api/workspaces/${w.ws.lincoln}`, {
        method: "PATCH",
        cookie: w.admin,
        body: { archived: true },
      });
      expect(archived.status).toBe(200);
      await waitFor(
        () => heard(district.received, w.models.SM.id) && heard(district.received, w.models.G3.id),
        "the archived school's models",
      );
    } finally {
      district.close();
    }
  });
});
