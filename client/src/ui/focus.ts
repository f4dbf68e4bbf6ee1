/** Focus helpers for dialogs and menus. */

const FOCUSABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "summary",
  "[tabindex]:not([tabindex='-1'])",
  "[contenteditable='true']",
].join(",");

/** The elements inside `root` that Tab can reach, in document order (hidden ones left out). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0 && !el.closest("[inert]"),
  );
}

/**
 * Where focus goes when a dialog opens: an element marked `data-autofocus`, else the first control
 * of its body (the Close button in its header comes last in that choice), else the dialog itself.
 */
export function firstFocus(dialog: HTMLElement): HTMLElement {
  const marked = dialog.querySelector<HTMLElement>("[data-autofocus]");
  if (marked) return marked;
  const body = dialog.querySelector<HTMLElement>(".modal-body");
  return (body && focusables(body)[0]) ?? focusables(dialog)[0] ?? dialog;
}

/** Keeps Tab and Shift+Tab inside `root`: past the last control comes the first, and back. */
export function trapTab(
  root: HTMLElement,
  event: { shiftKey: boolean; preventDefault: () => void },
): void {
  const list = focusables(root);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const outside = !active || !root.contains(active) || active === root;
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}

let lastFocused: HTMLElement | null = null;
// Followed from the start, so that the first dialog opened already knows it.
if (typeof document !== "undefined")
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLElement) lastFocused = event.target;
  });

/**
 * What a dialog gives the focus back to: the focused element, or when the focus fell to `<body>`
 * (an opener disabled while it loads what the dialog shows), the last element that had it.
 */
export function focusOrigin(): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) return active;
  return lastFocused?.isConnected ? lastFocused : null;
}
