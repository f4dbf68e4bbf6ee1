import type { WorkspaceView } from "@logic-canvas/shared";

/** The listed workspaces as nested rows, each with its depth, parents before children. */
export function treeRows(list: WorkspaceView[]): { workspace: WorkspaceView; depth: number }[] {
  const ids = new Set(list.map((w) => w.id));
  const rows: { workspace: WorkspaceView; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const w of list) {
      const top = w.parentId === null || !ids.has(w.parentId);
      if ((parentId === null && top) || (parentId !== null && w.parentId === parentId)) {
        rows.push({ workspace: w, depth });
        visit(w.id, depth + 1);
      }
    }
  };
  visit(null, 0);
  return rows;
}

/** The workspace and every listed one below it. */
export function subtreeIds(list: WorkspaceView[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const w of list)
      if (w.parentId && out.has(w.parentId) && !out.has(w.id)) {
        out.add(w.id);
        grew = true;
      }
  }
  return out;
}
