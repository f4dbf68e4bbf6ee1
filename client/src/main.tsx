import "@xyflow/react/dist/style.css";
// The app's stylesheets, in cascade order: tokens, then shared pieces, then each screen's.
// Imported here rather than from components so that their order never depends on import order.
import "./ui/tokens.css";
import "./ui/base.css";
import "./ui/brand.css";
import "./home/home.css";
import "./account/account.css";
import "./workspaces/workspaces.css";
import "./ui/modal.css";
import "./ui/form-fields.css";
import "./editor/editor.css";
import "./canvas/canvas.css";
import "./canvas/card.css";
import "./canvas/canvas-overlays.css";
import "./editor/panels/side-panel.css";
import "./editor/toasts.css";
import "./inbox/inbox.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AccountPages, isAccountPath } from "./account/AccountPages.tsx";
import { editorRoute } from "./app/routes.ts";
import { EditorPage } from "./editor/EditorPage.tsx";
import { HomePage } from "./home/HomePage.tsx";
import { UnsubscribePage } from "./inbox/UnsubscribePage.tsx";
import { registerServiceWorker } from "./offline/register-service-worker.ts";
import { workspaceRoute } from "./workspaces/routes.ts";
import { WorkspacesApp } from "./workspaces/WorkspacesApp.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const route = editorRoute(window.location);
const workspaces = workspaceRoute(window.location);

createRoot(root).render(
  <StrictMode>
    {route ? (
      <EditorPage modelId={route.id} token={route.token} />
    ) : isAccountPath(window.location.pathname) ? (
      <AccountPages path={window.location.pathname} />
    ) : window.location.pathname === "/unsubscribe" ? (
      <UnsubscribePage />
    ) : workspaces ? (
      <WorkspacesApp route={workspaces} />
    ) : (
      <HomePage />
    )}
  </StrictMode>,
);

registerServiceWorker();
