import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { type BindingSnapshot, YjsFlowBinding } from "./yjs-flow-binding.ts";

const EMPTY: BindingSnapshot = {
  nodes: [],
  edges: [],
  model: { title: "", masteryGoal: "", nodes: [], edges: [] },
  canUndo: false,
  canRedo: false,
  checkIns: [],
};
const noop = () => () => {};

/** Creates the binding for a document (in an effect, so StrictMode's remount is safe). */
export function useFlowFromDoc(
  doc: Y.Doc,
  readOnly: boolean,
): { binding: YjsFlowBinding | null; snapshot: BindingSnapshot } {
  const [binding, setBinding] = useState<YjsFlowBinding | null>(null);
  // Role changes are applied below without rebuilding the binding (and its undo history).
  const initialReadOnly = useRef(readOnly);
  useEffect(() => {
    const created = new YjsFlowBinding(doc, { readOnly: initialReadOnly.current });
    setBinding(created);
    return () => created.destroy();
  }, [doc]);
  useEffect(() => binding?.setReadOnly(readOnly), [binding, readOnly]);
  const snapshot = useSyncExternalStore(
    binding?.subscribe ?? noop,
    binding?.getSnapshot ?? (() => EMPTY),
  );
  return { binding, snapshot };
}
