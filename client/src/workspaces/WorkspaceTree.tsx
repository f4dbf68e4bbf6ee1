import type { WorkspaceView } from "@logic-canvas/shared";
import { WORKSPACE_KIND_LABELS } from "@logic-canvas/shared/light";
import { workspaceHref } from "./routes.ts";
import { treeRows } from "./tree.ts";

/** The tree on the left: every workspace the person sees, the selected one marked. */
export function WorkspaceTree({
  workspaces,
  selected,
}: {
  workspaces: WorkspaceView[];
  selected: string | null;
}) {
  return (
    <nav className="ws-tree" aria-label="Workspaces">
      <ul>
        {treeRows(workspaces).map(({ workspace: w, depth }) => (
          <li key={w.id} className={`ws-depth-${Math.min(depth, 3)}`}>
            <a
              href={workspaceHref(w.id)}
              aria-current={w.id === selected ? "page" : undefined}
              className={w.archived ? "ws-archived" : undefined}
            >
              <span className="ws-kind">{WORKSPACE_KIND_LABELS[w.kind]}</span>
              <span className="ws-name">{w.name}</span>
              {w.archived && <span className="muted"> (archived)</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
