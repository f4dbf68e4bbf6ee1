import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";

/**
 * Renders the page into the document's root. Its own module, loaded by the entry alongside the
 * page's code, so that the entry itself holds no React and asks for the page the moment it runs.
 */
export function mount<P extends object>(root: HTMLElement, Page: ComponentType<P>, props: P): void {
  createRoot(root).render(
    <StrictMode>
      <Page {...props} />
    </StrictMode>,
  );
}
