import type { LogicModel } from "@logic-canvas/shared";
import { useContext, useSyncExternalStore } from "react";
import { BindingContext } from "../canvas/actions-context.ts";

const EMPTY: LogicModel = { title: "", masteryGoal: "", nodes: [], edges: [] };
const noop = () => () => {};

/** The model as the canvas has it: notes pin to its cards, proposals revise them. */
export function useCafeModel(): LogicModel {
  const binding = useContext(BindingContext);
  return useSyncExternalStore(
    binding?.subscribe ?? noop,
    () => binding?.getSnapshot().model ?? EMPTY,
  );
}

/** A card's title by id ("a card no longer in the model" once it is gone). */
export function cardTitle(model: LogicModel, id: string | undefined): string | null {
  if (!id) return null;
  return model.nodes.find((n) => n.id === id)?.title ?? "a card no longer in the model";
}
