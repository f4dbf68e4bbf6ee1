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
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { editorRoute, isAccountPath } from "./app/routes.ts";
import { EditorPage } from "./editor/EditorPage.tsx";
import { registerServiceWorker } from "./offline/register-service-worker.ts";
import { workspaceRoute } from "./workspaces/routes.ts";

// The model's page is in this bundle, so its first cards wait for nothing more; every other page
// loads its own code when opened (issue 14: the editor's first render paid for all of them).
const AccountPages = lazy(() =>
  import("./account/AccountPages.tsx").then((m) => ({ default: m.AccountPages })),
);
const HomePage = lazy(() => import("./home/HomePage.tsx").then((m) => ({ default: m.HomePage })));
const UnsubscribePage = lazy(() =>
  import("./inbox/UnsubscribePage.tsx").then((m) => ({ default: m.UnsubscribePage })),
);
const WorkspacesApp = lazy(() =>
  import("./workspaces/WorkspacesApp.tsx").then((m) => ({ default: m.WorkspacesApp })),
);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const route = editorRoute(window.location);
const workspaces = workspaceRoute(window.location);

createRoot(root).render(
  <StrictMode>
    {route ? (
      <EditorPage modelId={route.id} token={route.token} />
    ) : (
      <Suspense fallback={<div className="page-message" aria-busy="true" />}>
        {isAccountPath(window.location.pathname) ? (
          <AccountPages path={window.location.pathname} />
        ) : window.location.pathname === "/unsubscribe" ? (
          <UnsubscribePage />
        ) : workspaces ? (
          <WorkspacesApp route={workspaces} />
        ) : (
          <HomePage />
        )}
      </Suspense>
    )}
  </StrictMode>,
);

registerServiceWorker();
