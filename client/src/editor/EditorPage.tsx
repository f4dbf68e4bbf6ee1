import { type CanvasSnapshot, canEditGraph } from "@logic-canvas/shared";
import { lazy, useEffect, useMemo, useRef, useState } from "react";
import { getModel, type ModelInfo } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import {
  forgetDeletedModel,
  getDisplayName,
  recentModels,
  rememberModel,
} from "../app/local-store.ts";
import { loadSignedIn, useSignedIn } from "../app/signed-in.ts";
import { sessionTokenFor } from "../collab/review-person.ts";
import { CollabSession, forgetLocalCopies } from "../collab/session.ts";
import { LoadedPart } from "../ui/LoadedPart.tsx";
import { useCanvasSnapshot } from "./canvas-snapshot.ts";
import { Editor } from "./Editor.tsx";
import { RefusedModel } from "./RefusedModel.tsx";
import { reopenRecovered, useDeleted, useRefusal } from "./use-refusal.ts";

// Asked over the model once it shows, so it need not load before the first cards.
const DisplayNameDialog = lazy(() =>
  import("../home/DisplayNameDialog.tsx").then((m) => ({ default: m.DisplayNameDialog })),
);

type Access = { role: string; title: string } | { error: string; gone?: boolean };

/** Why the name is asked, by role: editors before they change anything, others when they write. */
const EDITOR_WHY = "Your changes and your cursor are shown under it.";

/**
 * Resolves the link's role (from the server, or from this browser's memory when offline) and
 * opens the model at once: the display name is not asked before the model shows. Editors and
 * owners are asked on arrival, over the model (they draft live: their cursor and every change
 * they make are shown under their name, so it is asked before their first edit); viewers and
 * commenters are not: a viewer may stay unnamed ("Guest" in presence), a commenter is asked by the
 * comment or vote they start (review/NameToWrite.tsx). Anyone can set it from the Model menu.
 * A signed-in person is never asked: they are their account, under its name.
 */
export function EditorPage({ modelId, token }: { modelId: string; token: string }) {
  const account = useSignedIn();
  const [chosen, setName] = useState(getDisplayName());
  const name = account ? account.name : chosen;
  const [asking, setAsking] = useState<string | null>(null);
  const firstLayer = useCanvasSnapshot(modelId, token);
  const answered = useAccess(modelId, token, () => setAsking(EDITOR_WHY));
  // The snapshot's answer says the role too (the same read check), and is cheap: the canvas need
  // not wait for the model's summary, which reads the whole document. The model's own answer,
  // when it comes, takes over (an error included).
  const access = answered ?? (firstLayer && { role: firstLayer.role, title: firstLayer.title });
  // Opened once it is known whether the person is signed in, so it connects only once.
  const session = useNamedSession(modelId, token, account === undefined ? undefined : name);
  const deleted = useDeleted(session);
  // Deleted while open here, or before this link was opened: nothing of it stays in this browser.
  const gone = Boolean(deleted) || (access !== null && "gone" in access && access.gone === true);
  useForgetWhenGone(gone, modelId, session);
  return (
    <>
      <EditorPageBody
        modelId={modelId}
        token={token}
        name={name ?? ""}
        access={access}
        session={session}
        deleted={deleted}
        onAskName={account ? undefined : () => setAsking("")}
        firstLayer={firstLayer}
      />
      {asking !== null && !account && (
        <LoadedPart fallback={null}>
          <DisplayNameDialog
            initial={name ?? ""}
            why={asking}
            onCancel={() => setAsking(null)}
            onDone={(chosen) => {
              setName(chosen);
              setAsking(null);
            }}
          />
        </LoadedPart>
      )}
    </>
  );
}

/** The link's role and title from the server; an editor or owner with no name is asked for one. */
function useAccess(modelId: string, token: string, askEditorName: () => void): Access | null {
  const [access, setAccess] = useState<Access | null>(null);
  const ask = useRef(askEditorName);
  useEffect(() => {
    // Without a token, a signed-in member opens the model by their workspace role (cookie).
    Promise.all([getModel(modelId, token), loadSignedIn()])
      .then(([info, account]: [ModelInfo, unknown]) => {
        setAccess({ role: info.role, title: info.title });
        const link = window.location.href;
        rememberModel({ id: modelId, title: info.title, role: info.role, link });
        if (canEditGraph(info.role) && !account && !getDisplayName()) ask.current();
      })
      .catch((error: unknown) => setAccess(accessFailure(error, modelId, token)));
  }, [modelId, token]);
  return access;
}

/**
 * The model's session, connected under the person's name (`undefined`: not known yet, so not
 * opened yet). It connects while the role is still being asked for (the two round trips overlap;
 * a link the server refuses closes the connection with its reason anyway); a name given later
 * reconnects the same session (no reload).
 */
function useNamedSession(modelId: string, token: string, name: string | null | undefined) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const nameAtOpen = useRef(name);
  nameAtOpen.current ??= name;
  const known = name !== undefined;
  useEffect(() => {
    if (!known) return;
    // The token names the person too, so the server can stamp their comments and revisions (a
    // signed-in person's are stamped with their account, whatever the token says; a signed-in
    // member with no link token connects by their workspace role, through the session cookie).
    const created = new CollabSession(modelId, sessionTokenFor(token, nameAtOpen.current ?? null));
    setSession(created);
    return () => created.destroy();
  }, [modelId, token, known]);
  useEffect(() => {
    if (name !== undefined) session?.setToken(sessionTokenFor(token, name));
  }, [session, token, name]);
  return session;
}

/** A deleted model leaves this browser's list and its local copies. */
function useForgetWhenGone(gone: boolean, modelId: string, session: CollabSession | null) {
  useEffect(() => {
    if (!gone) return;
    forgetDeletedModel(modelId);
    void session?.local.clearData();
    // After the editor has unmounted and closed its copy of the review document.
    const later = setTimeout(() => forgetLocalCopies(modelId), 0);
    return () => clearTimeout(later);
  }, [gone, modelId, session]);
}

function EditorPageBody(props: {
  modelId: string;
  token: string;
  name: string;
  access: Access | null;
  session: CollabSession | null;
  deleted: string | undefined;
  /** Undefined for a signed-in person, who is never asked. */
  onAskName: (() => void) | undefined;
  firstLayer: CanvasSnapshot | null;
}) {
  const { modelId, token, name, access, session, deleted } = props;
  const refusal = useRefusal(session);
  const historyAccess = useMemo(
    () => ({ modelId, token, displayName: name }),
    [modelId, token, name],
  );
  if (deleted) return <GoneMessage text={deleted} />;
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
    return access.gone ? (
      <GoneMessage text={access.error} />
    ) : (
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
  return (
    <Editor
      session={session}
      role={access.role}
      displayName={name}
      onAskName={props.onAskName}
      firstLayer={props.firstLayer}
    />
  );
}

/** Why the model did not open: offline with a known link opens from memory; deleted is said so. */
function accessFailure(error: unknown, modelId: string, token: string): Access {
  const known = recentModels().find((m) => m.id === modelId && m.link.includes(token));
  if (error instanceof ApiError && error.status === 0 && known)
    return { role: known.role, title: known.title };
  if (error instanceof ApiError && error.status === 404) {
    return {
      gone: true,
      error: "This model no longer exists: its owner deleted it. It is removed from your list.",
    };
  }
  return { error: error instanceof Error ? error.message : String(error) };
}

function GoneMessage({ text }: { text: string }) {
  return (
    <div className="page-message" role="alert" data-testid="model-gone">
      <h1>This model was deleted</h1>
      <p>{text}</p>
      <a href="/">Back to your models</a>
    </div>
  );
}
