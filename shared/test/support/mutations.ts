import type * as Y from "yjs";
import {
  addMeasurement,
  addNode,
  canConnect,
  connect,
  DomainError,
  deleteNode,
  disconnect,
  edgesMap,
  INNOVATION_STAGES,
  measurementsOf,
  moveNode,
  NODE_KINDS,
  nodesMap,
  readModel,
  removeMeasurement,
  replaceModel,
  setMeta,
  updateEdge,
  updateMeasurement,
  updateNode,
  updateSmart,
} from "../../src/index.ts";
import type { Rng } from "./prng.ts";

/** One random typed mutation through the public doc API, as a collaborator would make it. */

const UNITS = ["percent", "students", "score", "count", "lexile level"] as const;
const TITLES = ["Hire coaches", "Teachers share intentions", "Ünïcode ✓ goal", "=SUM(A1)", "x"];

function date(rng: Rng): string {
  return `202${5 + rng.int(3)}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`;
}

function id(rng: Rng): string {
  return `n${rng.int(1e9).toString(36)}`;
}

export const MUTATION_KINDS = [
  "addNode",
  "updateNode",
  "move",
  "connect",
  "disconnect",
  "deleteNode",
  "smart",
  "measure",
  "fixMeasurement",
  "removeMeasurement",
  "meta",
  "rationale",
  "replace",
] as const;

type MutationKind = (typeof MUTATION_KINDS)[number];

/** What one mutation step works on: the doc, the dice, and the card picked for it. */
interface Step {
  doc: Y.Doc;
  rng: Rng;
  origin: unknown;
  kind: MutationKind;
  nodeIds: string[];
  edgeIds: string[];
  nodeId: string;
}

function editNodeField({ doc, rng, origin, nodeId }: Step): void {
  const field = rng.int(4);
  if (field === 0) updateNode(doc, nodeId, { title: `${rng.pick(TITLES)} ${rng.int(99)}` }, origin);
  else if (field === 1)
    updateNode(doc, nodeId, { notes: rng.chance(0.3) ? null : 'note, "quoted"' }, origin);
  else if (field === 2) updateNode(doc, nodeId, { kind: rng.pick(NODE_KINDS) }, origin);
  else updateNode(doc, nodeId, { stage: rng.pick(INNOVATION_STAGES) }, origin);
}

function connectCards({ doc, rng, origin, nodeId, nodeIds }: Step): void {
  const target = rng.pick(nodeIds) ?? "";
  // Mostly checked like the UI does; sometimes not, so invalid links reach the rules too.
  if (rng.chance(0.2) || canConnect(readModel(doc), nodeId, target).ok)
    connect(doc, { id: id(rng), source: nodeId, target }, origin);
}

function editSmartField({ doc, rng, origin, nodeId }: Step): void {
  const which = rng.int(5);
  if (which === 0)
    updateSmart(doc, nodeId, { indicator: "students proficient", unit: rng.pick(UNITS) }, origin);
  else if (which === 1)
    updateSmart(doc, nodeId, { baseline: { value: rng.int(100), date: date(rng) } }, origin);
  else if (which === 2)
    updateSmart(doc, nodeId, { target: { value: rng.int(100), date: date(rng) } }, origin);
  else if (which === 3)
    updateSmart(doc, nodeId, { cohortSize: rng.chance(0.2) ? null : 1 + rng.int(300) }, origin);
  else updateSmart(doc, nodeId, { baseline: null }, origin);
}

/** Fixes or removes one of the card's measurements (nothing when it has none). */
function changeMeasurement({ doc, rng, origin, nodeId, kind }: Step): void {
  const node = nodesMap(doc).get(nodeId);
  const count = node ? (measurementsOf(node)?.length ?? 0) : 0;
  if (count === 0) return;
  if (kind === "removeMeasurement") removeMeasurement(doc, nodeId, rng.int(count), origin);
  else
    updateMeasurement(
      doc,
      nodeId,
      rng.int(count),
      { date: date(rng), value: rng.int(100), note: "fixed" },
      origin,
    );
}

/** An API content replacement or version restore: the model minus one node, retitled. */
function replaceWithOneFewer({ doc, rng, origin }: Step): void {
  const model = readModel(doc);
  const drop = rng.pick(model.nodes)?.id;
  replaceModel(
    doc,
    {
      ...model,
      title: `Restored ${rng.int(9)}`,
      nodes: model.nodes.filter((n) => n.id !== drop),
      edges: model.edges.filter((e) => e.source !== drop && e.target !== drop),
    },
    origin,
  );
}

const STEPS: Record<MutationKind, (step: Step) => void> = {
  addNode: ({ doc, rng, origin }) => {
    const k = rng.pick(NODE_KINDS) ?? "input";
    addNode(doc, { id: id(rng), kind: k, title: rng.pick(TITLES) ?? "x" }, origin);
  },
  updateNode: editNodeField,
  move: ({ doc, rng, origin, nodeId }) =>
    moveNode(doc, nodeId, { x: rng.int(2000), y: rng.int(2000) }, origin),
  connect: connectCards,
  disconnect: ({ doc, rng, origin, edgeIds }) => {
    if (edgeIds.length) disconnect(doc, rng.pick(edgeIds) as string, origin);
  },
  deleteNode: ({ doc, origin, nodeId }) => deleteNode(doc, nodeId, origin),
  smart: editSmartField,
  measure: ({ doc, rng, origin, nodeId }) =>
    addMeasurement(doc, nodeId, { date: date(rng), value: rng.int(100) }, origin),
  fixMeasurement: changeMeasurement,
  removeMeasurement: changeMeasurement,
  meta: ({ doc, rng, origin }) =>
    setMeta(
      doc,
      rng.chance(0.5) ? { title: `Plan ${rng.int(9)}` } : { masteryGoal: "Self-assessors" },
      origin,
    ),
  rationale: ({ doc, rng, origin, edgeIds }) => {
    if (edgeIds.length)
      updateEdge(
        doc,
        rng.pick(edgeIds) as string,
        { rationale: rng.chance(0.3) ? null : "because" },
        origin,
      );
  },
  replace: replaceWithOneFewer,
};

export function randomMutation(doc: Y.Doc, rng: Rng, origin: unknown): string {
  const nodeIds = [...nodesMap(doc).keys()];
  const edgeIds = [...edgesMap(doc).keys()];
  const kind = rng.pick(nodeIds.length < 3 ? ["addNode"] : MUTATION_KINDS) as MutationKind;
  const nodeId = rng.pick(nodeIds) ?? "";
  try {
    STEPS[kind]({ doc, rng, origin, kind, nodeIds, edgeIds, nodeId });
  } catch (error) {
    // Refusals (a card deleted meanwhile, a kind change that would drop a target) are expected.
    if (!(error instanceof DomainError)) throw error;
  }
  return kind;
}
