import { type LogicModel, overloads, radarItemsOf } from "@logic-canvas/shared";
import { useMemo } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { OverloadWarnings, RadarBoard } from "./RadarBoard.tsx";

/**
 * The model's innovation radar (issue 17): its activities by stage. A move writes the card's
 * stage like the card's editor does, so it is one change in the revision log ("innovation stage").
 */
export function RadarView({
  model,
  binding,
  readOnly,
  onShow,
}: {
  model: LogicModel;
  binding: YjsFlowBinding;
  readOnly: boolean;
  onShow: (nodeId: string) => void;
}) {
  const items = useMemo(() => radarItemsOf(model), [model]);
  return (
    <div className="radar-view" data-testid="radar-view">
      <header className="radar-header">
        <h1>Innovation radar</h1>
        <p className="muted" id="radar-keys">
          {readOnly
            ? "Each activity by its stage. Enter or a click opens it on the canvas."
            : "Drag an activity to another stage, or focus it and press ← or → to move it one stage. Enter or a click opens it on the canvas."}
        </p>
      </header>
      <OverloadWarnings list={overloads(items)} />
      {items.length === 0 ? (
        <p className="page-message">This model has no activities yet: add them on the canvas.</p>
      ) : (
        <RadarBoard
          items={items}
          onMove={
            readOnly ? undefined : (item, stage) => binding.updateNode(item.nodeId, { stage })
          }
          onOpen={(item) => onShow(item.nodeId)}
        />
      )}
    </div>
  );
}
