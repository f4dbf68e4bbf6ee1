import { editorRoute } from "../app/routes.ts";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { CollabSession } from "../collab/session.ts";
import { InboxButton } from "../inbox/InboxButton.tsx";
import type { useEditorState } from "./editor-state.ts";
import { ModelMenu } from "./ModelMenu.tsx";
import { Topbar } from "./Topbar.tsx";

/** The top bar: title, views, presence, the inbox and the Model menu. */
export function EditorTopbar(props: {
  session: CollabSession;
  role: string;
  displayName: string;
  onAskName: (() => void) | undefined;
  title: string;
  state: ReturnType<typeof useEditorState>;
  binding: YjsFlowBinding;
}) {
  const { session, role, title, state } = props;
  return (
    <Topbar
      session={session}
      role={role}
      title={title}
      readOnly={state.readOnly}
      onTitle={(title) => props.binding.setMeta({ title })}
      view={state.view}
      onView={state.setView}
      peers={state.peers}
      following={state.following}
      onFollow={state.setFollowing}
      inbox={<InboxButton displayName={props.displayName} />}
      menu={
        <ModelMenu
          modelId={session.modelId}
          token={editorRoute(window.location)?.token ?? ""}
          role={role}
          title={title}
          displayName={props.displayName}
          onAskName={props.onAskName}
        />
      }
    />
  );
}
