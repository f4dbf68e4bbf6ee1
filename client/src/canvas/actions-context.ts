import { createContext, useContext } from "react";
import type { YjsFlowBinding } from "./yjs-flow-binding.ts";

/** The binding's actions for cards and edges; the value is stable, so cards do not re-render. */
export const BindingContext = createContext<YjsFlowBinding | null>(null);

export function useBinding(): YjsFlowBinding {
  const binding = useContext(BindingContext);
  if (!binding) throw new Error("useBinding outside of BindingContext");
  return binding;
}
