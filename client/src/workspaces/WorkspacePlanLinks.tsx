/**
 * The written plans of every model at or below a workspace, as Word or PDF. Plain links: the
 * session cookie says who asks, and the browser saves the answer as the file the server names.
 */
export function WorkspacePlanLinks({ workspaceId }: { workspaceId: string }) {
  const href = (format: "docx" | "pdf") =>
    `/api/workspaces/${encodeURIComponent(workspaceId)}/report?format=${format}`;
  return (
    <span className="ws-plan-links">
      Written plan:{" "}
      <a href={href("docx")} download data-testid="workspace-plan-docx">
        Word
      </a>{" "}
      ·{" "}
      <a href={href("pdf")} download data-testid="workspace-plan-pdf">
        PDF
      </a>
    </span>
  );
}
