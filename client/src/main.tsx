import "./strict-csp.ts";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { editorRoute } from "./app/routes.ts";
import { EditorPage } from "./editor/EditorPage.tsx";
import { HomePage } from "./home/HomePage.tsx";
import { registerServiceWorker } from "./offline/register-service-worker.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const route = editorRoute(window.location);

createRoot(root).render(
  <StrictMode>
    {route ? <EditorPage modelId={route.id} token={route.token} /> : <HomePage />}
  </StrictMode>,
);

registerServiceWorker();
