import { Component, type ReactNode, Suspense } from "react";

/**
 * A part of the page whose code loads on first use (issue 14), shown with `fallback` while it
 * loads. If its code cannot be fetched (the network dropped before this page ever asked for it)
 * the part says so in words and the rest of the page goes on: an error here must not take the
 * editor, and the work in it, down with it.
 */
export function LoadedPart({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PartBoundary>
  );
}

class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="muted small" role="alert" data-testid="part-not-loaded">
        This part could not load: the network seems to be down. Your work is kept on this device;
        reload once you are back online to open it.
      </p>
    );
  }
}
