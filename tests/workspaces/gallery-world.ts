import { setUpServer, signUp } from "../support/accounts.ts";
import type { CreatedModel } from "../support/index.ts";
import {
  call,
  createModelIn,
  createWorkspace,
  join,
  type ListedWorkspace,
  myWorkspaces,
} from "../support/workspaces.ts";

/**
 * The gallery walk's world: district D with schools S and S2; teams A and B under S (siblings),
 * team C under S2 (a cousin, not a sibling); another district E. Ann administers team A (so
 * owns its models), Amy is a member of A, Ben of B, Cal of C, and Oz started E.
 */
export interface GalleryPerson {
  cookie: string;
  id: string;
  name: string;
}

export interface GalleryWorld {
  url: string;
  admin: string;
  district: ListedWorkspace;
  school: ListedWorkspace;
  teamA: ListedWorkspace;
  teamB: ListedWorkspace;
  ann: GalleryPerson;
  amy: GalleryPerson;
  ben: GalleryPerson;
  cal: GalleryPerson;
  oz: GalleryPerson;
  /** Team A's model (the coaching template unless the caller gives another). */
  model: CreatedModel;
}

async function personOf(url: string, cookie: string): Promise<GalleryPerson> {
  const response = await call(url, "/api/accounts/me", { cookie });
  const { account } = (await response.json()) as { account: { id: string; name: string } };
  return { cookie, id: account.id, name: account.name };
}

export async function galleryWorld(
  url: string,
  modelBody: unknown = { template: "coaching" },
): Promise<GalleryWorld> {
  const admin = await setUpServer(url);
  const district = (await myWorkspaces(url, admin)).find((w) => w.parentId === null);
  if (!district) throw new Error("the first run made no district");
  const under = (name: string, kind: "school" | "team", parentId: string) =>
    createWorkspace(url, admin, { name, kind, parentId });
  const school = await under("Lincoln Elementary", "school", district.id);
  const school2 = await under("Roosevelt Middle", "school", district.id);
  const teamA = await under("Grade 3", "team", school.id);
  const teamB = await under("Grade 4", "team", school.id);
  const teamC = await under("Grade 7", "team", school2.id);
  const person = async (name: string, workspaceId: string | null, role: "admin" | "member") => {
    const email = `${name.toLowerCase()}@district.test`;
    const cookie = await signUp(url, email, `${name.toLowerCase()}-password-1`, name);
    if (workspaceId) await join(url, admin, workspaceId, role, cookie);
    return personOf(url, cookie);
  };
  const ann = await person("Ann", teamA.id, "admin");
  const amy = await person("Amy", teamA.id, "member");
  const ben = await person("Ben", teamB.id, "member");
  const cal = await person("Cal", teamC.id, "member");
  const oz = await person("Oz", null, "member");
  await createWorkspace(url, oz.cookie, { name: "Elsewhere", kind: "district" });
  const model = await createModelIn(url, ann.cookie, teamA.id, modelBody);
  return { url, admin, district, school, teamA, teamB, ann, amy, ben, cal, oz, model };
}
