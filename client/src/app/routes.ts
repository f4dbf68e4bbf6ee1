/** The app's URLs, read from the browser location. */

/** `/m/<id>` with `#token=…`; the token stays in the fragment so it never reaches a server log. */
export function editorRoute(location: Location): { id: string; token: string } | null {
  const match = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(location.pathname);
  if (!match) return null;
  const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token") ?? "";
  return { id: match[1] as string, token };
}

/** Whether a path is one of the account pages (`/account`, `/account/…`). */
export const isAccountPath = (path: string) => path === "/account" || path.startsWith("/account/");

/** The model a goal lives in, opened by the person's workspace role (no token in the link). */
export const modelHref = (goal: { modelId: string }) => `/m/${goal.modelId}`;
