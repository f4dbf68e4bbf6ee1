import {
  addCheckIn,
  addMeasurement,
  addMeasurements,
  addNode,
  canChangeKind,
  connect,
  deleteElements,
  laneX,
  type Measurement,
  moveNodes,
  type NodeKind,
  type NodePatch,
  removeCheckIn,
  removeMeasurement,
  type SmartPatch,
  setMeta,
  updateEdge,
  updateMeasurement,
  updateNode,
  updateSmart,
} from "@logic-canvas/shared";
import type { XYPosition } from "@xyflow/react";
import { kindNoun } from "../flow-types.ts";
import type { Clip } from "../model-mirror.ts";
import type { BindingContext } from "./context.ts";

/**
 * The domain actions a person takes on the canvas, written to the document with the binding's
 * origin (so they undo as theirs). None runs when the canvas is read-only; a refusal from the
 * domain (a link drawn backward, a card that cannot change kind) becomes an error notice.
 */
export class LocalWrites {
  constructor(private readonly ctx: BindingContext) {}

  private get doc() {
    return this.ctx.doc;
  }
  private get origin() {
    return this.ctx.origin;
  }

  guard<T>(action: () => T): T | undefined {
    if (this.ctx.readOnly()) return undefined;
    try {
      return action();
    } catch (error) {
      this.ctx.notify({
        kind: "error",
        message: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  /** True when the change was made. */
  attempt(action: () => void): boolean {
    return (
      this.guard(() => {
        action();
        return true;
      }) === true
    );
  }

  createNode(kind: NodeKind, at?: XYPosition, title?: string): string | undefined {
    return this.guard(() => {
      const y = at?.y ?? this.ctx.mirror.nextFreeY(kind);
      const id = addNode(
        this.doc,
        {
          kind,
          title: title ?? `New ${kindNoun(kind)}`,
          position: { x: laneX(kind), y: Math.round(y) },
        },
        this.origin,
      );
      this.ctx.select([id]);
      return id;
    });
  }

  updateNode(id: string, patch: NodePatch): void {
    this.guard(() => updateNode(this.doc, id, patch, this.origin));
  }

  /** Moves a card to another lane if its links allow it; otherwise says why not. */
  changeKind(id: string, kind: NodeKind): void {
    const check = canChangeKind(this.ctx.model(), id, kind);
    if (!check.ok) {
      this.ctx.notify({ kind: "error", message: check.message });
      return;
    }
    const node = this.ctx.mirror.node(id);
    this.guard(() =>
      this.doc.transact(() => {
        updateNode(this.doc, id, { kind }, this.origin);
        moveNodes(
          this.doc,
          [{ id, position: { x: laneX(kind), y: node?.position?.y ?? 40 } }],
          this.origin,
        );
      }, this.origin),
    );
  }

  updateSmart(id: string, patch: SmartPatch): void {
    this.guard(() => updateSmart(this.doc, id, patch, this.origin));
  }

  // Monitoring: measurements and check-ins (issue 6).
  addMeasurement(id: string, measurement: Measurement): boolean {
    return this.attempt(() => addMeasurement(this.doc, id, measurement, this.origin));
  }
  /**
   * A spreadsheet import: every row in one transaction, fenced off from the edits before and
   * after it, so one Ctrl+Z undoes the whole import and nothing else.
   */
  addMeasurements(entries: readonly { goalId: string; measurement: Measurement }[]): boolean {
    return this.attempt(() => {
      this.ctx.undo.stopCapturing();
      addMeasurements(this.doc, entries, this.origin);
      this.ctx.undo.stopCapturing();
    });
  }
  updateMeasurement(id: string, index: number, measurement: Measurement): boolean {
    return this.attempt(() => updateMeasurement(this.doc, id, index, measurement, this.origin));
  }
  removeMeasurement(id: string, index: number): boolean {
    return this.attempt(() => removeMeasurement(this.doc, id, index, this.origin));
  }
  addCheckIn(date: string): boolean {
    return this.attempt(() => addCheckIn(this.doc, date, this.origin));
  }
  removeCheckIn(date: string): boolean {
    return this.attempt(() => removeCheckIn(this.doc, date, this.origin));
  }

  updateEdge(id: string, rationale: string): void {
    this.guard(() => updateEdge(this.doc, id, { rationale }, this.origin));
  }
  setMeta(patch: { title?: string; masteryGoal?: string }): void {
    this.guard(() => setMeta(this.doc, patch, this.origin));
  }

  deleteSelection(ids?: { nodeIds?: string[]; edgeIds?: string[] }): void {
    const selected = this.ctx.view.selection();
    const nodeIds = ids?.nodeIds ?? selected.nodeIds;
    const edgeIds = ids?.edgeIds ?? selected.edgeIds;
    if (nodeIds.length + edgeIds.length === 0) return;
    this.guard(() => deleteElements(this.doc, { nodeIds, edgeIds }, this.origin));
  }

  paste(clip: Clip, offsetY = 60): void {
    this.guard(() => {
      const newIds = new Map<string, string>();
      this.doc.transact(() => {
        for (const node of clip.nodes) {
          const { id: oldId, ...rest } = node;
          const position = { x: laneX(node.kind), y: (node.position?.y ?? 0) + offsetY };
          newIds.set(oldId, addNode(this.doc, { ...rest, position }, this.origin));
        }
        for (const edge of clip.edges) {
          const source = newIds.get(edge.source);
          const target = newIds.get(edge.target);
          if (source && target)
            connect(this.doc, { source, target, rationale: edge.rationale }, this.origin);
        }
      }, this.origin);
      this.ctx.select([...newIds.values()]);
    });
  }

  /** Applies positions computed by auto-layout as one undo step. */
  applyLayout(positions: Map<string, XYPosition>): void {
    this.guard(() => {
      this.ctx.undo.stopCapturing();
      moveNodes(
        this.doc,
        [...positions].map(([id, position]) => ({ id, position })),
        this.origin,
      );
      this.ctx.undo.stopCapturing();
    });
  }
}
