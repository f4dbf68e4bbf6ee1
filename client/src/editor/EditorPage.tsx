import { useEffect, useMemo, useState } from "react";
import { getModel, type ModelInfo } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { getDisplayName, recentModels, rememberModel } from "../app/local-store.ts";
import { sessionTokenFor } from "../collab/review-person.ts";
import { CollabSession } from "../collab/session.ts";
import { DisplayNameDialog } from "../home/DisplayNameDialog.tsx";
import { Editor } from "./Editor.tsx";
import { RefusedModel } from "./RefusedModel.tsx";
import { reopenRecovered, useRefusal } from "./use-refusal.ts";

type Access = { role: string; title: string } | { error: string };

/** Resolves the link's role (from the server, or from this browser's memory when offline). */
export function EditorPage({ modelId, token }: { modelId: string; token: string }) {
  const [name, setName] = useState(getDisplayName());
  const [access, setAccess] = useState<Access | null>(null);
  const [session, setSession] = useState<CollabSession | null>(null);
  const refusal = useRefusal(session);
  const historyAccess = useMemo(
    () => ({ modelId, token, displayName: name ?? "" }),
    [modelId, token, name],
  );

  useEffect(() => {
    if (!token) {
      setAccess({ error: "This link has no access token. Open the full link you were given." });
      return;
    }
    getModel(modelId, token)
      .then((info: ModelInfo) => {
        setAccess({ role: info.role, title: info.title });
        rememberModel({
          id: modelId,
          title: info.title,
          role: info.role,
          link: window.location.href,
        });
      })
      .catch((error: unknown) => {
        const known = recentModels().find((m) => m.id === modelId && m.link.includes(token));
        if (error instanceof ApiError && error.status === 0 && known) {
          setAccess({ role: known.role, title: known.title });
        } else {
          setAccess({ error: error instanceof Error ? error.message : String(error) });
        }
      });
  }, [modelId, token]);

  // Connects while the role is still being asked for: the two round trips overlap, and a link
  // the server refuses closes the connection with its reason anyway.
  useEffect(() => {
    if (!token) return;
    // The token names the person too, so the server can stamp their comments and revisions.
    const created = new CollabSession(modelId, sessionTokenFor(token, name));
    setSession(created);
    return () => created.destroy();
  }, [modelId, token, name]);

  if (!name) return <DisplayNameDialog onDone={setName} />;
  // Before the access error: a model that does not read cannot say its role either.
  if (session && refusal)
    return (
      <RefusedModel
        access={historyAccess}
        role={access && "role" in access ? access.role : undefined}
        reason={refusal.message}
        onRecovered={() => reopenRecovered(session)}
      />
    );
  if (access && "error" in access)
    return (
      <div className="page-message" role="alert">
        <h1>This model cannot be opened</h1>
        <p>{access.error}</p>
        <a href="/">Back to your models</a>
      </div>
    );
  if (!access || !session)
    return (
      <div className="page-message" aria-busy="true">
        Opening the model…
      </div>
    );
  return <Editor session={session} role={access.role} displayName={name} />;
}
