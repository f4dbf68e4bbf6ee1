import type { LogicModel } from "@logic-canvas/shared";
import { useEffect, useState, useSyncExternalStore } from "react";
import { ReadingStore } from "./reading-store.ts";
import type { ReadingView } from "./reading-view.ts";

/** The editor's reading tools, fed with the model and the selection after each render. */
export function useReadingStore(model: LogicModel, selectedIds: readonly string[]): ReadingStore {
  const [store] = useState(() => new ReadingStore());
  useEffect(() => store.sync(model, selectedIds), [store, model, selectedIds]);
  return store;
}

export function useReadingView(store: ReadingStore): ReadingView {
  return useSyncExternalStore(store.subscribe, store.getView);
}
