import { AlignmentMapPage } from "../cascade/AlignmentMapPage.tsx";
import { MyActionsPage } from "../plans/MyActionsPage.tsx";
import { WorkspaceRadarPage } from "../radar/WorkspaceRadarPage.tsx";
import { GalleryPage } from "./GalleryPage.tsx";
import { InvitePage } from "./InvitePage.tsx";
import { MembersPage } from "./MembersPage.tsx";
import type { WorkspaceRoute } from "./routes.ts";
import { WorkspaceHome } from "./WorkspaceHome.tsx";

/** The workspace pages, by route; the progress page loads on its own (client/src/main.tsx). */
export function WorkspacesApp({ route }: { route: Exclude<WorkspaceRoute, { page: "progress" }> }) {
  if (route.page === "invite") return <InvitePage token={route.token} />;
  if (route.page === "my-actions") return <MyActionsPage />;
  if (route.page === "radar") return <WorkspaceRadarPage workspaceId={route.workspaceId} />;
  if (route.page === "gallery") return <GalleryPage workspaceId={route.workspaceId} />;
  if (route.page === "alignment") return <AlignmentMapPage workspaceId={route.workspaceId} />;
  if (route.page === "members") return <MembersPage workspaceId={route.workspaceId} />;
  return <WorkspaceHome workspaceId={route.workspaceId} />;
}
