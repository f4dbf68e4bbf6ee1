import type { AriaLabelConfig } from "@xyflow/react";

/**
 * React Flow's own words for screen readers, in the editor's words (cards and links, not nodes
 * and edges). Defined once, at module level, so that the canvas does not re-render for it.
 */
export const CANVAS_ARIA_LABELS: Partial<AriaLabelConfig> = {
  // React Flow shows the "keyboardDisabled" text when the keyboard is enabled, and the reverse.
  "node.a11yDescription.default":
    "A card. Enter or Space selects it, Delete removes it, Escape clears the selection.",
  "node.a11yDescription.keyboardDisabled":
    "A card. Enter or Space selects it; then the arrow keys move it (Shift for bigger steps). Delete removes it, Escape clears the selection.",
  "node.a11yDescription.ariaLiveMessage": ({ direction }) => `Card moved ${direction}.`,
  "edge.a11yDescription.default":
    "A link between two cards. Enter or Space selects it; then Delete removes it, Escape cancels.",
  "controls.ariaLabel": "Zoom controls",
  "controls.zoomIn.ariaLabel": "Zoom in",
  "controls.zoomOut.ariaLabel": "Zoom out",
  "controls.fitView.ariaLabel": "Fit the whole model",
  "minimap.ariaLabel": "Overview of the whole model",
  "handle.ariaLabel": "Link handle: drag it onto another card to link the two",
};
