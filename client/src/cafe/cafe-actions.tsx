import { LoadedPart } from "../ui/LoadedPart.tsx";
// Kept with the toolbar action, not the lazy dialog: the History panel shows café records too.
import "./cafe.css";
import { lazy, useEffect, useState } from "react";
import type { ToolbarAction } from "../editor/toolbar-actions.ts";
import { onCafeRequest } from "./use-cafe.ts";

// The sessions' views load when the café is first opened, not before the first cards.
const CafeDialog = lazy(() => import("./CafeDialog.tsx").then((m) => ({ default: m.CafeDialog })));

/**
 * The World Café: a toolbar button opens the model's sessions; a facilitator (editor or owner)
 * starts one, everyone with a name and a commenter link or above joins a table. The History
 * panel opens a past session's record here too.
 */
export function useCafeActions(): { actions: ToolbarAction[]; overlays: React.ReactNode } {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(
    () =>
      onCafeRequest((id) => {
        setSelected(id);
        setOpen(true);
      }),
    [],
  );
  const actions: ToolbarAction[] = [
    {
      id: "world-cafe",
      label: "World Café",
      title: "Revisit the model together: prompts, tables, notes, themes and proposals",
      priority: 60,
      testId: "open-cafe",
      run: () => setOpen(true),
    },
  ];
  const overlays = open && (
    <LoadedPart fallback={null}>
      <CafeDialog selected={selected} onSelect={setSelected} onClose={() => setOpen(false)} />
    </LoadedPart>
  );
  return { actions, overlays };
}
