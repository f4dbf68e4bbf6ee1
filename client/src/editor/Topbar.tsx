import type { ReactNode } from "react";
import type { Peer } from "../collab/presence.ts";
import type { CollabSession } from "../collab/session.ts";
import { ShareButton } from "../share/ShareButton.tsx";
import { Avatars } from "./Avatars.tsx";
import { ROLE_EXPLAINS, ROLE_LABEL } from "./roles.ts";
import { StatusPill } from "./StatusPill.tsx";
import { TitleField } from "./TitleField.tsx";
import { VIEWS, type ViewId } from "./views.ts";

/** The editor's top bar: home, the model's title, your role, the views, who is here, saving. */
export function Topbar(props: {
  session: CollabSession;
  role: string;
  title: string;
  readOnly: boolean;
  onTitle: (title: string) => void;
  view: ViewId;
  onView: (view: ViewId) => void;
  peers: Peer[];
  following: number | undefined;
  onFollow: (clientId: number | undefined) => void;
  /** The Model menu (duplicate, delete, your name). */
  menu?: ReactNode;
  /** The person's inbox button, with its unread badge. */
  inbox?: ReactNode;
}) {
  const { role, view } = props;
  return (
    <header className="topbar">
      <a href="/" className="brand" title="All models">
        <span className="brand-mark" aria-hidden="true" />
        <span className="visually-hidden">Logic Canvas home</span>
      </a>
      <TitleField value={props.title} readOnly={props.readOnly} onChange={props.onTitle} />
      <span className={`role-badge role-${role}`} title={ROLE_EXPLAINS[role]} data-testid="role">
        {ROLE_LABEL[role] ?? role}
      </span>
      {props.menu}
      <div className="topbar-spacer" />
      {VIEWS.length > 1 && (
        <nav className="view-switch" aria-label="Views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              onClick={() => props.onView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </nav>
      )}
      {props.inbox}
      <ShareButton modelId={props.session.modelId} role={role} peers={props.peers} />
      <Avatars peers={props.peers} following={props.following} onFollow={props.onFollow} />
      <StatusPill session={props.session} />
    </header>
  );
}
