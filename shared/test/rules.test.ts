import { describe, expect, it } from "vitest";
import {
  canChangeKind,
  canConnect,
  ERROR_CODES,
  type LogicModel,
  validateModel,
  WARNING_CODES,
} from "../src/index.ts";
import { chain, edge, model, node } from "./support/models.ts";

const today = "2026-11-23";

function codes(m: LogicModel): string[] {
  const { errors, warnings } = validateModel(m, { today });
  return [...errors, ...warnings].map((i) => i.code);
}

function withChain(change: (m: LogicModel) => void): LogicModel {
  const m = chain();
  change(m);
  return m;
}

/** [code, a model that triggers it]; the clean chain is the case that must not trigger any. */
const TRIGGERS: [string, () => LogicModel][] = [
  ["edge-missing-node", () => withChain((m) => m.edges.push(edge("A", "ghost")))],
  ["edge-self", () => withChain((m) => m.edges.push(edge("A", "A")))],
  ["edge-backward", () => withChain((m) => m.edges.push(edge("S", "A")))],
  ["edge-duplicate", () => withChain((m) => m.edges.push(edge("I", "A", "again")))],
  ["id-duplicate", () => withChain((m) => m.nodes.push(node("A", "activity")))],
  [
    "mastery-goal-missing",
    () =>
      withChain((m) => {
        m.masteryGoal = "  ";
      }),
  ],
  ["node-orphan", () => withChain((m) => m.nodes.push(node("X", "activity")))],
  ["edge-skips-stage", () => withChain((m) => m.edges.push(edge("A", "M")))],
  [
    "activity-without-outcome",
    () =>
      withChain((m) => {
        m.nodes.push(node("A2", "activity"));
        m.edges.push(edge("I", "A2"));
      }),
  ],
  [
    "input-unused",
    // Its only link is a (refused) backward one, so it feeds no activity.
    () =>
      withChain((m) => {
        m.nodes.push(node("I2", "input"));
        m.edges.push(edge("A", "I2"));
      }),
  ],
  [
    "longterm-unreachable",
    () =>
      withChain((m) => {
        m.nodes.push(node("L2", "longTerm"));
        m.edges.push(edge("M", "L2"));
        m.edges = m.edges.filter((e) => e.id !== "I-A");
      }),
  ],
  [
    "goal-without-indicator",
    () =>
      withChain((m) => {
        delete m.nodes[2]?.smart;
      }),
  ],
  [
    "goal-not-smart",
    () =>
      withChain((m) => {
        const s = m.nodes[2]?.smart;
        if (s) delete s.baseline;
      }),
  ],
  [
    "target-not-beyond-baseline",
    () =>
      withChain((m) => {
        const s = m.nodes[2]?.smart;
        if (s?.target) s.target.value = 10;
      }),
  ],
  [
    "target-before-baseline",
    () =>
      withChain((m) => {
        const s = m.nodes[2]?.smart;
        if (s?.target) s.target.date = "2026-08-01";
      }),
  ],
  [
    "midjourney-stale",
    () =>
      withChain((m) => {
        const n = m.nodes[3];
        if (n) n.measurements = [{ date: "2026-09-20", value: 30 }];
      }),
  ],
];

describe("validateModel", () => {
  it("finds nothing wrong with a clean, linked, measured chain", () => {
    expect(validateModel(chain(), { today })).toEqual({ errors: [], warnings: [] });
  });

  it("covers exactly the codes of the issue", () => {
    expect(TRIGGERS.map(([code]) => code).sort()).toEqual(
      [...ERROR_CODES, ...WARNING_CODES].sort(),
    );
  });

  for (const [code, build] of TRIGGERS) {
    it(`reports ${code} when it applies and not otherwise`, () => {
      expect(codes(build())).toContain(code);
      expect(codes(chain())).not.toContain(code);
    });
  }

  it("files errors and warnings apart", () => {
    const { errors, warnings } = validateModel(
      withChain((m) => m.edges.push(edge("S", "A"), edge("A", "M"))),
      { today },
    );
    expect(errors.map((e) => e.code)).toEqual(["edge-backward"]);
    expect(warnings.map((w) => w.code)).toEqual(["edge-skips-stage"]);
  });

  it("names the cards by title in its messages", () => {
    const { errors } = validateModel(
      withChain((m) => m.edges.push(edge("S", "A", "bad"))),
      { today },
    );
    expect(errors[0]).toMatchObject({ nodeIds: ["S", "A"], edgeIds: ["bad"] });
    expect(errors[0]?.message).toContain(
      '"Coaches in classrooms" links backward to "Principals hire coaches"',
    );
  });

  it("counts a same-column link as backward", () => {
    expect(
      codes(
        withChain((m) => {
          m.nodes.push(node("A2", "activity"));
          m.edges.push(edge("A", "A2"));
        }),
      ),
    ).toContain("edge-backward");
  });

  it("does not flag a mid-journey goal measured within 60 days, or before its baseline has passed", () => {
    expect(
      codes(
        withChain((m) => {
          const n = m.nodes[3];
          if (n) n.measurements = [{ date: "2026-09-25", value: 30 }];
        }),
      ),
    ).not.toContain("midjourney-stale");
    const m = chain();
    const n = m.nodes[3];
    if (n?.smart?.baseline) n.smart.baseline.date = "2026-10-01";
    if (n) delete n.measurements;
    expect(validateModel(m, { today }).warnings.map((w) => w.code)).not.toContain(
      "midjourney-stale",
    );
    expect(validateModel(m, { today: "2026-12-01" }).warnings.map((w) => w.code)).toContain(
      "midjourney-stale",
    );
  });

  it("checks a 5,000-card model without quadratic work", () => {
    const nodes = [];
    const edges = [];
    const kinds = ["input", "activity", "smallWin", "midJourney", "longTerm"] as const;
    for (let i = 0; i < 5000; i += 1) nodes.push(node(`n${i}`, kinds[i % 5] ?? "input"));
    for (let i = 0; i < 5000 - 1; i += 1) edges.push(edge(`n${i}`, `n${i + 1}`));
    const result = validateModel(model(nodes, edges), { today });
    // Every fifth link runs from a long-term goal back to an input.
    expect(result.errors.filter((e) => e.code === "edge-backward")).toHaveLength(999);
  });
});

describe("canConnect", () => {
  const m = chain();
  it("allows a forward link that does not exist yet", () => {
    expect(canConnect(m, "I", "S")).toEqual({ ok: true });
  });
  it.each([
    ["A", "A", "edge-self", "cannot link to itself"],
    ["S", "I", "edge-backward", "links backward"],
    ["I", "A", "edge-duplicate", "already links"],
    ["I", "gone", "edge-missing-node", "no longer exists"],
  ])("refuses %s → %s with %s", (source, target, code, fragment) => {
    const check = canConnect(m, source, target);
    expect(check).toMatchObject({ ok: false, code });
    expect(check.ok ? "" : check.message).toContain(fragment);
  });
  it("says which columns a backward link could have gone to", () => {
    const fromWin = canConnect(m, "S", "A");
    expect(fromWin.ok ? "" : fromWin.message).toContain(
      "so small-win goals link to mid-journey goals or long-term performance goals.",
    );
    const fromLast = canConnect(m, "L", "M");
    expect(fromLast.ok ? "" : fromLast.message).toContain(
      "long-term performance goals are the last column.",
    );
  });
});

describe("canChangeKind", () => {
  it("allows a lane change that keeps every link forward", () => {
    const m = model(
      [node("I", "input"), node("A", "activity"), node("M", "midJourney")],
      [edge("I", "A")],
    );
    expect(canChangeKind(m, "A", "smallWin")).toEqual({ ok: true });
  });
  it("refuses a lane change that would turn a link backward", () => {
    const check = canChangeKind(chain(), "A", "midJourney");
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).toContain('"Coaches in classrooms"');
  });
  it("refuses to make a goal with a target into an activity", () => {
    const m = model([node("S", "smallWin", { smart: { indicator: "x y", unit: "count" } })], []);
    expect(canChangeKind(m, "S", "activity").ok).toBe(false);
  });
});
