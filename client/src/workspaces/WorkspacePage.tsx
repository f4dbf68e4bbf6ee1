import type { WorkspaceView } from "@logic-canvas/shared";
import type { ReactNode } from "react";
import { AccountMenu } from "../account/AccountMenu.tsx";
import { WorkspaceTree } from "./WorkspaceTree.tsx";

/** The frame every workspace page shares: the brand bar, the tree on the left, the page. */
export function WorkspacePage({
  workspaces,
  selected,
  error,
  children,
  wide = false,
}: {
  workspaces: WorkspaceView[];
  selected: string | null;
  error: string | null;
  children: ReactNode;
  /** Pages of wide tables and maps take the whole width. */
  wide?: boolean;
}) {
  return (
    <div className="home">
      <header className="home-header">
        <a className="brand" href="/workspaces">
          <span className="brand-mark" aria-hidden="true" />
          Logic Canvas
        </a>
        <div className="home-header-end">
          <a href="/">Models opened in this browser</a>
          <AccountMenu inWorkspaces />
        </div>
      </header>
      <div className="ws-layout">
        <WorkspaceTree workspaces={workspaces} selected={selected} />
        <main className={wide ? "ws-main ws-wide" : "ws-main"}>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {children}
        </main>
      </div>
    </div>
  );
}
