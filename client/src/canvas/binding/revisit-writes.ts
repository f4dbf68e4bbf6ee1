import {
  addSubgroup,
  type CycleCheck,
  type CycleDo,
  type DatedValue,
  decideCycle,
  type PdcaDecision,
  type Purpose,
  removeSubgroup,
  renameSubgroup,
  saveCheck,
  saveDo,
  savePlan,
  setPurpose,
  setSubgroupValue,
  startCycle,
  todayIso,
} from "@logic-canvas/shared";
import type { BindingContext } from "./context.ts";
import type { LocalWrites } from "./local-writes.ts";

/**
 * Revisiting the model (issue 17): a goal's PDCA cycles and the school's mission, vision and
 * values, written with the binding's origin so they undo as the person's own. A refusal from the
 * phase rules (a second cycle before a decision, a decision without a reason) becomes an error
 * notice, and the method returns false so the form keeps what was typed.
 */
export class RevisitWrites {
  constructor(
    private readonly ctx: BindingContext,
    private readonly writes: LocalWrites,
  ) {}

  /** Starts the goal's next cycle today; its id, or undefined when refused. */
  startCycle(goalId: string): string | undefined {
    return this.writes.guard(() => startCycle(this.ctx.doc, goalId, todayIso(), this.ctx.origin));
  }

  savePlan(goalId: string, cycleId: string, plan: { what: string; until?: string }): boolean {
    return this.writes.attempt(() =>
      savePlan(this.ctx.doc, goalId, cycleId, plan, this.ctx.origin),
    );
  }

  saveDo(goalId: string, cycleId: string, step: CycleDo): boolean {
    return this.writes.attempt(() => saveDo(this.ctx.doc, goalId, cycleId, step, this.ctx.origin));
  }

  saveCheck(goalId: string, cycleId: string, check: CycleCheck): boolean {
    return this.writes.attempt(() =>
      saveCheck(this.ctx.doc, goalId, cycleId, check, this.ctx.origin),
    );
  }

  decide(
    goalId: string,
    cycleId: string,
    act: { decision: PdcaDecision; reason: string },
  ): boolean {
    return this.writes.attempt(() =>
      decideCycle(this.ctx.doc, goalId, cycleId, act, todayIso(), this.ctx.origin),
    );
  }

  setPurpose(patch: Purpose): boolean {
    return this.writes.attempt(() => setPurpose(this.ctx.doc, patch, this.ctx.origin));
  }

  // A goal's subgroups (issue 18): a refused name (repeated, too long, the 13th) is a notice.
  addSubgroup(goalId: string, name: string): boolean {
    return this.writes.attempt(() => addSubgroup(this.ctx.doc, goalId, name, this.ctx.origin));
  }

  renameSubgroup(goalId: string, subgroupId: string, name: string): boolean {
    return this.writes.attempt(() =>
      renameSubgroup(this.ctx.doc, goalId, subgroupId, name, this.ctx.origin),
    );
  }

  setSubgroupValue(
    goalId: string,
    subgroupId: string,
    which: "baseline" | "target",
    value: DatedValue | null,
  ): boolean {
    return this.writes.attempt(() =>
      setSubgroupValue(this.ctx.doc, goalId, subgroupId, which, value, this.ctx.origin),
    );
  }

  /** Removes the subgroup and its measurements, as one change the person can undo. */
  removeSubgroup(goalId: string, subgroupId: string): boolean {
    return this.writes.attempt(() =>
      removeSubgroup(this.ctx.doc, goalId, subgroupId, this.ctx.origin),
    );
  }
}
