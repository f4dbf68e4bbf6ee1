// The canvas's first layer (issue 14), asked for before the bundle has even been parsed: on a
// model's page (/m/<id>#token=…) this classic script starts the request for the compact snapshot
// of its cards (GET /api/models/<id>/canvas-snapshot, the same read check as the model), so the
// answer is there when the editor first renders. The editor takes the promise from
// window.__logicCanvasEarly (client/src/editor/canvas-snapshot.ts) and validates the answer.
// Who is signed in (GET /api/accounts/me) is asked here too: the model's connection waits for it
// (client/src/app/signed-in.ts takes this answer as its own, status and body).
// Immutable like every file under /assets: a change ships under a new name (…-v2.js).
(() => {
  const match = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(location.pathname);
  if (!match || typeof fetch !== "function") return;
  const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token") || "";
  const id = match[1];
  const snapshot = fetch(`/api/models/${id}/canvas-snapshot`, {
    headers: { authorization: `Bearer ${token}` },
  })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  const me = fetch("/api/accounts/me").then(
    (response) =>
      response
        .json()
        .catch(() => undefined)
        .then((body) => ({ status: response.status, body })),
    () => ({ status: 0, body: undefined }),
  );
  window.__logicCanvasEarly = { id, token, snapshot, me };
})();
