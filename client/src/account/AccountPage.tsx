import type { Account } from "@logic-canvas/shared";
import { useCallback, useEffect, useState } from "react";
import { AccountFrame } from "./AccountForm.tsx";
import { accountApi, type SessionRow } from "./account-api.ts";

/** "Chrome on Linux"-like words for a session's browser, from its user agent. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "another system";
  return `${browser} on ${system}`;
}

function SessionList(props: { current: string | null }) {
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    accountApi.sessions().then(setSessions, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const act = (work: Promise<unknown>) => work.then(load, (e: Error) => setError(e.message));
  if (!sessions) return error ? <p className="error-text">{error}</p> : <p>Loading…</p>;
  const others = sessions.filter((s) => s.token !== props.current);
  return (
    <section aria-label="Your sessions">
      <h2>Where you are signed in</h2>
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.token}>
            <span>
              <strong>{deviceOf(s.userAgent)}</strong>
              {s.token === props.current && <span className="session-current"> · this device</span>}
              <br />
              <span className="session-meta">
                since {new Date(s.createdAt).toLocaleString()}
                {s.ipAddress ? ` · ${s.ipAddress}` : ""}
              </span>
            </span>
            {s.token !== props.current && (
              <button type="button" onClick={() => act(accountApi.endSession(s.token))}>
                End this session
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <button type="button" className="danger" onClick={() => act(accountApi.endOtherSessions())}>
          End all other sessions
        </button>
      )}
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}

/** The Account page: who I am, my sessions on other devices, sign out. */
export function AccountPage() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    accountApi.me().then(setAccount, () => setAccount(null));
    fetch("/api/auth/get-session", { credentials: "same-origin" })
      .then((r) => r.json())
      .then((s: { session?: { token: string } } | null) => setCurrent(s?.session?.token ?? null))
      .catch(() => {});
  }, []);
  if (account === undefined) return <AccountFrame title="Your account">Loading…</AccountFrame>;
  if (account === null) {
    return (
      <AccountFrame title="Your account">
        <p>
          You are not signed in. <a href="/account/sign-in">Sign in</a>
        </p>
      </AccountFrame>
    );
  }
  return (
    <AccountFrame title="Your account" footer={<a href="/">Back to the home page</a>}>
      <p className="account-lead">
        <strong>{account.name}</strong> · {account.email}
      </p>
      <SessionList current={current} />
      <button
        type="button"
        className="primary"
        onClick={() => accountApi.signOut().then(() => window.location.assign("/"))}
      >
        Sign out
      </button>
    </AccountFrame>
  );
}
