import type { WorkspaceView } from "@logic-canvas/shared";
import { WORKSPACE_KIND_LABELS } from "@logic-canvas/shared/light";
import { type ReactNode, useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import {
  alignmentHref,
  galleryHref,
  membersHref,
  progressHref,
  radarHref,
  workspaceHref,
} from "../workspaces/routes.ts";
import { WorkspacePage } from "../workspaces/WorkspacePage.tsx";
import { listWorkspaces } from "../workspaces/workspace-api.ts";
import "../monitoring/monitoring.css";
import "./cascade.css";

/** The links to a workspace's cascade pages, beside "Members" on the workspace's home. */
export function CascadeLinks({ workspaceId }: { workspaceId: string }) {
  return (
    <span className="cascade-links">
      <a className="button" href={alignmentHref(workspaceId)}>
        Alignment map
      </a>
      <a className="button" href={progressHref(workspaceId)}>
        Progress
      </a>
    </span>
  );
}

const PAGES = [
  { page: "home", label: "Models", href: workspaceHref },
  { page: "alignment", label: "Alignment map", href: alignmentHref },
  { page: "progress", label: "Progress", href: progressHref },
  { page: "radar", label: "Innovation radar", href: radarHref },
  { page: "gallery", label: "Gallery walk", href: galleryHref },
  { page: "members", label: "Members", href: membersHref },
] as const;

/** Every workspace the person sees, for the tree on the left and the place filters. */
export function useWorkspaceList(): { workspaces: WorkspaceView[]; error: string | null } {
  const [workspaces, setWorkspaces] = useState<WorkspaceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listWorkspaces()
      .then(setWorkspaces)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  return { workspaces, error };
}

/** A cascade page inside the workspace frame: the tree, the workspace's name, the page links. */
export function CascadeFrame({
  workspaceId,
  workspaces,
  page,
  title,
  error,
  actions,
  children,
}: {
  workspaceId: string;
  workspaces: WorkspaceView[];
  page: "alignment" | "progress";
  title: string;
  error: string | null;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const workspace = workspaces.find((w) => w.id === workspaceId);
  return (
    <WorkspacePage workspaces={workspaces} selected={workspaceId} error={error} wide>
      <header className="ws-header cascade-header">
        <div>
          <p className="ws-kind">
            {workspace
              ? `${WORKSPACE_KIND_LABELS[workspace.kind]}: ${workspace.name}`
              : "Workspace"}
          </p>
          <h1>{title}</h1>
        </div>
        {actions}
      </header>
      <nav className="cascade-pages" aria-label="Workspace pages">
        {PAGES.map((p) => (
          <a
            key={p.page}
            href={p.href(workspaceId)}
            aria-current={p.page === page ? "page" : undefined}
          >
            {p.label}
          </a>
        ))}
      </nav>
      {children}
    </WorkspacePage>
  );
}
