import type { MouseEvent } from "react";

/**
 * The page's first Tab stop: a keyboard user goes straight to the canvas instead of tabbing
 * through the header and toolbar. Hidden until it has focus (editor.css).
 */
export function SkipToCanvas() {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    // The canvas passes its focus on to the selected card, or the first in lane order
    // (canvas-keys.ts); focusVisible so it does even though the link was "clicked" by Enter.
    document
      .querySelector<HTMLElement>('.canvas[role="application"]')
      ?.focus({ focusVisible: true } as FocusOptions);
  }
  // In a landmark of its own, so that no content of the page sits outside one (axe "region").
  return (
    <nav aria-label="Skip links">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention, but the URL's fragment holds the share token, so it moves the focus itself instead of navigating. */}
      <a className="skip-link" href="#canvas" onClick={onClick}>
        Skip to canvas
      </a>
    </nav>
  );
}
