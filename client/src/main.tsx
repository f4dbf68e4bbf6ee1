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
import type { ComponentType } from "react";
import { afterPageShown } from "./app/page-shown.ts";
import { editorRoute, isAccountPath } from "./app/routes.ts";
import { registerServiceWorker } from "./offline/register-service-worker.ts";
import { workspaceRoute } from "./workspaces/routes.ts";

/**
 * The entry is only this router: each page's code (React included) is asked for as it runs,
 * before anything renders. A model's page asks for the editor at once, as its first cards did
 * when the editor was in this bundle; the workspace pages no longer download and run the
 * editor's half-megabyte before theirs (issue 16: the progress page waited ~1 s for it). The
 * page mounts only once its code is here, with no Suspense fallback first: React holds back
 * content that follows a fallback by up to 300 ms.
 */
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const path = window.location.pathname;
const editor = editorRoute(window.location);
const workspaces = workspaceRoute(window.location);

// Asked for in parallel with the page's code: React and the root it renders into.
const mounting = import("./app/mount.tsx");

function start<P extends object>(page: Promise<ComponentType<P>>, props: P): void {
  Promise.all([mounting, page]).then(
    ([{ mount }, Page]) => {
      mount(root as HTMLElement, Page, props);
      // A model's page installs the offline copy after its first cards (app/page-shown.ts).
      registerServiceWorker(editor ? afterPageShown() : undefined);
    },
    () => {
      // The page's code could not be fetched (offline before this page was ever kept):
      // said in words, without React, which may be what failed to load.
      const p = document.createElement("p");
      p.className = "page-message";
      p.setAttribute("role", "alert");
      p.textContent =
        "This page could not load: the network seems to be down. Reload once you are back online.";
      root?.replaceChildren(p);
    },
  );
}

if (editor)
  start(
    import("./editor/EditorPage.tsx").then((m) => m.EditorPage),
    {
      modelId: editor.id,
      token: editor.token,
    },
  );
else if (isAccountPath(path))
  start(
    import("./account/AccountPages.tsx").then((m) => m.AccountPages),
    { path },
  );
else if (path === "/unsubscribe")
  start(
    import("./inbox/UnsubscribePage.tsx").then((m) => m.UnsubscribePage),
    {},
  );
else if (workspaces?.page === "progress")
  // The progress page on its own: not the other workspace pages' code (issue 16).
  start(
    import("./cascade/ProgressPage.tsx").then((m) => m.ProgressPage),
    { workspaceId: workspaces.workspaceId },
  );
else if (workspaces)
  start(
    import("./workspaces/WorkspacesApp.tsx").then((m) => m.WorkspacesApp),
    {
      route: workspaces,
    },
  );
else
  start(
    import("./home/HomePage.tsx").then((m) => m.HomePage),
    {},
  );
