import type { MenuItem } from "../ui/MenuButton.tsx";

/**
 * A command of the editor's toolbar. Features add theirs to one list; the priority decides where
 * each goes, so that the toolbar stays on one row on a laptop: the most used are buttons, the
 * rest are items of the "More" menu, in priority order.
 */
export interface ToolbarAction {
  id: string;
  label: string;
  /** A longer explanation, shown on hover. */
  title?: string;
  /** Lower is used more. Below `IN_MENU` it is a button of the toolbar; from it on, a menu item. */
  priority: number;
  disabled?: boolean;
  run: () => void;
  testId?: string;
}

/** Priorities from here on go under "More". */
export const IN_MENU = 100;

/** Splits actions into the toolbar's buttons and the "More" menu's items, each by priority. */
export function placeActions(actions: ToolbarAction[]): {
  buttons: ToolbarAction[];
  menu: MenuItem[];
} {
  const sorted = [...actions].sort((a, b) => a.priority - b.priority);
  return {
    buttons: sorted.filter((a) => a.priority < IN_MENU),
    menu: sorted
      .filter((a) => a.priority >= IN_MENU)
      .map((a) => ({
        id: a.id,
        label: a.label,
        title: a.title,
        disabled: a.disabled,
        onSelect: a.run,
        testId: a.testId,
      })),
  };
}
