import type { LogicModel } from "@logic-canvas/shared";
import type { YjsFlowBinding } from "../../canvas/yjs-flow-binding.ts";

/**
 * What every side-panel section receives. In its own module so that the sections (here and in
 * review/ and history/) need not import SidePanel.tsx, which imports them.
 */
export interface PanelProps {
  binding: YjsFlowBinding;
  model: LogicModel;
  selection: { nodeIds: string[]; edgeIds: string[] };
  onFocus: (nodeIds: string[], edgeIds?: string[]) => void;
  /** The model's numbers of cards and links when not the model's own (the canvas snapshot's). */
  counts?: { cards: number; links: number };
}
