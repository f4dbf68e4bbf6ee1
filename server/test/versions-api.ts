import { expect } from "vitest";
import type { TestPerson } from "../../tests/support/index.ts";
import { api, person } from "../../tests/support/index.ts";

/** Calls to the versions API shared by versions-saving.test.ts and versions-restore.test.ts. */

export const ana = person("Ana");
export const personHeaders = (who: TestPerson = ana) => ({
  "X-Person-Secret": who.secret,
  "X-Person-Name": encodeURIComponent(who.name),
});

export interface Summary {
  id: string;
  label: string;
  kind: "named" | "auto";
  createdAt: string;
  createdBy: { id: string | null; name: string | null; role: string | null };
}

/** The server's options for both files: a short quiet time, and only two automatic versions kept. */
export const VERSION_SERVER = { autoVersionQuietMs: 150, autoVersionKeep: 2 };

export async function listVersions(
  url: string,
  modelId: string,
  token: string,
): Promise<Summary[]> {
  const response = await api(url, `/api/models/${modelId}/versions`, { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { versions: Summary[] }).versions;
}

export async function saveVersion(
  url: string,
  modelId: string,
  token: string,
  label: string,
): Promise<Response> {
  return api(url, `/api/models/${modelId}/versions`, {
    method: "POST",
    token,
    headers: personHeaders(),
    body: JSON.stringify({ label }),
  });
}
